import Foundation
import HTTPTypes
import NIOCore
import HummingbirdTesting
import Testing
@testable import PortlessServer

/// State Manager associations through the real router: a whole life, create to delete.
@Suite struct AssociationTests {
    static func object(_ reply: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: reply.body).utf8)) as? [String: Any], "\(String(buffer: reply.body))")
    }

    @Test func lifecycle() async throws {
        try await TestPortless.withClient { client in
            let id = try await client.createAssociation(#"""
                {"Name": "AWS-RunShellScript", "Targets": [{"Key": "tag:Role", "Values": ["web"]}], "Parameters": {"commands": ["true"]},
                 "ScheduleExpression": "rate(30 minutes)", "AssociationName": "nightly-check", "ComplianceSeverity": "HIGH"}
                """#)
            #expect(!id.isEmpty)

            let described = try Self.object(try await client.ssm("DescribeAssociation", #"{"AssociationId": "\#(id)"}"#))
            let description = try #require(described["AssociationDescription"] as? [String: Any])
            #expect(description["AssociationVersion"] as? String == "1")
            #expect(description["ScheduleExpression"] as? String == "rate(30 minutes)")
            #expect(description["ComplianceSeverity"] as? String == "HIGH")
            #expect(description["DocumentVersion"] as? String == "$DEFAULT")
            // The run at creation found no node with the tag: an execution with no targets, successful.
            #expect((description["Overview"] as? [String: Any])?["Status"] as? String == "Success")

            let listed = try Self.object(try await client.ssm("ListAssociations",
                                                              #"{"AssociationFilterList": [{"key": "AssociationName", "value": "nightly-check"}]}"#))
            #expect((listed["Associations"] as? [[String: Any]])?.map { $0["AssociationId"] as? String } == [id])
            let none = try Self.object(try await client.ssm("ListAssociations", #"{"AssociationFilterList": [{"key": "Name", "value": "Other"}]}"#))
            #expect((none["Associations"] as? [Any])?.isEmpty == true)

            let updated = try Self.object(try await client.ssm("UpdateAssociation", #"""
                {"AssociationId": "\#(id)", "AssociationVersion": "$LATEST", "Parameters": {"commands": ["echo two"]},
                 "ScheduleExpression": "cron(0 2 ? * SUN *)", "ApplyOnlyAtCronInterval": true}
                """#))
            let after = try #require(updated["AssociationDescription"] as? [String: Any])
            #expect(after["AssociationVersion"] as? String == "2")
            #expect(after["AssociationName"] == nil, "an update without AssociationName clears it, as SSM does")
            #expect(after["Targets"] != nil, "targets stay when not given")

            let versions = try Self.object(try await client.ssm("ListAssociationVersions", #"{"AssociationId": "\#(id)"}"#))
            #expect((versions["AssociationVersions"] as? [[String: Any]])?.compactMap { $0["AssociationVersion"] as? String } == ["1", "2"])
            let first = try Self.object(try await client.ssm("DescribeAssociation", #"{"AssociationId": "\#(id)", "AssociationVersion": "1"}"#))
            #expect((first["AssociationDescription"] as? [String: Any])?["ScheduleExpression"] as? String == "rate(30 minutes)")

            let executions = try Self.object(try await client.ssm("DescribeAssociationExecutions", #"{"AssociationId": "\#(id)"}"#))
            let runs = try #require(executions["AssociationExecutions"] as? [[String: Any]])
            #expect(runs.count == 1, "ApplyOnlyAtCronInterval: the update did not run it")
            #expect(runs.first?["ResourceCountByStatus"] as? String == "{}")

            #expect(try await client.ssm("DeleteAssociation", #"{"AssociationId": "\#(id)"}"#).status == .ok)
            let gone = ErrorReply(try await client.ssm("DescribeAssociation", #"{"AssociationId": "\#(id)"}"#))
            #expect(gone.code == "AssociationDoesNotExist")
        }
    }

    @Test func everyAssociationOperationHasARule() {
        for name in SSMOperations.associationOperations {
            #expect(OperationTable.rule(service: "ssm", operation: name)?.action == "ssm:\(name)")
        }
    }

    @Test func duplicateIsRefused() async throws {
        try await TestPortless.withClient { client in
            let body = #"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "Parameters": {"commands": ["true"]}}"#
            #expect(!(try await client.createAssociation(body)).isEmpty)
            let again = ErrorReply(try await client.ssm("CreateAssociation", body))
            #expect(again.code == "AssociationAlreadyExists")
            #expect(again.message == "The specified association already exists.")
        }
    }
}
