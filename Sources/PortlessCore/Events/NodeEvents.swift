public import Foundation

/// The events a managed node's life publishes. AWS has no EventBridge event for SSM hybrid nodes registering or
/// connecting, so these are Portless's own, in EventBridge's shape under source `aws.ssm` beside Run Command's.
public enum NodeEvents {
    public static let source = "aws.ssm"
    public static let detailType = "Portless Managed Instance State-change Notification"

    /// What happened to the node.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// It registered with an activation (once, before it first connects).
        case registered = "Registered"
        /// Its agent connected.
        case online = "Online"
        /// Its agent's channel closed.
        case offline = "Offline"
    }

    /// `node` reached `state`.
    public static func stateChanged(_ node: NodeRecord, state: State, region: String, at time: Date) -> EventEnvelope {
        var detail: [String: JSONValue] = [
            "instance-id": .string(node.instanceId),
            "state": .string(state.rawValue),
            "activation-id": .string(node.activationId),
            "iam-role": .string(node.iamRole),
            "computer-name": .string(node.info.hostname),
            "ip-address": .string(node.info.ipAddress),
            "platform-type": .string(node.info.platformType),
            "platform-name": .string(node.info.platformName),
            "agent-version": .string(node.info.agentVersion),
        ]
        if let name = node.name { detail["name"] = .string(name) }
        return EventEnvelope(detailType: detailType, source: source, account: node.accountId, time: time, region: region,
                             resources: [ARN.managedInstance(region: region, account: node.accountId, id: node.instanceId)], detail: .object(detail))
    }
}
