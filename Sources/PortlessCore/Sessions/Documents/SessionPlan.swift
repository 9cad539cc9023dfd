/// A validated StartSession request: the document's kind of session, what it connects to or runs
/// (parameters interpolated), and the preferences that govern it.
public struct SessionPlan: Sendable, Equatable {
    /// The document's name as StartSession resolved it (`SSM-SessionManagerRunShell` by default).
    public var documentName: String
    public var sessionType: SessionType
    /// The document's top-level `properties` with parameters interpolated (Port: `portNumber`, `type`,
    /// `localPortNumber`, `host`, ...) — sent to the client in the handshake. Nested blocks
    /// (`linux`, `windows`) are left out.
    public var properties: [String: String]
    /// InteractiveCommands/NonInteractiveCommands: `properties.linux.commands`, interpolated (a list
    /// joined one item per line).
    public var command: String?
    /// Port: `properties.host` (…ToRemoteHost); nil means the node itself.
    public var host: String?
    /// Port: `properties.portNumber`.
    public var port: Int?
    /// Port with `type: LocalPortForwarding`: the stream carries the plugin's smux multiplexer.
    public var multiplexed: Bool
    /// The account's `SSM-SessionManagerRunShell` inputs, overridden by a Standard_Stream document's own inputs.
    public var preferences: SessionPreferences

    public init(documentName: String, sessionType: SessionType, properties: [String: String] = [:], command: String? = nil,
                host: String? = nil, port: Int? = nil, multiplexed: Bool = false, preferences: SessionPreferences = .defaults) {
        self.documentName = documentName
        self.sessionType = sessionType
        self.properties = properties
        self.command = command
        self.host = host
        self.port = port
        self.multiplexed = multiplexed
        self.preferences = preferences
    }
}
