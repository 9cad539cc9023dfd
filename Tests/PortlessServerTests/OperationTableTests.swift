import Foundation
import HTTPTypes
import PortlessCore
@testable import PortlessServer
import Testing

/// Every operation the server serves is in the operation table (an operation missing there would be denied
/// to everyone), and the table names AWS's actions for it.
@Suite("Operation table")
struct OperationTableTests {
    @Test("every IAM action the server has is authorized by a rule of its own name")
    func iamActionsHaveRules() {
        for action in IAMOperations.handlers.keys {
            let rule = OperationTable.rule(service: "iam", operation: action)
            #expect(rule?.action == "iam:\(action)", "IAM \(action)")
        }
    }

    @Test("every STS action has a rule, and AssumeRole is decided by the STS service")
    func stsActionsHaveRules() {
        for action in STSOperations.actions {
            #expect(OperationTable.rule(service: "sts", operation: action)?.action == "sts:\(action)")
        }
        #expect(OperationTable.rule(service: "sts", operation: "AssumeRole")?.decidedBy == .service)
        #expect(OperationTable.rule(service: "sts", operation: "GetCallerIdentity")?.decidedBy == OperationRule.DecidedBy.nobody)
    }

    @Test("SSM and Organizations rules carry their own service prefix")
    func jsonRulesNameTheirService() {
        for (name, rule) in OperationTable.ssm { #expect(rule.action == "ssm:\(name)") }
        for (name, rule) in OperationTable.organizations { #expect(rule.action == "organizations:\(name)") }
        for (name, rule) in OperationTable.kms where name != "ReEncrypt" { #expect(rule.action == "kms:\(name)") }
        #expect(OperationTable.rule(service: "kms", operation: "ReEncrypt")?.action == "kms:ReEncryptFrom")
        #expect(OperationTable.rule(service: "kms", operation: "Decrypt")?.decidedBy == .service)
        #expect(OperationTable.rule(service: "ssm", operation: "StartSession")?.action == "ssm:StartSession")
        #expect(OperationTable.rule(service: "ssm", operation: "CreateOpsItem") == nil)
        #expect(OperationTable.rule(service: "ec2", operation: "RunInstances") == nil)
    }

    @Test("S3 requests map to S3's actions", arguments: [
        ("GET", "/", "", "s3:ListAllMyBuckets", "*"),
        ("PUT", "/b", "", "s3:CreateBucket", "arn:aws:s3:::b"),
        ("HEAD", "/b", "", "s3:ListBucket", "arn:aws:s3:::b"),
        ("GET", "/b", "prefix=logs/", "s3:ListBucket", "arn:aws:s3:::b"),
        ("GET", "/b", "uploads", "s3:ListBucketMultipartUploads", "arn:aws:s3:::b"),
        ("PUT", "/b", "policy", "s3:PutBucketPolicy", "arn:aws:s3:::b"),
        ("DELETE", "/b", "policy", "s3:DeleteBucketPolicy", "arn:aws:s3:::b"),
        ("GET", "/b/k/x.txt", "", "s3:GetObject", "arn:aws:s3:::b/k/x.txt"),
        ("HEAD", "/b/k", "", "s3:GetObject", "arn:aws:s3:::b/k"),
        ("PUT", "/b/k", "", "s3:PutObject", "arn:aws:s3:::b/k"),
        ("POST", "/b/k", "uploads", "s3:PutObject", "arn:aws:s3:::b/k"),
        ("GET", "/b/k", "uploadId=1", "s3:ListMultipartUploadParts", "arn:aws:s3:::b/k"),
        ("DELETE", "/b/k", "uploadId=1", "s3:AbortMultipartUpload", "arn:aws:s3:::b/k"),
        ("DELETE", "/b/k", "", "s3:DeleteObject", "arn:aws:s3:::b/k"),
    ])
    func s3Access(method: String, path: String, query: String, action: String, arn: String) throws {
        let target = try S3Target(path: path, query: query)
        let access = S3Access.of(.init(method)!, target)
        #expect(access?.action == action)
        #expect(access?.arn == arn)
    }

    @Test("ListBucket carries s3:prefix")
    func listBucketPrefix() throws {
        let access = S3Access.of(.get, try S3Target(path: "/b", query: "prefix=reports%2F&max-keys=5"))
        #expect(access?.keys["s3:prefix"] == [.string("reports/")])
        #expect(access?.keys["s3:max-keys"] == [.number(5)])
    }
}
