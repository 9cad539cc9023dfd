/// Turns a Session document and StartSession's `Parameters` into a `SessionPlan`: checks the parameters
/// against the document's declarations (defaults applied), interpolates `properties`, and reads what the
/// session connects to or runs. Pure: no I/O.
public enum SessionPlanner {
    /// The `type` that makes a Port session multiplexed.
    public static let localPortForwarding = "LocalPortForwarding"

    /// The plan for `document` (named `name`) with `parameters` as StartSession gives them, under the
    /// account's `preferences`. Parameter errors are `InvalidParameters` naming `Parameters.<name>`; a
    /// document that cannot open a session on a Linux node is `InvalidDocument`.
    public static func plan(_ document: SessionDocument, name: String, parameters: [String: [String]],
                            accountPreferences: SessionPreferences) throws -> SessionPlan {
        let resolved = try ParameterValidator.resolve(parameters, declarations: document.parameters)
        let properties = Interpolator.interpolate(document.properties, with: resolved.mapValues(\.typed))
        let members = properties.objectValue ?? [:]
        var plan = SessionPlan(documentName: name, sessionType: document.sessionType,
                               properties: members.compactMapValues(scalarText),
                               preferences: document.sessionType == .standardStream
                                   ? accountPreferences.applying(document.inputs) : accountPreferences)
        switch document.sessionType {
        case .standardStream:
            break
        case .interactiveCommands, .nonInteractiveCommands:
            guard let commands = members["linux"]?["commands"], let script = SessionDocumentValidator.commandLines(commands) else {
                throw PortlessError(.invalidDocument, "Document \(name) has no commands for Linux nodes (properties.linux.commands).",
                                    field: "DocumentName")
            }
            plan.command = script
        case .port:
            guard let text = plan.properties["portNumber"] else {
                throw PortlessError(.invalidDocument, "Port document \(name) has no properties.portNumber.", field: "DocumentName")
            }
            guard let port = Int(text), (1...65535).contains(port) else {
                throw PortlessError(.invalidParameters, "portNumber '\(text)' is not a port number from 1 to 65535.", field: "Parameters.portNumber")
            }
            plan.port = port
            plan.host = plan.properties["host"].flatMap { $0.isEmpty ? nil : $0 }
            plan.multiplexed = plan.properties["type"] == localPortForwarding
        }
        return plan
    }

    /// A top-level property as the handshake carries it: strings as they are, numbers and booleans as
    /// text; nested blocks are not properties of the handshake.
    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number, .bool: ParameterValues.text(of: value)
        case .null, .array, .object: nil
        }
    }
}
