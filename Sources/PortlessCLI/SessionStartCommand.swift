import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless session [start] NODE`: an interactive shell on the node; with `-- COMMAND…` one command
/// without a terminal; with `--forward LOCAL:HOST:PORT` a port forward; with `--ssh-proxy HOST PORT`
/// an OpenSSH `ProxyCommand`. The remote exit code becomes this command's exit status.
struct SessionStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Open a session to a node (the default: `portless session NODE`).",
        usage: """
            portless session mi-0123456789abcdef0
            portless session mi-0123456789abcdef0 -- uname -a
            portless session mi-0123456789abcdef0 --forward 8080:localhost:80
            ssh -o ProxyCommand='portless session --ssh-proxy %h %p' ec2-user@mi-0123456789abcdef0
            """)

    @OptionGroup var client: ClientOptions

    @Argument(help: "The node (mi-…).")
    var node: String?

    @Option(name: .customLong("document-name"), help: "The session document (default: the account's shell document).")
    var documentName: String?

    @Option(help: ArgumentHelp("A document parameter, KEY=VALUE (repeatable), or all of them as a JSON object.", valueName: "parameters"))
    var parameters: [String] = []

    @Option(help: "Why the session is opened (kept with it).")
    var reason: String?

    @Option(help: ArgumentHelp("Listen on 127.0.0.1:LOCAL and carry each connection to HOST:PORT as the node sees it (localhost = the node).",
                               valueName: "LOCAL:HOST:PORT"))
    var forward: String?

    @Option(name: .customLong("ssh-proxy"), parsing: .upToNextOption,
            help: ArgumentHelp("Act as OpenSSH's ProxyCommand: carry stdin/stdout to PORT on node HOST.", valueName: "HOST PORT"))
    var sshProxy: [String] = []

    @Argument(parsing: .postTerminator, help: "A command to run without a terminal, after --.")
    var command: [String] = []

    func validate() throws {
        if !sshProxy.isEmpty {
            guard sshProxy.count == 2, let port = Int(sshProxy[1]), (1...65535).contains(port) else {
                throw ValidationError("--ssh-proxy takes a node and a port: --ssh-proxy %h %p")
            }
            guard node == nil, forward == nil, command.isEmpty, documentName == nil else {
                throw ValidationError("--ssh-proxy takes no other node, --forward, --document-name or command.")
            }
            return
        }
        guard node != nil else { throw ValidationError("Give the node: portless session mi-…") }
        if let forward {
            _ = try forwardSpec(forward)
            guard command.isEmpty, documentName == nil else { throw ValidationError("--forward takes no command or --document-name.") }
        }
        if !command.isEmpty, documentName != nil { throw ValidationError("A command after -- runs with AWS-StartNonInteractiveCommand; drop --document-name.") }
        _ = try documentParameters()
    }

    func run() async throws {
        let api = try client.client()
        let logger = LogSetup.logger(label: "portless.session", level: ProcessInfo.processInfo.environment["PORTLESS_LOG_LEVEL"] ?? "error")
        let status: Int32
        if !sshProxy.isEmpty {
            status = try await SSHProxySession(api: api, logger: logger).run(node: sshProxy[0], port: Int(sshProxy[1]) ?? 22)
        } else if let node, let forward {
            status = try await ForwardSession(api: api, logger: logger).run(node: node, spec: try forwardSpec(forward), reason: reason)
        } else if let node, !command.isEmpty {
            status = try await CommandSession(api: api, logger: logger)
                .run(SessionRequest.command(target: node, arguments: command, reason: reason))
        } else if let node {
            status = try await ShellSession(api: api, logger: logger)
                .run(SessionRequest.shell(target: node, documentName: documentName, parameters: try documentParameters(), reason: reason))
        } else {
            throw ValidationError("Give the node: portless session mi-…")
        }
        if status != 0 { throw ExitCode(status) }
    }

    private func forwardSpec(_ text: String) throws -> PortForwardSpec {
        do {
            return try PortForwardSpec(parsing: text)
        } catch {
            throw ValidationError("--forward \(error)")
        }
    }

    /// `--parameters`: KEY=VALUE pairs (a key given twice gets both values), or one JSON object of
    /// strings or lists of strings.
    private func documentParameters() throws -> [String: [String]] {
        if parameters.count == 1, parameters[0].hasPrefix("{") {
            guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(parameters[0].utf8)) else {
                throw ValidationError("--parameters is not a JSON object.")
            }
            return try object.mapValues { value in
                if let text = value.stringValue { return [text] }
                guard let list = value.arrayValue?.compactMap(\.stringValue), list.count == value.arrayValue?.count else {
                    throw ValidationError("--parameters values are strings or lists of strings.")
                }
                return list
            }
        }
        var values: [String: [String]] = [:]
        for pair in parameters {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--parameters \(pair) is not KEY=VALUE.")
            }
            values[String(pair[..<equals]), default: []].append(String(pair[pair.index(after: equals)...]))
        }
        return values
    }
}
