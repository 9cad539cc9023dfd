import Foundation
@testable import PortlessCore
import Testing

// Identifiers in AWS's formats: managed-node IDs `mi-` + 17 lower-case hex digits, 12-digit
// account IDs not starting with 0, access key IDs `AKIA` + 16, lower-case UUIDs.

private func matches(_ value: String, _ pattern: String) -> Bool {
    value.range(of: "^\(pattern)$", options: .regularExpression) != nil
}

@Suite("Identifiers")
struct IdentifierTests {
    @Test(arguments: [" c0ffee00-1234-4abc-8def-0123456789ab", "+c0ffee0-1234-4abc-8def-0123456789ab",
                      "0xffee00-1234-4abc-8def-0123456789ab", "c0ffee00-1234-4abc-8def-0123456789a",
                      "c0ffee00123404abc08def00123456789ab", "ｃ0ffee00-1234-4abc-8def-0123456789ab"])
    func lenientUUIDFormsAreRefused(value: String) {
        #expect(!Identifiers.isUUID(value))
    }

    private static let draws = 2_000

    @Test func nodeIDFormat() {
        var seen = Set<String>()
        for _ in 0..<Self.draws {
            let id = Identifiers.nodeID()
            #expect(id.count == 20)
            #expect(matches(id, "mi-[0-9a-f]{17}"), "\(id)")
            #expect(Identifiers.isNodeID(id))
            seen.insert(id)
        }
        #expect(seen.count == Self.draws)
    }

    @Test func nodeIDsUseEveryHexDigit() {
        let digits = Set((0..<200).flatMap { _ in Identifiers.nodeID().dropFirst(3) })
        #expect(digits == Set("0123456789abcdef"))
    }

    @Test func accountIDFormat() {
        var seen = Set<String>()
        var firstDigits = Set<Character>()
        for _ in 0..<Self.draws {
            let id = Identifiers.accountID()
            #expect(matches(id, "[1-9][0-9]{11}"), "\(id)")
            if let first = id.first { firstDigits.insert(first) }
            seen.insert(id)
        }
        #expect(seen.count == Self.draws)
        #expect(!firstDigits.contains("0"))
        #expect(firstDigits.count > 1)
    }

    @Test func accessKeyIDFormat() {
        var seen = Set<String>()
        for _ in 0..<Self.draws {
            let id = Identifiers.accessKeyID()
            #expect(id.count == 20)
            #expect(matches(id, "AKIA[A-Z2-7]{16}"), "\(id)")
            seen.insert(id)
        }
        #expect(seen.count == Self.draws)
    }

    @Test func secretAccessKeyFormat() {
        var seen = Set<String>()
        for _ in 0..<Self.draws {
            let secret = Identifiers.secretAccessKey()
            #expect(secret.count == 40)
            #expect(matches(secret, "[A-Za-z0-9+/]{40}"))
            seen.insert(secret)
        }
        #expect(seen.count == Self.draws)
    }

    @Test func activationCodeFormat() {
        var seen = Set<String>()
        for _ in 0..<Self.draws {
            let code = Identifiers.activationCode()
            #expect(matches(code, "[A-Za-z0-9]{20}"), "\(code)")
            seen.insert(code)
        }
        #expect(seen.count == Self.draws)
    }

    @Test func uuidFormat() {
        var seen = Set<String>()
        for _ in 0..<Self.draws {
            let id = Identifiers.uuid()
            #expect(matches(id, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "\(id)")
            #expect(Identifiers.isUUID(id))
            seen.insert(id)
        }
        #expect(seen.count == Self.draws)
    }

    @Test(arguments: ["mi-0123456789abcdef0", "mi-00000000000000000", "mi-fffffffffffffffff"])
    func wellFormedNodeIDs(_ value: String) {
        #expect(Identifiers.isNodeID(value))
    }

    @Test(arguments: [
        "", "mi-", "mi-0123456789abcdef", "mi-0123456789abcdef01", "mi-0123456789ABCDEF0", "MI-0123456789abcdef0",
        "i-0123456789abcdef0", "mi0123456789abcdef0", "mi_0123456789abcdef0", "mi-0123456789abcdefg",
        " mi-0123456789abcdef0", "mi-0123456789abcdef0 ", "mi-0123456789abcdef\n", "mi-*", "mi-０123456789abcdef0",
    ])
    func malformedNodeIDs(_ value: String) {
        #expect(!Identifiers.isNodeID(value))
    }

    @Test(arguments: ["c0ffee00-1234-4abc-8def-0123456789ab", "C0FFEE00-1234-4ABC-8DEF-0123456789AB"])
    func wellFormedUUIDs(_ value: String) {
        #expect(Identifiers.isUUID(value))
    }

    @Test(arguments: [
        "", "not-a-uuid", "c0ffee00123442bc8def0123456789ab", "c0ffee00-1234-4abc-8def-0123456789a",
        "c0ffee00-1234-4abc-8def-0123456789abc", "{c0ffee00-1234-4abc-8def-0123456789ab}",
        "g0ffee00-1234-4abc-8def-0123456789ab", "c0ffee00-1234-4abc-8def-0123456789a ",
    ])
    func malformedUUIDs(_ value: String) {
        #expect(!Identifiers.isUUID(value))
    }

    @Test func arns() {
        #expect(ARN.managedInstance(region: "us-east-1", account: "123456789012", id: "mi-0123456789abcdef0")
            == "arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0")
        #expect(ARN.document(region: "eu-west-1", account: "123456789012", name: "MyDoc")
            == "arn:aws:ssm:eu-west-1:123456789012:document/MyDoc")
        #expect(ARN.role(account: "123456789012", name: "SSMRole") == "arn:aws:iam::123456789012:role/SSMRole")
        #expect(ARN.root(account: "123456789012") == "arn:aws:iam::123456789012:root")
    }
}
