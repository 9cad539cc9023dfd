public import Foundation

/// The AWS managed policies Portless offers, with AWS's documents (AWS's managed-policy reference).
///
/// `ReadOnlyAccess` keeps AWS's shape (one `Allow` statement of read actions on `*`) but, where AWS lists the
/// read actions of every AWS service, lists only those of the services Portless serves: ssm, s3, iam, sts,
/// organizations, kms, cloudtrail, events, logs, and the read-only actions of ec2messages and ssmmessages.
public enum AWSManagedPolicies {
    public static let all: [AWSManagedPolicy] = [
        policy("AdministratorAccess", id: "ANPAIWMBCKSKIEE64ZLYK", version: "v1", created: 1_423_247_986, updated: 1_423_247_986,
               description: "Provides full access to AWS services and resources.",
               statements: [#"{"Effect":"Allow","Action":"*","Resource":"*"}"#]),
        policy("ReadOnlyAccess", id: "ANPAILL3HVNFSB6DCOWYQ", version: "v1", created: 1_423_248_001, updated: 1_423_248_001,
               description: "Provides read-only access to AWS services and resources.",
               statements: [readOnlyStatement]),
        policy("AmazonSSMFullAccess", id: "ANPAJA7V6HI4ISQFMDYAG", version: "v5", created: 1_432_921_470, updated: 1_588_704_540,
               description: "Provides full access to Amazon SSM.",
               statements: [
                   #"{"Effect":"Allow","Action":["cloudwatch:PutMetricData","ds:CreateComputer","ds:DescribeDirectories","ec2:DescribeInstanceStatus","logs:*","ssm:*","ec2messages:*"],"Resource":"*"}"#,
                   #"{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::*:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM*","Condition":{"StringLike":{"iam:AWSServiceName":"ssm.amazonaws.com"}}}"#,
                   #"{"Effect":"Allow","Action":["iam:DeleteServiceLinkedRole","iam:GetServiceLinkedRoleDeletionStatus"],"Resource":"arn:aws:iam::*:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM*"}"#,
               ]),
        policy("AmazonSSMReadOnlyAccess", id: "ANPAJODSKQGGJTHRYZ5FC", version: "v1", created: 1_432_921_440, updated: 1_432_921_440,
               description: "Provides read only access to Amazon SSM.",
               statements: [#"{"Effect":"Allow","Action":["ssm:Describe*","ssm:Get*","ssm:List*"],"Resource":"*"}"#]),
        policy("AmazonSSMManagedInstanceCore", id: "ANPAIXSHM2BNB2D3AXXRU", version: "v2", created: 1_552_670_520, updated: 1_558_630_440,
               description: "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
               statements: [
                   #"{"Effect":"Allow","Action":["ssm:DescribeAssociation","ssm:GetDeployablePatchSnapshotForInstance","ssm:GetDocument","ssm:DescribeDocument","ssm:GetManifest","ssm:GetParameter","ssm:GetParameters","ssm:ListAssociations","ssm:ListInstanceAssociations","ssm:PutInventory","ssm:PutComplianceItems","ssm:PutConfigurePackageResult","ssm:UpdateAssociationStatus","ssm:UpdateInstanceAssociationStatus","ssm:UpdateInstanceInformation"],"Resource":"*"}"#,
                   #"{"Effect":"Allow","Action":["ec2messages:AcknowledgeMessage","ec2messages:DeleteMessage","ec2messages:FailMessage","ec2messages:GetEndpoint","ec2messages:GetMessages","ec2messages:SendReply"],"Resource":"*"}"#,
               ]),
        policy("IAMUserChangePassword", id: "ANPAJ4L4MM2A7QIEB56MS", version: "v2", created: 1_479_339_600, updated: 1_479_339_600,
               description: "Provides the ability for an IAM user to change their own password.",
               statements: [
                   #"{"Effect":"Allow","Action":["iam:ChangePassword"],"Resource":["arn:aws:iam::*:user/${aws:username}"]}"#,
                   #"{"Effect":"Allow","Action":["iam:GetAccountPasswordPolicy"],"Resource":"*"}"#,
               ]),
    ]

    static let byName: [String: AWSManagedPolicy] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The policy `arn` names, if AWS manages it here (name and path must match exactly).
    public static func policy(arn: PolicyARN) -> AWSManagedPolicy? {
        guard arn.isAWSManaged, let policy = byName[arn.policyName], policy.path == arn.path else { return nil }
        return policy
    }

    static let readOnlyStatement = #"{"Effect":"Allow","Action":["# + [
        "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:List*", "cloudtrail:LookupEvents",
        "ec2messages:Get*",
        "events:Describe*", "events:List*", "events:TestEventPattern",
        "iam:Generate*", "iam:Get*", "iam:List*", "iam:Simulate*",
        "kms:Describe*", "kms:Get*", "kms:List*",
        "logs:Describe*", "logs:FilterLogEvents", "logs:Get*", "logs:ListTagsLogGroup", "logs:StartQuery", "logs:StopQuery", "logs:TestMetricFilter",
        "organizations:Describe*", "organizations:List*",
        "s3:DescribeJob", "s3:Get*", "s3:List*",
        "ssm:Describe*", "ssm:Get*", "ssm:List*",
        "sts:GetAccessKeyInfo", "sts:GetCallerIdentity", "sts:GetSessionToken",
    ].map { "\"\($0)\"" }.joined(separator: ",") + #"],"Resource":"*"}"#

    private static func policy(_ name: String, id: String, version: String, created: TimeInterval, updated: TimeInterval,
                               description: String, statements: [String]) -> AWSManagedPolicy {
        AWSManagedPolicy(name: name, path: "/", policyId: id, description: description, versionId: version,
                         createDate: Date(timeIntervalSince1970: created), updateDate: Date(timeIntervalSince1970: updated),
                         document: #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}")
    }
}
