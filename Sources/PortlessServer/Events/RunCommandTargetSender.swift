import Foundation
import PortlessCore

/// EventBridge's SSM Run Command target: sends the target's document with the target's `Input` as its parameters to
/// the `RunCommandTargets` nodes (or, given none, to the node the event names), acting as the rule's role: the role's
/// policies must allow `ssm:SendCommand` on the document and every node.
struct RunCommandTargetSender: Sendable {
    let commands: CommandService
    let store: any Store & IdentityStore
    let authorizer: Authorizer

    /// The session name the role acts under.
    static let sessionName = "portless-events"

    /// Sends the command and returns its ID.
    func send(document: String, target: EventTarget, rule: EventRuleRecord, event: JSONValue, input: String) async throws -> String {
        guard let roleArn = target.roleArn ?? rule.roleArn else { throw EventTargetRefusal("RoleArn is required for target \(target.arn).") }
        let principal = try await role(roleArn, account: rule.accountId)
        let targets: [Target]
        if let given = target.runCommandParameters?.runCommandTargets {
            targets = given
        } else if let node = Self.node(of: event) {
            targets = [Target(key: "InstanceIds", values: [node])]
        } else {
            throw EventTargetRefusal("The event names no managed node and the target has no RunCommandTargets.")
        }
        let nodes = try await store.targetNodes(accountId: rule.accountId, meeting: try TargetSelector(targets).conditions)
        guard !nodes.isEmpty else { throw EventTargetRefusal("No managed node matches the target's RunCommandTargets.") }
        let tags = try await store.allTags(resourceType: NodeService.resourceType)
        var resources = [try await authorizer.resolver.document(document, callerAccount: rule.accountId)]
        resources += authorizer.resolver.nodes(nodes.map { ($0.instanceId, tags[$0.instanceId] ?? []) }, account: rule.accountId)
        try await authorizer.require(AccessCheck("ssm:SendCommand", resources), by: principal)
        let command = try await commands.sendOnBehalf(ServiceCommandRequest(
            commandId: Identifiers.uuid(), accountId: rule.accountId, documentName: document, documentVersion: nil,
            parameters: try Self.parameters(input), nodes: nodes, targets: targets, comment: "EventBridge rule \(rule.name)",
            maxConcurrency: nil, maxErrors: nil, outputS3BucketName: nil, outputS3KeyPrefix: nil))
        return command.commandId
    }

    /// A session of the role named by `roleArn` in `account`, as the evaluator sees it.
    private func role(_ roleArn: String, account: String) async throws -> Principal {
        let prefix = "arn:aws:iam::\(account):role/"
        guard roleArn.hasPrefix(prefix), let name = roleArn.split(separator: "/").last.map(String.init),
              let role = try await store.role(accountId: account, name: name) else {
            throw EventTargetRefusal("The role \(roleArn) does not exist in account \(account).")
        }
        return Principal(accountId: account, userName: Self.sessionName, accessKeyId: "events:\(roleArn)",
                         assumedRole: AssumedRoleSession(roleName: role.roleName, roleId: role.roleId, rolePath: role.path,
                                                         sessionName: Self.sessionName),
                         isTemporary: true)
    }

    /// The managed node an event is about: its detail's `instance-id`, or a managed-instance ARN among its resources.
    static func node(of event: JSONValue) -> String? {
        if let id = event["detail"]?["instance-id"]?.stringValue, Identifiers.isNodeID(id) { return id }
        for resource in event["resources"]?.arrayValue ?? [] {
            if let arn = resource.stringValue, let range = arn.range(of: ":managed-instance/") {
                let id = String(arn[range.upperBound...])
                if Identifiers.isNodeID(id) { return id }
            }
        }
        return nil
    }

    /// The document parameters in `input`: a JSON object of strings or lists of strings (`{"commands": ["uptime"]}`).
    static func parameters(_ input: String) throws -> [String: [String]] {
        guard let object = try? JSONDecoder().decode(JSONValue.self, from: Data(input.utf8)).objectValue else {
            throw EventTargetRefusal("The target's input is not a JSON object of document parameters.")
        }
        var parameters: [String: [String]] = [:]
        for (name, value) in object {
            switch value {
            case .string(let text): parameters[name] = [text]
            case .array(let items): parameters[name] = items.map { $0.stringValue ?? EventInput.json($0) }
            default: parameters[name] = [EventInput.json(value)]
            }
        }
        return parameters
    }
}
