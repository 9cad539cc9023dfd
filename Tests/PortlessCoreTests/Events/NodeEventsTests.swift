import Foundation
import PortlessCore
import Testing

/// The node events on the bus: AWS's registration event, Portless's connection events, one detail for both.
@Suite("Node events")
struct NodeEventsTests {
    static let node = NodeRecord(instanceId: "mi-0123456789abcdef0", accountId: "111122223333", activationId: "act-1", iamRole: "portless-node",
                                 publicKey: Data(), name: "web-1",
                                 info: NodeInfo(hostname: "web-1.lan", ipAddress: "10.0.0.7", platformType: "Linux", platformName: "Debian",
                                                platformVersion: "12", agentVersion: "0.1.0"),
                                 registrationDate: Date(timeIntervalSince1970: 0), lastPingDateTime: nil, online: true)

    @Test("registering is SSM Managed Instance Registration; connecting and disconnecting are Portless's state-change events",
          arguments: [(NodeEvents.State.registered, "SSM Managed Instance Registration"),
                      (.online, "Portless Managed Instance State-change Notification"),
                      (.offline, "Portless Managed Instance State-change Notification")])
    func shape(state: NodeEvents.State, detailType: String) throws {
        let event = NodeEvents.stateChanged(Self.node, state: state, region: "us-east-1", at: Date(timeIntervalSince1970: 60))
        #expect(event.source == "aws.ssm" && event.detailType == detailType)
        #expect(event.resources == ["arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0"])
        #expect(event.detail["state"] == .string(state.rawValue) && event.detail["instance-id"] == .string(Self.node.instanceId)
                && event.detail["computer-name"] == .string("web-1.lan") && event.detail["name"] == .string("web-1"))
        let pattern = try EventPattern(parsing: #"{"source":["aws.ssm"],"detail":{"state":["\#(state.rawValue)"],"ip-address":[{"cidr":"10.0.0.0/24"}]}}"#)
        #expect(pattern.matches(event.json))
        #expect(event.json["time"] == .string("1970-01-01T00:01:00Z"))
    }
}
