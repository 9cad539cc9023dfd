import Foundation
public import PortlessCore

/// The StartSession requests `portless session` makes, one per kind of session.
public enum SessionRequest {
    public static let nonInteractiveCommandDocument = "AWS-StartNonInteractiveCommand"
    public static let portForwardingDocument = "AWS-StartPortForwardingSession"
    public static let remoteHostForwardingDocument = "AWS-StartPortForwardingSessionToRemoteHost"
    public static let sshDocument = "AWS-StartSSHSession"

    /// A shell (the account's default session document unless `documentName` is given).
    public static func shell(target: String, documentName: String? = nil, parameters: [String: [String]] = [:],
                             reason: String? = nil) -> JSONValue {
        request(target: target, documentName: documentName, parameters: parameters, reason: reason)
    }

    /// One command run without a terminal. A single argument is a shell command line as written;
    /// several are an argument vector, each quoted for the remote shell.
    public static func command(target: String, arguments: [String], reason: String? = nil) -> JSONValue {
        let line = arguments.count == 1 ? arguments[0] : arguments.map(ShellQuoting.quote).joined(separator: " ")
        return request(target: target, documentName: nonInteractiveCommandDocument, parameters: ["command": [line]], reason: reason)
    }

    /// A port forward: to a port of the node itself when the host is `localhost`, else to a host the node reaches.
    public static func forward(target: String, _ forward: PortForwardSpec, reason: String? = nil) -> JSONValue {
        var parameters = ["portNumber": [String(forward.remotePort)], "localPortNumber": [String(forward.localPort)]]
        guard forward.isNodeItself else {
            parameters["host"] = [forward.host]
            return request(target: target, documentName: remoteHostForwardingDocument, parameters: parameters, reason: reason)
        }
        return request(target: target, documentName: portForwardingDocument, parameters: parameters, reason: reason)
    }

    /// One raw TCP connection to `port` on the node, for OpenSSH's `ProxyCommand`.
    public static func sshProxy(target: String, port: Int) -> JSONValue {
        request(target: target, documentName: sshDocument, parameters: ["portNumber": [String(port)]], reason: nil)
    }

    private static func request(target: String, documentName: String?, parameters: [String: [String]], reason: String?) -> JSONValue {
        var body: [String: JSONValue] = ["Target": .string(target)]
        if let documentName { body["DocumentName"] = .string(documentName) }
        if !parameters.isEmpty {
            body["Parameters"] = .object(parameters.mapValues { .array($0.map(JSONValue.string)) })
        }
        if let reason { body["Reason"] = .string(reason) }
        return .object(body)
    }
}

/// POSIX shell quoting of one argument.
enum ShellQuoting {
    /// The argument as the shell reads it back unchanged: bare when it is only safe characters, else in single quotes.
    static func quote(_ argument: String) -> String {
        let safe = argument.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        if safe, !argument.isEmpty { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
