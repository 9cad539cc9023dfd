/// `LOCAL:HOST:PORT`: listen on 127.0.0.1:LOCAL and carry each connection to HOST:PORT as the node
/// sees it (`localhost` is the node itself).
public struct PortForwardSpec: Sendable, Equatable {
    public var localPort: Int
    public var host: String
    public var remotePort: Int

    public init(localPort: Int, host: String, remotePort: Int) {
        self.localPort = localPort
        self.host = host
        self.remotePort = remotePort
    }

    /// Parses `LOCAL:HOST:PORT`; an IPv6 host goes in brackets (`8080:[fd00::5]:80`).
    public init(parsing text: String) throws(PortForwardSpecError) {
        guard let firstColon = text.firstIndex(of: ":"), let lastColon = text.lastIndex(of: ":"), firstColon < lastColon else {
            throw .malformed(text)
        }
        var host = String(text[text.index(after: firstColon)..<lastColon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let local = Int(text[..<firstColon]), let remote = Int(text[text.index(after: lastColon)...]),
              (1...65535).contains(local), (1...65535).contains(remote), !host.isEmpty, !host.contains(where: \.isWhitespace) else {
            throw .malformed(text)
        }
        self.init(localPort: local, host: host, remotePort: remote)
    }

    /// Whether the destination is the node itself.
    public var isNodeItself: Bool { host == "localhost" }
}

/// A `--forward` value that is not `LOCAL:HOST:PORT`.
public enum PortForwardSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not LOCAL:HOST:PORT (ports 1-65535, e.g. 8080:localhost:80)"
        }
    }
}
