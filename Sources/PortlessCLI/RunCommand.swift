import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless run`: runs shell commands on many nodes through `AWS-RunShellScript` and prints each
/// node's result as it arrives.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run shell commands on nodes chosen by tag, ID or all.",
        usage: "portless run --targets tag:role=web -- 'uname -a'")

    @OptionGroup var client: ClientOptions

    @OptionGroup var nodes: NodeSelection

    @Option(name: .customLong("working-directory"))
    var workingDirectory: String?

    @Option(name: .customLong("execution-timeout"), help: "Seconds the commands may run.")
    var executionTimeout: Int?

    @Option(help: "Seconds to wait for offline nodes (TimeoutSeconds).")
    var timeout: Int?

    @Option(help: "A comment stored with the command.")
    var comment: String?

    @Argument(help: "The shell commands, one per argument, after --.")
    var commands: [String]

    func validate() throws {
        guard !commands.isEmpty else { throw ValidationError("Give the commands to run after --.") }
    }

    func run() async throws {
        let api = try client.client()
        var request: [String: JSONValue] = [
            "DocumentName": .string(BuiltinDocuments.runShellScriptName),
            "Parameters": .object(parameters()),
        ]
        if let ids = nodes.ids {
            request["InstanceIds"] = .array(ids.map(JSONValue.string))
        } else {
            request["Targets"] = NodeSelection.json(nodes.asTargets)
        }
        if let timeout { request["TimeoutSeconds"] = .number(Double(timeout)) }
        if let comment { request["Comment"] = .string(comment) }
        let reply = try await api.call("AmazonSSM.SendCommand", .object(request))
        guard let commandId = reply["Command"]?["CommandId"]?.stringValue else {
            throw ClientError.transport("SendCommand returned no CommandId.")
        }
        Console.line("Command \(commandId) sent to \(Self.int(reply["Command"]?["TargetCount"])) node(s)")
        let outcome = try await CommandWatcher(api: api, commandId: commandId).watch { invocation in
            Console.line(ResultPrinter.format(invocation))
        }
        Console.line("\(outcome.succeeded) succeeded, \(outcome.failed) failed")
        if outcome.failed > 0 { throw ExitCode(1) }
    }

    private func parameters() -> [String: JSONValue] {
        var values: [String: JSONValue] = ["commands": .array(commands.map(JSONValue.string))]
        if let workingDirectory { values["workingDirectory"] = .array([.string(workingDirectory)]) }
        if let executionTimeout { values["executionTimeout"] = .array([.string(String(executionTimeout))]) }
        return values
    }

    static func int(_ value: JSONValue?) -> Int {
        if case .number(let number)? = value { return Int(number) }
        return 0
    }
}
