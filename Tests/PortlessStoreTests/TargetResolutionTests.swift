import Foundation
import Logging
import PortlessCore
import PortlessStore
import Testing

// SendCommand's targets resolved by the store's indexed query must choose exactly the nodes that
// `TargetSelector.matches` (the SSM rules in Core) chooses, in registration order, in the caller's
// account only.

@Suite("Target resolution in the store")
struct TargetResolutionTests {
    private static let account = "111111111111"
    private static let otherAccount = "222222222222"

    /// A store with 40 nodes of `account` tagged Role/Env/Backup in a pattern, and 5 of another account.
    private func fleet() async throws -> (store: SQLStore, directory: URL, ids: [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("store.sqlite").path, logger: Logger(label: "test"))
        var ids: [String] = []
        for (account, count) in [(Self.account, 40), (Self.otherAccount, 5)] {
            let activation = ActivationRecord(activationId: UUID().uuidString, accountId: account, codeHash: "", iamRole: "role",
                                              registrationLimit: 1000, registrationsCount: 0, expirationDate: Date().addingTimeInterval(3600),
                                              defaultInstanceName: nil, description: nil, tags: [Tag(key: "Fleet", value: "f")], createdDate: Date())
            try await store.insertActivation(activation)
            for index in 0..<count {
                let id = String(format: "mi-%017x", ids.count)
                let node = NodeRecord(instanceId: id, accountId: account, activationId: activation.activationId, iamRole: "role",
                                      publicKey: Data([UInt8(ids.count)]), name: nil,
                                      info: NodeInfo(hostname: "host-\(ids.count)", ipAddress: "10.0.0.1", platformType: "Linux",
                                                     platformName: "Debian", platformVersion: "12", agentVersion: "1"),
                                      registrationDate: Date(timeIntervalSince1970: 1_000_000 + Double(ids.count)), lastPingDateTime: nil, online: false)
                try await store.registerNode(node, activationId: activation.activationId) { _ in }
                var tags = [Tag(key: "Role", value: ["web", "db", "cache"][index % 3]), Tag(key: "Env", value: index % 2 == 0 ? "prod" : "dev")]
                if index % 5 == 0 { tags.append(Tag(key: "Backup", value: "")) }
                if index % 7 == 0 { tags.append(Tag(key: "role", value: "web")) }
                try await store.addTags(tags, resourceType: "ManagedInstance", resourceId: id)
                ids.append(id)
            }
        }
        return (store, directory, ids)
    }

    private static let cases: [[Target]] = [
        [Target(key: "InstanceIds", values: ["*"])],
        [Target(key: "tag:Role", values: ["web"])],
        [Target(key: "tag:Role", values: ["web", "db"])],
        [Target(key: "tag:Role", values: ["Web"])],
        [Target(key: "tag:role", values: ["web"])],
        [Target(key: "tag:Backup", values: [""])],
        [Target(key: "tag:Fleet", values: ["f"])],
        [Target(key: "tag-key", values: ["Backup"])],
        [Target(key: "tag-key", values: ["Backup", "role"])],
        [Target(key: "tag-key", values: ["Missing"])],
        [Target(key: "tag:Role", values: ["web", "db"]), Target(key: "tag:Env", values: ["prod"])],
        [Target(key: "tag:Role", values: ["web"]), Target(key: "tag:Role", values: ["db"])],
        [Target(key: "InstanceIds", values: ["*"]), Target(key: "tag-key", values: ["Backup"])],
        [Target(key: "InstanceIds", values: [String(format: "mi-%017x", 3), String(format: "mi-%017x", 10), String(format: "mi-%017x", 42)])],
        [Target(key: "InstanceIds", values: [String(format: "mi-%017x", 3), String(format: "mi-%017x", 10)]),
         Target(key: "tag:Env", values: ["dev"])],
    ]

    @Test(arguments: cases)
    func storeChoosesWhatTheSelectorMatches(_ targets: [Target]) async throws {
        let (store, directory, _) = try await fleet()
        defer { try? FileManager.default.removeItem(at: directory) }
        let selector = try TargetSelector(targets)
        let tags = try await store.allTags(resourceType: "ManagedInstance")
        let expected = try await store.nodes(accountId: Self.account).filter { node in
            let nodeTags = Dictionary((tags[node.instanceId] ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            return selector.matches(.init(id: node.instanceId, tags: nodeTags))
        }.map { TargetedNode(instanceId: $0.instanceId, hostname: $0.info.hostname) }
        let chosen = try await store.targetNodes(accountId: Self.account, meeting: selector.conditions)
        #expect(chosen == expected)
        try await store.close()
    }
}
