import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessClient

extension ErrorRow {
    static func trustPolicy(_ accountId: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(accountId):root"},"Action":"sts:AssumeRole"}]}"#
    }

    /// An IAM user `admin` with AdministratorAccess (roles may not be assumed by root), made through the API.
    static func administrator(_ client: SignedClient) async throws -> AWSCredentials {
        _ = try await client.query("iam", "CreateUser", [("UserName", "admin")])
        _ = try await client.query("iam", "AttachUserPolicy", [("UserName", "admin"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")])
        let reply = XMLReply(String(buffer: try await client.query("iam", "CreateAccessKey", [("UserName", "admin")]).body))
        return AWSCredentials(accessKeyId: reply.first("AccessKeyId") ?? "", secretAccessKey: reply.first("SecretAccessKey") ?? "")
    }

    /// STS and IAM (Query protocol, XML replies). AWS's texts: moto's STS and IAM backends and tests
    /// (`test_iam_policies.py`), SDK logs in public issues, AWS's validation wording.
    static let query: [ErrorRow] = [
        ErrorRow("STS: no Authorization header", "MissingAuthenticationToken", 403,
                 .exact("Request is missing Authentication Token"), source: "aws/aws-sdk-js#4286 (Query protocol)") { client in
            try await client.unsigned(.post, "/", headers: [("content-type", "application/x-www-form-urlencoded")],
                                      body: "Action=GetCallerIdentity&Version=2011-06-15")
        },
        ErrorRow("STS: unknown access key", "InvalidClientTokenId", 403,
                 .exact("The security token included in the request is invalid."), source: "moto core") { client in
            try await client.query("sts", "GetCallerIdentity", signing: .init(credentials: AWSCredentials(accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x")))
        },
        ErrorRow("STS: wrong secret", "SignatureDoesNotMatch", 403,
                 .exact("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
                 source: "moto core") { client in
            let keys = AWSCredentials(accessKeyId: client.credentials.accessKeyId, secretAccessKey: "not-the-secret")
            return try await client.query("sts", "GetCallerIdentity", signing: .init(credentials: keys))
        },
        ErrorRow("STS: signature too old", "SignatureDoesNotMatch", 403,
                 .pattern(expiredSignature),
                 source: "aws/aws-cli#6676 (GetCallerIdentity)") { client in
            try await client.query("sts", "GetCallerIdentity", signing: .init(date: longAgo))
        },
        ErrorRow("STS: AssumeRole with DurationSeconds 100", "ValidationError", 400,
                 .exact("1 validation error detected: Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
                 source: "Hadoop S3A troubleshooting guide (STS output)") { client in
            _ = try await client.query("iam", "CreateRole", [("RoleName", "Ops"), ("AssumeRolePolicyDocument", trustPolicy(client.accountId))])
            return try await client.query("sts", "AssumeRole", [("RoleArn", "arn:aws:iam::\(client.accountId):role/Ops"),
                                                               ("RoleSessionName", "s1"), ("DurationSeconds", "100")],
                                          signing: .init(credentials: try await administrator(client)))
        },
        ErrorRow("STS: AssumeRole with a bad RoleSessionName", "ValidationError", 400,
                 .exact(#"1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"#),
                 source: "nubisproject/nubis-ci changelog (STS output); localstack") { client in
            try await client.query("sts", "AssumeRole", [("RoleArn", "arn:aws:iam::\(client.accountId):role/Ops"), ("RoleSessionName", "a b")])
        },
        ErrorRow("STS: AssumeRole with a user ARN", "ValidationError", 400,
                 .exact("arn:aws:iam::123456789012:user/someone is invalid"), source: "moto sts; localstack") { client in
            try await client.query("sts", "AssumeRole", [("RoleArn", "arn:aws:iam::123456789012:user/someone"), ("RoleSessionName", "s1")])
        },
        ErrorRow("STS: AssumeRole of a missing role", "AccessDenied", 403,
                 .pattern(#"User: arn:aws:iam::\d{12}:user/admin is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::\d{12}:role/Nope"#),
                 source: "moto core (AccessDeniedError)") { client in
            try await client.query("sts", "AssumeRole", [("RoleArn", "arn:aws:iam::\(client.accountId):role/Nope"), ("RoleSessionName", "s1")],
                                   signing: .init(credentials: try await administrator(client)))
        },
        ErrorRow("STS: AssumeRole by the root user", "AccessDenied", 403,
                 .exact("Roles may not be assumed by root accounts."), source: "AWS STS (SDK logs in public issues)") { client in
            _ = try await client.query("iam", "CreateRole", [("RoleName", "Ops"), ("AssumeRolePolicyDocument", trustPolicy(client.accountId))])
            return try await client.query("sts", "AssumeRole", [("RoleArn", "arn:aws:iam::\(client.accountId):role/Ops"), ("RoleSessionName", "s1")])
        },
        ErrorRow("IAM: GetRole of a missing role", "NoSuchEntity", 404,
                 .exact("The role with name Nope cannot be found."), source: "moto iam") { client in
            try await client.query("iam", "GetRole", [("RoleName", "Nope")])
        },
        ErrorRow("IAM: GetRole without RoleName", "ValidationError", 400,
                 .exact("1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null"),
                 source: "AWS validation wording") { client in
            try await client.query("iam", "GetRole")
        },
        ErrorRow("IAM: CreateRole with a taken name", "EntityAlreadyExists", 409,
                 .exact("Role with name Ops already exists."), source: "moto iam") { client in
            _ = try await client.query("iam", "CreateRole", [("RoleName", "Ops"), ("AssumeRolePolicyDocument", trustPolicy(client.accountId))])
            return try await client.query("iam", "CreateRole", [("RoleName", "Ops"), ("AssumeRolePolicyDocument", trustPolicy(client.accountId))])
        },
        ErrorRow("IAM: CreateRole with a policy that is not JSON", "MalformedPolicyDocument", 400,
                 .exact("Syntax errors in policy."), source: "moto test_iam_policies.py") { client in
            try await client.query("iam", "CreateRole", [("RoleName", "Ops"), ("AssumeRolePolicyDocument", "not json")])
        },
        ErrorRow("IAM: CreateRole with a policy without Version", "MalformedPolicyDocument", 400,
                 .exact("Policy document must be version 2012-10-17 or greater."), source: "moto test_iam_policies.py") { client in
            try await client.query("iam", "CreateRole", [("RoleName", "Ops"),
                                                         ("AssumeRolePolicyDocument", #"{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}"#)])
        },
        ErrorRow("IAM: CreateRole with a 65-character name", "ValidationError", 400,
                 .exact("1 validation error detected: Value '\(String(repeating: "r", count: 65))' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64"),
                 source: "AWS validation wording; botocore IAM model") { client in
            try await client.query("iam", "CreateRole", [("RoleName", String(repeating: "r", count: 65)),
                                                         ("AssumeRolePolicyDocument", trustPolicy(client.accountId))])
        },
    ]
}
