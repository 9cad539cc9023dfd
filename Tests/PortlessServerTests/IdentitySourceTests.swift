import Foundation
import Logging
import PortlessCore
@testable import PortlessServer
import Testing

// What the coming policy evaluator and STS will call: the policies that apply to a principal (and the
// revision that tells when they change), and the one-time check of MFA codes.

@Suite("IAM read side: principal policies and MFA codes")
struct IdentitySourceTests {
    /// A fresh server's store, the IAM operations over it (and its keyring), and the root account.
    private static func withIAM(_ body: @Sendable (IAMOperations, any Store & IdentityStore, String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-iam-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "portless.iam-test")
        logger.logLevel = .critical
        let server = try await PortlessServer.open(ServerConfiguration(dataDirectory: directory, host: "127.0.0.1", port: 0), logger: logger)
        do {
            let store: any Store & IdentityStore = server.store
            let simulator = PolicySimulator(authorizer: server.makeAuthorizer())
            try await body(IAMOperations(store: store, keyring: server.keyring, simulator: simulator), store, server.bootstrap.accountId)
            try await server.close()
        } catch {
            try? await server.close()
            throw error
        }
    }

    static let readSSM = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:Describe*","Resource":"*"}]}"#
    static let denyAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#

    @Test func userPoliciesGatherUserAndGroupPoliciesAndBoundary() async throws {
        try await Self.withIAM { iam, store, account in
            let local = try await iam.policies.create(accountId: account, input: .init(policyName: "local", path: "/x/", document: Self.denyAll,
                                                                                         description: nil, tags: []))
            let boundary = try await iam.policies.create(accountId: account, input: .init(policyName: "bound", path: nil, document: Self.readSSM,
                                                                                            description: nil, tags: []))
            _ = try await iam.users.create(accountId: account, input: .init(userName: "alice", path: nil, permissionsBoundary: boundary.arn,
                                                                            tags: [Tag(key: "team", value: "ops")]))
            _ = try await iam.groups.create(accountId: account, name: "ops", path: nil)
            try await iam.groups.addUser(accountId: account, groupName: "ops", userName: "alice")
            try await iam.inline.put(accountId: account, entity: .user("alice"), name: "mine", document: Self.readSSM)
            try await iam.inline.put(accountId: account, entity: .group("ops"), name: "theirs", document: Self.denyAll)
            try await iam.attachments.attach(accountId: account, entity: .user("alice"), policyArn: local.arn)
            try await iam.attachments.attach(accountId: account, entity: .group("ops"), policyArn: "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess")
            try await iam.attachments.attach(accountId: account, entity: .group("ops"), policyArn: local.arn)

            let source = PrincipalPolicySource(store: store)
            let found = try await source.forUser(accountId: account, userName: "ALICE")
            #expect(found.identity.map(\.name) == ["user/alice/inline/mine", "group/ops/inline/theirs", local.arn,
                                                   "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"])
            #expect(found.identity[2].document == Self.denyAll)
            #expect(found.boundary == PolicyText(name: boundary.arn, document: Self.readSSM))
            #expect(found.tags == [Tag(key: "team", value: "ops")])
            #expect(found.userId?.hasPrefix("AIDA") == true)
            #expect(try await source.managedPolicy(arn: "arn:aws:iam::aws:policy/AdministratorAccess")?.document.contains(#""Action":"*""#) == true)
            #expect(try await source.managedPolicy(arn: "arn:aws:iam::\(account):policy/x/local")?.document == Self.denyAll)
            #expect(try await source.managedPolicy(arn: "arn:aws:iam::\(account):policy/local") == nil)
        }
    }

    @Test func rolePoliciesAndTheDefaultVersion() async throws {
        try await Self.withIAM { iam, store, account in
            let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
            _ = try await iam.roles.create(accountId: account, input: .init(roleName: "web", assumeRolePolicyDocument: trust, path: nil,
                                                                            description: nil, maxSessionDuration: nil, permissionsBoundary: nil, tags: []))
            let managed = try await iam.policies.create(accountId: account, input: .init(policyName: "p", path: nil, document: Self.readSSM,
                                                                                           description: nil, tags: []))
            try await iam.attachments.attach(accountId: account, entity: .role("web"), policyArn: managed.arn)
            try await iam.inline.put(accountId: account, entity: .role("web"), name: "i", document: Self.denyAll)
            _ = try await iam.policies.createVersion(accountId: account, arn: managed.arn, document: Self.denyAll, setAsDefault: true)
            let found = try await PrincipalPolicySource(store: store).forRole(accountId: account, roleName: "web")
            #expect(found.identity == [PolicyText(name: "role/web/inline/i", document: Self.denyAll), PolicyText(name: managed.arn, document: Self.denyAll)])
            #expect(found.boundary == nil && found.userId == nil)
        }
    }

    @Test func generationMovesWithEveryPolicyRelevantWriteOnly() async throws {
        try await Self.withIAM { iam, store, account in
            let source = PrincipalPolicySource(store: store)
            var last = try await source.generation()
            func moved() async throws -> Bool {
                let now = try await source.generation()
                defer { last = now }
                return now > last
            }
            _ = try await iam.users.create(accountId: account, input: .init(userName: "bob", path: nil, permissionsBoundary: nil, tags: []))
            #expect(try await moved())
            try await iam.inline.put(accountId: account, entity: .user("bob"), name: "p", document: Self.readSSM)
            #expect(try await moved())
            _ = try await iam.groups.create(accountId: account, name: "g", path: nil)
            try await iam.groups.addUser(accountId: account, groupName: "g", userName: "bob")
            #expect(try await moved())
            try await iam.users.attributes.tag(accountId: account, name: "bob", tags: [Tag(key: "k", value: "v")])
            #expect(try await moved())
            let principal = Principal(accountId: account, userName: "root", accessKeyId: "AKIAROOT")
            _ = try await iam.accessKeys.create(principal: principal, userName: "bob")
            _ = try await iam.mfa.create(accountId: account, name: "m", path: nil, tags: [])
            #expect(try await !moved())
            await #expect(throws: PortlessError.self) { try await iam.inline.put(accountId: account, entity: .user("bob"), name: "p", document: "{") }
            #expect(try await !moved())
        }
    }

    @Test func mfaCodesAreAcceptedOncePerStepWithinOneStep() async throws {
        try await Self.withIAM { iam, _, account in
            _ = try await iam.users.create(accountId: account, input: .init(userName: "carol", path: nil, permissionsBoundary: nil, tags: []))
            let (device, seed) = try await iam.mfa.create(accountId: account, name: "carol-phone", path: nil, tags: [])
            let totp = TOTP(secret: seed)
            let start = Date(timeIntervalSince1970: 1_800_000_015)
            let step = TOTP.step(at: start)
            let mfa = iam.mfa
            #expect(try await !mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: step), now: start))
            try await mfa.enable(accountId: account, userName: "carol", serialNumber: device.serialNumber,
                                 code1: totp.code(step: step - 1), code2: totp.code(step: step), now: start)
            // The enabling codes are spent.
            #expect(try await !mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: step), now: start))
            let later = start.addingTimeInterval(90)
            let now = step + 3
            #expect(try await !mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: now - 2), now: later))
            #expect(try await mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: now - 1), now: later))
            #expect(try await !mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: now - 1), now: later))
            #expect(try await mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: now + 1), now: later))
            #expect(try await !mfa.verify(accountId: account, serialNumber: device.serialNumber, code: totp.code(step: now), now: later))
            #expect(try await !mfa.verify(accountId: account, serialNumber: device.serialNumber, code: "12345x", now: later))
            #expect(try await !mfa.verify(accountId: account, serialNumber: "arn:aws:iam::\(account):mfa/none", code: "123456", now: later))
        }
    }
}
