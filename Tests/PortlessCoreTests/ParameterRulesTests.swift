import Foundation
import PortlessCore
import Testing

/// Parameter Store's rules without I/O: names and paths, selectors, labels, the 100-version history, filters,
/// policies and `{{ssm:…}}` references.
@Suite struct ParameterRulesTests {
    static func record(_ name: String = "/app/db", version: Int = 1, labels: [String] = []) -> ParameterRecord {
        ParameterRecord(accountId: "111122223333", name: name, type: .string, value: "v\(version)", keyId: nil, version: version,
                        lastModifiedDate: Date(), lastModifiedUser: "arn:aws:iam::111122223333:root", description: nil, allowedPattern: nil,
                        tier: .standard, policies: [], dataType: "text", labels: labels)
    }

    @Test("names: letters, digits, .-_ and /; paths fully qualified; at most 15 levels; aws and ssm reserved")
    func names() throws {
        try ParameterNames.validateForWrite("/app/db/password")
        try ParameterNames.validateForWrite("plain_name.v-1")
        try ParameterNames.validateForWrite("/" + (1...15).map { "l\($0)" }.joined(separator: "/"))
        let deep = #expect(throws: PortlessError.self) { try ParameterNames.validateForWrite("/" + (1...16).map { "l\($0)" }.joined(separator: "/")) }
        #expect(deep?.code == .hierarchyLevelLimitExceeded)
        #expect((#expect(throws: PortlessError.self) { try ParameterNames.validateForWrite("app/db") })?.message == "Parameter name must be a fully qualified name.")
        for reserved in ["awsThing", "SSM-x", "/ssmx/y"] {
            let error = #expect(throws: PortlessError.self) { try ParameterNames.validateForWrite(reserved) }
            #expect(error?.code == .validation && error?.message.hasPrefix("Parameter name: can't be prefixed with \"aws\" or \"ssm\"") == true)
        }
        #expect((#expect(throws: PortlessError.self) { try ParameterNames.validateForWrite("/aws/x") })?.code == .accessDenied)
        for bad in ["/a b", "/a//b", "/a/", "x$"] { #expect(throws: PortlessError.self) { try ParameterNames.validateForWrite(bad) } }
        #expect((#expect(throws: PortlessError.self) { try ParameterNames.validateForWrite("/" + String(repeating: "a", count: 1011)) })?.code == .validation)
        #expect(ParameterNames.arn(region: "us-east-1", account: "111122223333", name: "/app/db") == "arn:aws:ssm:us-east-1:111122223333:parameter/app/db")
    }

    @Test("paths: one level or everything below")
    func paths() throws {
        let path = try ParameterNames.path("/app")
        #expect(path == "/app/")
        #expect(ParameterNames.name("/app/db", isUnder: path, recursive: false))
        #expect(!ParameterNames.name("/app/db/password", isUnder: path, recursive: false))
        #expect(ParameterNames.name("/app/db/password", isUnder: path, recursive: true))
        #expect(!ParameterNames.name("/application", isUnder: path, recursive: true))
        #expect(throws: PortlessError.self) { try ParameterNames.path("app") }
    }

    @Test("selectors: name, name:version, name:label")
    func selectors() throws {
        #expect(try ParameterSelector("/a").choice == .latest)
        #expect(try ParameterSelector("/a:3") == ParameterSelector(name: "/a", choice: .version(3)))
        #expect(try ParameterSelector("/a:prod") == ParameterSelector(name: "/a", choice: .label("prod")))
        #expect(try ParameterSelector("/a:prod").text == ":prod")
        #expect(throws: PortlessError.self) { try ParameterSelector("/a:b:c") }
        #expect(throws: PortlessError.self) { try ParameterSelector("/a:") }
    }

    @Test("labels: 1-100 of letters, digits, .-_, not starting with a digit, aws or ssm")
    func labels() {
        for good in ["prod", "Prod-1.x_y", String(repeating: "a", count: 100)] { #expect(ParameterNames.isValidLabel(good), "\(good)") }
        for bad in ["", "1prod", "awsx", "SSMx", "a b", "a:b", String(repeating: "a", count: 101)] { #expect(!ParameterNames.isValidLabel(bad), "\(bad)") }
    }

    @Test("the history keeps 100 versions, drops the oldest, and refuses when the oldest is labelled")
    func history() throws {
        var versions: [ParameterRecord] = []
        for _ in 1...100 { versions = try ParameterHistory.adding(Self.record(), to: versions, overwrite: true) }
        #expect(versions.count == 100 && versions.last?.version == 100)
        #expect(throws: ParameterErrors.alreadyExists) { try ParameterHistory.adding(Self.record(), to: versions, overwrite: false) }
        let next = try ParameterHistory.adding(Self.record(), to: versions, overwrite: true)
        #expect(next.count == 100 && next.first?.version == 2 && next.last?.version == 101)
        let labelled = try ParameterHistory.labelling(versions, name: "/app/db", version: 1, labels: ["keep"]).versions
        #expect(throws: ParameterErrors.maxVersions("/app/db", oldest: 1)) { try ParameterHistory.adding(Self.record(), to: labelled, overwrite: true) }
    }

    @Test("labels move between versions, invalid ones are reported, and a version holds at most 10")
    func labelling() throws {
        let versions = [Self.record(version: 1), Self.record(version: 2)]
        let first = try ParameterHistory.labelling(versions, name: "/app/db", version: 1, labels: ["prod", "1bad"])
        #expect(first.invalid == ["1bad"] && first.version == 1 && first.versions[0].labels == ["prod"])
        let moved = try ParameterHistory.labelling(first.versions, name: "/app/db", version: nil, labels: ["prod"])
        #expect(moved.version == 2 && moved.versions[0].labels.isEmpty && moved.versions[1].labels == ["prod"])
        #expect(try ParameterHistory.select(.label("prod"), name: "/app/db", in: moved.versions).version == 2)
        #expect(throws: ParameterErrors.versionNotFound("/app/db", version: 9)) {
            try ParameterHistory.labelling(versions, name: "/app/db", version: 9, labels: ["x"])
        }
        let ten = try ParameterHistory.labelling(versions, name: "/app/db", version: 1, labels: (1...10).map { "l\($0)" })
        #expect(throws: ParameterErrors.labelLimitExceeded) { try ParameterHistory.labelling(ten.versions, name: "/app/db", version: 1, labels: ["l11"]) }
        let unlabelled = try ParameterHistory.unlabelling(moved.versions, name: "/app/db", version: 2, labels: ["prod", "none"])
        #expect(unlabelled.removed == ["prod"] && unlabelled.invalid == ["none"] && unlabelled.versions[1].labels.isEmpty)
        #expect(throws: ParameterErrors.versionNotFound("/app/db", version: 7)) { try ParameterHistory.select(.version(7), name: "/app/db", in: versions) }
    }

    @Test("filters: each key's options and values as SSM checks them, and matching")
    func filters() throws {
        let describe = try ParameterFilterSet([ParameterFilter(key: "Path", option: "Recursive", values: ["/app"]),
                                               ParameterFilter(key: "Name", option: "Contains", values: ["db"]),
                                               ParameterFilter(key: "tag:env", values: ["prod"])], scope: .describe)
        #expect(describe.matches(Self.record("/app/x/db"), tags: [Tag(key: "env", value: "prod")]))
        #expect(!describe.matches(Self.record("/app/x/db"), tags: []))
        #expect(!describe.matches(Self.record("/other/db"), tags: [Tag(key: "env", value: "prod")]))
        let option = #expect(throws: PortlessError.self) { try ParameterFilterSet([ParameterFilter(key: "Path", option: "Equals", values: ["/a"])], scope: .describe) }
        #expect(option?.message == "The following filter option is not valid: Equals. Valid options include: [OneLevel, Recursive].")
        let key = #expect(throws: PortlessError.self) { try ParameterFilterSet([ParameterFilter(key: "Name", values: ["a"])], scope: .byPath) }
        #expect(key?.code == .invalidFilterKey && key?.message == "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId].")
        let type = #expect(throws: PortlessError.self) { try ParameterFilterSet([ParameterFilter(key: "Type", values: ["Secure"])], scope: .describe) }
        #expect(type?.code == .invalidFilterValue)
        #expect(throws: ParameterErrors.pathFilterValue) { try ParameterFilterSet([ParameterFilter(key: "Path", values: ["nope"])], scope: .describe) }
        #expect(throws: ParameterErrors.duplicateFilter("Type")) {
            try ParameterFilterSet([ParameterFilter(key: "Type", values: ["String"]), ParameterFilter(key: "Type", values: ["String"])], scope: .describe)
        }
    }

    @Test("an Expiration policy needs a future timestamp; unknown types are refused")
    func policies() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let parsed = try ParameterPolicy.parse(#"[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00Z"}}]"#, now: now)
        #expect(parsed.first?.expiration == Date(timeIntervalSince1970: 1_893_456_000))
        #expect((#expect(throws: PortlessError.self) { try ParameterPolicy.parse(#"[{"Type":"Nope"}]"#, now: now) })?.code == .invalidPolicyType)
        #expect(throws: PortlessError.self) {
            try ParameterPolicy.parse(#"[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2001-01-01T00:00:00Z"}}]"#, now: now)
        }
    }

    @Test("{{ssm:name}} references are found in parameters, defaults and steps, and replaced")
    func references() throws {
        let document = try DocumentValidator.validate(#"""
            {"schemaVersion":"2.2","description":"d","parameters":{"p":{"type":"String","default":"{{ssm:/d}}"}},
             "mainSteps":[{"action":"aws:runShellScript","name":"s","inputs":{"runCommand":["echo {{ ssm:/a }} {{p}}"]}}]}
            """#, format: .json).document
        #expect(ParameterReferences.names(in: document, parameters: ["p": ["{{ssm:/b:2}}"]]) == ["/b:2", "/d", "/a"])
        let resolved = ParameterReferences.resolve(document, parameters: ["p": ["x {{ssm:/b:2}}"]], values: ["/a": "A", "/b:2": "B", "/d": "D"])
        #expect(resolved.parameters["p"] == ["x B"])
        #expect(resolved.document.parameters["p"]?.defaultValue == .string("D"))
        #expect(resolved.document.mainSteps[0].inputs["runCommand"] == .array([.string("echo A {{p}}")]))
    }
}
