public import Foundation

/// The events a managed node's life publishes under source `aws.ssm`: registering is AWS's
/// `SSM Managed Instance Registration`; AWS has no event for an agent connecting or disconnecting, so those are
/// Portless's own `Portless Managed Instance State-change Notification`. Both carry the same detail.
public enum NodeEvents {
    public static let source = "aws.ssm"
    public static let registrationDetailType = "SSM Managed Instance Registration"
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
        return EventEnvelope(detailType: state == .registered ? registrationDetailType : detailType, source: source, account: node.accountId, time: time, region: region,
                             resources: [ARN.managedInstance(region: region, account: node.accountId, id: node.instanceId)], detail: .object(detail))
    }
}
