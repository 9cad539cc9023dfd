import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless iam`: identity and access tools.
struct IAMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "iam", abstract: "Identity and access tools.",
                                                    subcommands: [IAMSimulateCommand.self, IAMValidatePolicyCommand.self])
}

/// `portless iam simulate`: how the policy evaluator decides actions for a principal (SimulatePrincipalPolicy) or
/// for policies given as files (SimulateCustomPolicy), and which statements decided.
struct IAMSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Show how policies decide actions on resources.",
        discussion: """
            With --principal, the principal's own policies are evaluated (SimulatePrincipalPolicy); with --policy files \
            instead, those policies (SimulateCustomPolicy). Context values: --context aws:MultiFactorAuthPresent=true \
            --context ssm:resourceTag/team=a (true/false are booleans, numbers numeric, a,b a list).
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: "The user, group or role ARN whose policies are evaluated.")
    var principal: String?

    @Option(name: .customLong("policy"), help: "A policy document file to evaluate (repeatable).")
    var policyFiles: [String] = []

    @Option(name: .customLong("action"), help: "An action such as ssm:SendCommand (repeatable).")
    var actions: [String]

    @Option(name: .customLong("resource"), help: "A resource ARN (repeatable; default *).")
    var resources: [String] = []

    @Option(name: .customLong("context"), help: "A context key and value: KEY=VALUE (repeatable).")
    var context: [String] = []

    func validate() throws {
        guard (principal == nil) != policyFiles.isEmpty else { throw ValidationError("Give either --principal or --policy files.") }
        guard !actions.isEmpty else { throw ValidationError("Give at least one --action.") }
    }

    func run() async throws {
        let configuration = try ClientConfiguration.resolve(endpoint: client.endpoint, profile: client.profile, caBundle: client.caBundle)
        let iam = QueryClient(configuration: configuration, service: "iam", version: "2010-05-08")
        var parameters: [(String, String)] = []
        parameters += actions.enumerated().map { ("ActionNames.member.\($0.offset + 1)", $0.element) }
        parameters += resources.enumerated().map { ("ResourceArns.member.\($0.offset + 1)", $0.element) }
        parameters += try contextParameters()
        let action: String
        if let principal {
            action = "SimulatePrincipalPolicy"
            parameters.append(("PolicySourceArn", principal))
        } else {
            action = "SimulateCustomPolicy"
            for (index, file) in policyFiles.enumerated() {
                parameters.append(("PolicyInputList.member.\(index + 1)", try String(contentsOfFile: file, encoding: .utf8)))
            }
        }
        let reply = try await iam.call(action, parameters)
        var rows = [["ACTION", "RESOURCE", "DECISION", "MATCHED"]]
        for result in reply.members(of: "EvaluationResults") {
            let matched = result.members(of: "MatchedStatements").compactMap { $0.first("SourcePolicyId") }
            rows.append([result.first("EvalActionName") ?? "-", result.first("EvalResourceName") ?? "*",
                         result.first("EvalDecision") ?? "-", matched.isEmpty ? "-" : matched.joined(separator: ", ")])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            Console.line(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }

    /// `ContextEntries` from `KEY=VALUE` options, typed by their values.
    private func contextParameters() throws -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, entry) in context.enumerated() {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--context \(entry): expected KEY=VALUE.")
            }
            let key = String(entry[..<equals])
            let values = entry[entry.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let prefix = "ContextEntries.member.\(index + 1)"
            var type = values.allSatisfy { $0 == "true" || $0 == "false" } ? "boolean" : values.allSatisfy { Double($0) != nil } ? "numeric" : "string"
            if values.count > 1 { type += "List" }
            parameters.append(("\(prefix).ContextKeyName", key))
            parameters.append(("\(prefix).ContextKeyType", type))
            parameters += values.enumerated().map { ("\(prefix).ContextKeyValues.member.\($0.offset + 1)", $0.element) }
        }
        return parameters
    }
}
