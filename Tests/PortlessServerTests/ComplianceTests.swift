import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PortlessCore
import PortlessStore
import Testing

/// SSM compliance through the real router: PutComplianceItems (validation, errors, COMPLETE vs PARTIAL,
/// ItemContentHash, limits), the three lists with filters and pagination, and the summaries' counts.
@Suite struct ComplianceTests {
    static let node = "mi-0aaaaaaaaaaaaaaa1"
    static let node2 = "mi-0aaaaaaaaaaaaaaa2"
    static let foreignNode = "mi-0bbbbbbbbbbbbbbb1"
    static let foreignAccount = "111122223333"

    /// A server whose root account has nodes `node` and `node2`, and another account has `foreignNode`.
    static func withNodes<T: Sendable>(_ body: @Sendable (SignedClient) async throws -> T) async throws -> T {
        try await TestPortless.withClient(prepare: { directory, account in
            let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("portless.sqlite").path,
                                                     logger: Logger(label: "compliance-test"))
            do {
                for (owner, nodes) in [(account, [node, node2]), (foreignAccount, [foreignNode])] {
                    let activationId = UUID().uuidString.lowercased()
                    try await store.insertActivation(ActivationRecord(activationId: activationId, accountId: owner, codeHash: "", iamRole: "r",
                                                                      registrationLimit: 10, registrationsCount: 0,
                                                                      expirationDate: Date().addingTimeInterval(3600), defaultInstanceName: nil,
                                                                      description: nil, tags: [], createdDate: Date()))
                    for id in nodes {
                        let info = NodeInfo(hostname: id, ipAddress: "127.0.0.1", platformType: "Linux", platformName: "Ubuntu",
                                            platformVersion: "24.04", agentVersion: "0.1.0")
                        try await store.registerNode(NodeRecord(instanceId: id, accountId: owner, activationId: activationId, iamRole: "r",
                                                                publicKey: Data(id.utf8), name: nil, info: info, registrationDate: Date(),
                                                                lastPingDateTime: nil, online: false),
                                                     activationId: activationId) { _ in }
                    }
                }
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }, body)
    }

    /// A PutComplianceItems body.
    static func put(_ resourceId: String = node, type: String = "Custom:KISA-Unix", items: [[String: Any]], upload: String? = nil,
                    hash: String? = nil, resourceType: String = "ManagedInstance", time: Double = 1_700_000_000) -> String {
        var body: [String: Any] = ["ResourceId": resourceId, "ResourceType": resourceType, "ComplianceType": type,
                                   "ExecutionSummary": ["ExecutionTime": time, "ExecutionId": "scan-1", "ExecutionType": "Command"],
                                   "Items": items]
        if let upload { body["UploadType"] = upload }
        if let hash { body["ItemContentHash"] = hash }
        return json(body)
    }

    static func item(_ id: String?, _ severity: String = "HIGH", _ status: String = "NON_COMPLIANT", details: [String: String] = [:]) -> [String: Any] {
        var item: [String: Any] = ["Severity": severity, "Status": status, "Title": "check \(id ?? "-")", "Details": details]
        if let id { item["Id"] = id }
        return item
    }

    static func json(_ object: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]) ?? [:]
    }

    /// The items of `node`, as (Id, Status) pairs.
    static func itemIds(_ client: SignedClient, filters: String = "[]") async throws -> [String] {
        let reply = object(try await client.ssm("ListComplianceItems", #"{"ResourceIds": ["\#(node)"], "ResourceTypes": ["ManagedInstance"], "Filters": \#(filters)}"#))
        return (reply["ComplianceItems"] as? [[String: Any]] ?? []).map { "\($0["Id"] ?? "")" }
    }

    static func expectError(_ response: TestResponse, _ code: String, _ message: String? = nil) {
        let reply = ErrorReply(response)
        #expect(reply.status == 400 && reply.code == code, "\(reply)")
        if let message { #expect(reply.message == message, "\(reply)") }
    }

    @Test func completeReplacesAndPartialUpdatesById() async throws {
        try await Self.withNodes { client in
            var reply = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("U-01"), Self.item("U-02", "LOW", "COMPLIANT")]))
            #expect(reply.status == .ok, "\(String(buffer: reply.body))")
            #expect(try await Self.itemIds(client) == ["U-01", "U-02"])
            reply = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("U-03")]))
            #expect(try await Self.itemIds(client) == ["U-03"])
            reply = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("U-03", "LOW", "COMPLIANT"), Self.item("U-04")], upload: "PARTIAL"))
            #expect(reply.status == .ok)
            let items = Self.object(try await client.ssm("ListComplianceItems", #"{"ResourceIds": ["\#(Self.node)"]}"#))["ComplianceItems"] as? [[String: Any]] ?? []
            #expect(items.map { "\($0["Id"]!):\($0["Status"]!):\($0["Severity"]!)" } == ["U-03:COMPLIANT:LOW", "U-04:NON_COMPLIANT:HIGH"])
            #expect(items.first?["ResourceType"] as? String == "ManagedInstance")
            #expect(items.first?["ComplianceType"] as? String == "Custom:KISA-Unix")
            let summary = items.first?["ExecutionSummary"] as? [String: Any]
            #expect(summary?["ExecutionId"] as? String == "scan-1")
            #expect(summary?["ExecutionTime"] as? Double == 1_700_000_000)
            // An empty COMPLETE upload clears the type.
            reply = try await client.ssm("PutComplianceItems", Self.put(items: []))
            #expect(try await Self.itemIds(client) == [])
        }
    }

    @Test func matchingContentHashIsIgnored() async throws {
        try await Self.withNodes { client in
            _ = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("A")], hash: "h1"))
            _ = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("B")], hash: "h1"))
            #expect(try await Self.itemIds(client) == ["A"])
            _ = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("B")], hash: "h2"))
            #expect(try await Self.itemIds(client) == ["B"])
        }
    }

    @Test func summariesCountItemsAndResources() async throws {
        try await Self.withNodes { client in
            _ = try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("1", "CRITICAL"), Self.item("2", "LOW"),
                                                                            Self.item("3", "MEDIUM", "COMPLIANT")]))
            _ = try await client.ssm("PutComplianceItems", Self.put(Self.node2, items: [Self.item("1", "HIGH", "COMPLIANT"),
                                                                                        Self.item("2", "INFORMATIONAL", "COMPLIANT")]))
            let rows = Self.object(try await client.ssm("ListResourceComplianceSummaries", "{}"))["ResourceComplianceSummaryItems"] as? [[String: Any]] ?? []
            #expect(rows.count == 2)
            let first = rows.first { $0["ResourceId"] as? String == Self.node } ?? [:]
            #expect(first["Status"] as? String == "NON_COMPLIANT")
            #expect(first["OverallSeverity"] as? String == "CRITICAL")
            let nonCompliant = first["NonCompliantSummary"] as? [String: Any]
            #expect(nonCompliant?["NonCompliantCount"] as? Int == 2)
            let severities = nonCompliant?["SeveritySummary"] as? [String: Int]
            #expect(severities == ["CriticalCount": 1, "HighCount": 0, "MediumCount": 0, "LowCount": 1, "InformationalCount": 0, "UnspecifiedCount": 0])
            #expect((first["CompliantSummary"] as? [String: Any])?["CompliantCount"] as? Int == 1)
            let second = rows.first { $0["ResourceId"] as? String == Self.node2 } ?? [:]
            #expect(second["Status"] as? String == "COMPLIANT")
            #expect(second["OverallSeverity"] as? String == "HIGH")

            let types = Self.object(try await client.ssm("ListComplianceSummaries", "{}"))["ComplianceSummaryItems"] as? [[String: Any]] ?? []
            #expect(types.count == 1)
            #expect(types.first?["ComplianceType"] as? String == "Custom:KISA-Unix")
            let compliant = types.first?["CompliantSummary"] as? [String: Any]
            #expect(compliant?["CompliantCount"] as? Int == 1)
            #expect((compliant?["SeveritySummary"] as? [String: Int])?["HighCount"] == 1)
            let non = types.first?["NonCompliantSummary"] as? [String: Any]
            #expect(non?["NonCompliantCount"] as? Int == 1)
            #expect((non?["SeveritySummary"] as? [String: Int])?["CriticalCount"] == 1)

            let filtered = Self.object(try await client.ssm("ListResourceComplianceSummaries",
                                                            #"{"Filters": [{"Key": "Status", "Values": ["NON_COMPLIANT"], "Type": "EQUAL"}]}"#))
            #expect((filtered["ResourceComplianceSummaryItems"] as? [[String: Any]])?.map { $0["ResourceId"] as? String } == [Self.node])
            let byType = Self.object(try await client.ssm("ListComplianceSummaries",
                                                          #"{"Filters": [{"Key": "ComplianceType", "Values": ["Custom:"], "Type": "BEGIN_WITH"}, {"Key": "OverallSeverity", "Values": ["CRITICAL"], "Type": "NOT_EQUAL"}]}"#))
            let only = (byType["ComplianceSummaryItems"] as? [[String: Any]])?.first
            #expect((only?["NonCompliantSummary"] as? [String: Any])?["NonCompliantCount"] as? Int == 0)
            #expect((only?["CompliantSummary"] as? [String: Any])?["CompliantCount"] as? Int == 1)
        }
    }

    @Test func filtersAndPagination() async throws {
        try await Self.withNodes { client in
            let items = (1...7).map { Self.item("U-0\($0)", $0 % 2 == 0 ? "LOW" : "HIGH", $0 <= 3 ? "COMPLIANT" : "NON_COMPLIANT") }
            _ = try await client.ssm("PutComplianceItems", Self.put(items: items, time: 1_700_000_000))
            _ = try await client.ssm("PutComplianceItems", Self.put(type: "Patch", items: [Self.item("KB1")], time: 1_600_000_000))
            #expect(try await Self.itemIds(client, filters: #"[{"Key": "Status", "Values": ["COMPLIANT"]}]"#) == ["U-01", "U-02", "U-03"])
            #expect(try await Self.itemIds(client, filters: #"[{"Key": "Severity", "Values": ["LOW"], "Type": "NOT_EQUAL"}, {"Key": "ComplianceType", "Values": ["Custom:KISA-Unix"]}]"#)
                    == ["U-01", "U-03", "U-05", "U-07"])
            #expect(try await Self.itemIds(client, filters: #"[{"Key": "Id", "Values": ["U-0"], "Type": "BEGIN_WITH"}, {"Key": "Id", "Values": ["U-05", "U-06"]}]"#)
                    == ["U-05", "U-06"])
            #expect(try await Self.itemIds(client, filters: #"[{"Key": "ExecutionTime", "Values": ["2021-01-01T00:00:00Z"], "Type": "LESS_THAN"}]"#) == ["KB1"])
            #expect(try await Self.itemIds(client, filters: #"[{"Key": "ExecutionTime", "Values": ["1650000000"], "Type": "GREATER_THAN"}]"#).count == 7)

            var seen: [String] = []
            var token: String?
            repeat {
                var body: [String: Any] = ["ResourceIds": [Self.node], "MaxResults": 3]
                if let token { body["NextToken"] = token }
                let page = Self.object(try await client.ssm("ListComplianceItems", Self.json(body)))
                let ids = (page["ComplianceItems"] as? [[String: Any]] ?? []).map { "\($0["Id"] ?? "")" }
                #expect(ids.count <= 3)
                seen += ids
                token = page["NextToken"] as? String
            } while token != nil
            #expect(seen == ["U-01", "U-02", "U-03", "U-04", "U-05", "U-06", "U-07", "KB1"])
        }
    }

    @Test func validationAndResourceErrors() async throws {
        try await Self.withNodes { client in
            Self.expectError(try await client.ssm("PutComplianceItems", #"{"ResourceId": "\#(Self.node)", "ResourceType": "ManagedInstance", "ComplianceType": "Custom:X", "Items": []}"#),
                             "ValidationException", "1 validation error detected: Value null at 'executionSummary' failed to satisfy constraint: Member must not be null")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("1", "SEVERE")])), "ValidationException",
                             "1 validation error detected: Value 'SEVERE' at 'items.1.member.severity' failed to satisfy constraint: Member must satisfy enum value set: [CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNSPECIFIED]")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("1", "HIGH", "FAILED")])), "ValidationException",
                             "1 validation error detected: Value 'FAILED' at 'items.1.member.status' failed to satisfy constraint: Member must satisfy enum value set: [COMPLIANT, NON_COMPLIANT]")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(type: "Custom:", items: [])), "ValidationException",
                             #"1 validation error detected: Value 'Custom:' at 'complianceType' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9_\-]\w+|Custom:[a-zA-Z0-9_\-]\w+"#)
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [], upload: "SOME")), "ValidationException",
                             "1 validation error detected: Value 'SOME' at 'uploadType' failed to satisfy constraint: Member must satisfy enum value set: [COMPLETE, PARTIAL]")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("1", details: [String(repeating: "k", count: 65): "v"])])),
                             "ValidationException",
                             "1 validation error detected: Value at 'items.1.member.details' failed to satisfy constraint: Member must have length less than or equal to 64")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [], resourceType: "Document")), "InvalidResourceType")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put("mi-0123456789abcdef0", items: [])), "InvalidResourceId")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(Self.foreignNode, items: [])), "InvalidResourceId")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("1"), Self.item("1")])), "InvalidItemContentException")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [Self.item(nil)], upload: "PARTIAL")), "InvalidItemContentException")
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(items: [Self.item("1", details: ["a": String(repeating: "x", count: 4096),
                "b": String(repeating: "x", count: 4096)].merging((0..<15).map { ("k\($0)", String(repeating: "y", count: 4096)) }) { $1 })])),
                             "ItemSizeLimitExceededException")
            Self.expectError(try await client.ssm("ListComplianceItems", #"{"ResourceIds": ["\#(Self.foreignNode)"]}"#), "InvalidResourceId")
            Self.expectError(try await client.ssm("ListComplianceItems", #"{"ResourceIds": ["\#(Self.node)"], "ResourceTypes": ["Document"]}"#), "InvalidResourceType")
            Self.expectError(try await client.ssm("ListComplianceItems", #"{"ResourceIds": ["\#(Self.node)", "\#(Self.node2)"]}"#), "ValidationException")
            Self.expectError(try await client.ssm("ListComplianceItems", #"{"Filters": [{"Key": "Colour", "Values": ["red"]}]}"#), "InvalidFilter")
            Self.expectError(try await client.ssm("ListComplianceItems", #"{"Filters": [{"Key": "Status", "Values": ["COMPLIANT"], "Type": "LESS_THAN"}]}"#), "InvalidFilter")
            Self.expectError(try await client.ssm("ListResourceComplianceSummaries", #"{"Filters": [{"Key": "Id", "Values": ["x"]}]}"#), "InvalidFilter")
            Self.expectError(try await client.ssm("ListComplianceItems", #"{"Filters": [{"Key": "ExecutionTime", "Values": ["yesterday"], "Type": "GREATER_THAN"}]}"#), "InvalidFilter")
            Self.expectError(try await client.ssm("ListComplianceSummaries", #"{"NextToken": "garbage"}"#), "InvalidNextToken")
            Self.expectError(try await client.ssm("ListComplianceSummaries", #"{"MaxResults": 51}"#), "ValidationException",
                             "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50")
        }
    }

    @Test func limitsPerResource() async throws {
        try await Self.withNodes { client in
            for index in 1...10 {
                let reply = try await client.ssm("PutComplianceItems", Self.put(type: "Custom:Type\(index)", items: [Self.item("1")]))
                #expect(reply.status == .ok)
            }
            Self.expectError(try await client.ssm("PutComplianceItems", Self.put(type: "Custom:Type11", items: [Self.item("1")])),
                             "ComplianceTypeCountLimitExceededException",
                             "You specified too many custom compliance types. You can specify a maximum of 10 different types.")
            // AWS's own types do not count, and a type already held may be uploaded again.
            #expect(try await client.ssm("PutComplianceItems", Self.put(type: "Patch", items: [Self.item("1")])).status == .ok)
            #expect(try await client.ssm("PutComplianceItems", Self.put(type: "Custom:Type3", items: [Self.item("2")])).status == .ok)

            // 64 KiB items, fifteen per call (under the 1 MiB request limit), across types, pass 4 MiB on the fifth type.
            let big = (0..<15).map { Self.item("big\($0)", details: (0..<15).reduce(into: [String: String]()) { $0["d\($1)"] = String(repeating: "z", count: 4000) }) }
            var last = try await client.ssm("PutComplianceItems", Self.put(Self.node2, type: "Custom:Big1", items: big))
            var type = 1
            while last.status == .ok && type < 10 {
                type += 1
                last = try await client.ssm("PutComplianceItems", Self.put(Self.node2, type: "Custom:Big\(type)", items: big))
            }
            Self.expectError(last, "TotalSizeLimitExceededException")
            #expect(type == 5)
        }
    }
}
