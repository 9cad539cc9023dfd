import Foundation
@testable import PortlessCore
import Testing

// SendCommand `Targets`: keys ANDed, values of one key ORed; at most 5 targets; bad shapes are
// `InvalidTarget` naming the entry at fault.

@Suite("TargetSelector")
struct TargetSelectorTests {
    private let web1 = TargetSelector.Candidate(id: "mi-0123456789abcdef0", tags: ["Role": "web", "Env": "prod"])
    private let web2 = TargetSelector.Candidate(id: "mi-0123456789abcdef1", tags: ["Role": "web", "Env": "dev"])
    private let db = TargetSelector.Candidate(id: "mi-0123456789abcdef2", tags: ["Role": "db", "Env": "prod", "Backup": ""])
    private let bare = TargetSelector.Candidate(id: "mi-0123456789abcdef3", tags: [:])
    private var all: [TargetSelector.Candidate] { [web1, web2, db, bare] }

    private func selected(_ targets: [Target]) throws -> [String] {
        let selector = try TargetSelector(targets)
        return all.filter { selector.matches($0) }.map(\.id)
    }

    @Test func instanceIdsMatchListedNodes() throws {
        #expect(try selected([Target(key: "InstanceIds", values: [web1.id, db.id])]) == [web1.id, db.id])
        #expect(try selected([Target(key: "InstanceIds", values: ["mi-ffffffffffffffff0"])]).isEmpty)
    }

    @Test func instanceIdsWildcardMatchesEveryNode() throws {
        #expect(try selected([Target(key: "InstanceIds", values: ["*"])]) == all.map(\.id))
    }

    @Test func tagValuesAreORed() throws {
        #expect(try selected([Target(key: "tag:Role", values: ["web"])]) == [web1.id, web2.id])
        #expect(try selected([Target(key: "tag:Role", values: ["web", "db"])]) == [web1.id, web2.id, db.id])
        #expect(try selected([Target(key: "tag:Role", values: ["cache"])]).isEmpty)
    }

    @Test func tagMatchIsExactAndCaseSensitive() throws {
        #expect(try selected([Target(key: "tag:Role", values: ["Web"])]).isEmpty)
        #expect(try selected([Target(key: "tag:role", values: ["web"])]).isEmpty)
        #expect(try selected([Target(key: "tag:Role", values: ["we"])]).isEmpty)
    }

    @Test func tagWithEmptyValue() throws {
        #expect(try selected([Target(key: "tag:Backup", values: [""])]) == [db.id])
    }

    @Test func tagKeyMatchesPresenceOfAnyListedKey() throws {
        #expect(try selected([Target(key: "tag-key", values: ["Backup"])]) == [db.id])
        #expect(try selected([Target(key: "tag-key", values: ["Backup", "Role"])]) == [web1.id, web2.id, db.id])
        #expect(try selected([Target(key: "tag-key", values: ["Missing"])]).isEmpty)
    }

    @Test func keysAreANDed() throws {
        #expect(try selected([
            Target(key: "tag:Role", values: ["web", "db"]),
            Target(key: "tag:Env", values: ["prod"]),
        ]) == [web1.id, db.id])
        #expect(try selected([
            Target(key: "tag:Role", values: ["web"]),
            Target(key: "tag:Env", values: ["prod"]),
            Target(key: "InstanceIds", values: [web2.id, db.id]),
        ]).isEmpty)
        #expect(try selected([
            Target(key: "InstanceIds", values: ["*"]),
            Target(key: "tag-key", values: ["Backup"]),
        ]) == [db.id])
    }

    @Test func fiveTargetsAreAllowed() throws {
        let targets = (0..<5).map { Target(key: "tag:K\($0)", values: ["v"]) }
        let selector = try TargetSelector(targets)
        #expect(selector.targets == targets)
        #expect(selector.matches(.init(id: bare.id, tags: ["K0": "v", "K1": "v", "K2": "v", "K3": "v", "K4": "v"])))
        #expect(!selector.matches(.init(id: bare.id, tags: ["K0": "v", "K1": "v", "K2": "v", "K3": "v"])))
    }

    @Test func moreThanFiveTargetsAreRefused() throws {
        let targets = (0..<6).map { Target(key: "tag:K\($0)", values: ["v"]) }
        let error = #expect(throws: PortlessError.self) { try TargetSelector(targets) }
        #expect(error?.code == .invalidTarget)
        #expect(error?.field == "Targets")
    }

    @Test func noTargetsAreRefused() throws {
        let error = #expect(throws: PortlessError.self) { try TargetSelector([]) }
        #expect(error?.code == .invalidTarget)
        #expect(error?.field == "Targets")
    }

    @Test(arguments: ["Foo", "instanceids", "InstanceId", "tag:", "tag", "Tag:Role", "tag-value", ""])
    func unsupportedKeyIsRefused(_ key: String) throws {
        let error = #expect(throws: PortlessError.self) { try TargetSelector([Target(key: key, values: ["x"])]) }
        #expect(error?.code == .invalidTarget)
        #expect(error?.field == "Targets[0].Key")
    }

    @Test func faultyEntryIsNamedByIndex() throws {
        let error = #expect(throws: PortlessError.self) {
            try TargetSelector([Target(key: "tag:Role", values: ["web"]), Target(key: "Bogus", values: ["x"])])
        }
        #expect(error?.code == .invalidTarget)
        #expect(error?.field == "Targets[1].Key")
    }

    @Test func tagKeyLengthLimit() throws {
        _ = try TargetSelector([Target(key: "tag:" + String(repeating: "k", count: 128), values: ["v"])])
        let error = #expect(throws: PortlessError.self) {
            try TargetSelector([Target(key: "tag:" + String(repeating: "k", count: 129), values: ["v"])])
        }
        #expect(error?.field == "Targets[0].Key")
    }

    @Test(arguments: ["InstanceIds", "tag:Role", "tag-key"])
    func emptyValuesAreRefused(_ key: String) throws {
        let error = #expect(throws: PortlessError.self) { try TargetSelector([Target(key: key, values: [])]) }
        #expect(error?.code == .invalidTarget)
        #expect(error?.field == "Targets[0].Values")
    }

    @Test func valueCountLimit() throws {
        _ = try TargetSelector([Target(key: "tag:Role", values: (0..<50).map { "v\($0)" })])
        let error = #expect(throws: PortlessError.self) {
            try TargetSelector([Target(key: "tag:Role", values: (0..<51).map { "v\($0)" })])
        }
        #expect(error?.field == "Targets[0].Values")
    }

    @Test(arguments: ["i-0123456789abcdef0", "mi-0123456789abcdef", "mi-0123456789abcdef01", "mi-0123456789ABCDEF0",
                      "mi-0123456789abcdefg", "MI-0123456789abcdef0", "mi-*", "", "**"])
    func malformedNodeIdIsRefused(_ value: String) throws {
        let error = #expect(throws: PortlessError.self) {
            try TargetSelector([Target(key: "tag:Role", values: ["web"]), Target(key: "InstanceIds", values: [web1.id, value])])
        }
        #expect(error?.code == .invalidTarget)
        #expect(error?.field == "Targets[1].Values")
    }

    @Test func targetWireKeys() throws {
        let target = try JSONDecoder().decode(Target.self, from: Data(#"{"Key": "tag:Role", "Values": ["web"]}"#.utf8))
        #expect(target == Target(key: "tag:Role", values: ["web"]))
        let encoded = String(decoding: try WireCoding.encoder().encode(target), as: UTF8.self)
        #expect(encoded == #"{"Key":"tag:Role","Values":["web"]}"#)
    }
}
