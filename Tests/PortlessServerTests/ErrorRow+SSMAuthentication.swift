import Foundation
import HTTPTypes
import PortlessClient

extension ErrorRow {
    /// 2020-01-01T00:00:00Z, far outside the 15-minute window.
    static let longAgo = Date(timeIntervalSince1970: 1_577_836_800)
    /// The reply to a request signed at `longAgo` (the server's clock is in it).
    static let expiredSignature = #"Signature expired: 20200101T000000Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)"#

    /// Sources: dynalite's recordings of AWS's SigV4 replies (JSON 1.1 services share one front end),
    /// SDK logs in public issues (aws/aws-sdk-js#254, aws/aws-sdk-php#2469, aws/aws-cli#6676,
    /// coveooss/spring-boot-parameter-store-integration#3 for UnrecognizedClientException 400 from SSM).
    static let ssmAuthentication: [ErrorRow] = [
        ErrorRow("SSM: no Authorization header", "MissingAuthenticationTokenException", 400,
                 .exact("Request is missing Authentication Token"), source: "dynalite (recorded from AWS)") { client in
            try await client.unsigned(.post, "/", headers: [("content-type", "application/x-amz-json-1.1"), ("x-amz-target", "AmazonSSM.ListCommands")],
                                      body: "{}")
        },
        ErrorRow("SSM: unknown access key", "UnrecognizedClientException", 400,
                 .exact("The security token included in the request is invalid."), source: "SSM via AWS SDK for Java (Status Code: 400)") { client in
            try await client.ssm("ListCommands", "{}", signing: .init(credentials: AWSCredentials(accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x")))
        },
        ErrorRow("SSM: session token with a long-term key", "UnrecognizedClientException", 400,
                 .exact("The security token included in the request is invalid."), source: "AWS (same text for every bad token)") { client in
            let keys = AWSCredentials(accessKeyId: client.credentials.accessKeyId, secretAccessKey: client.credentials.secretAccessKey,
                                      sessionToken: "bogus")
            return try await client.ssm("ListCommands", "{}", signing: .init(credentials: keys))
        },
        ErrorRow("SSM: wrong secret", "InvalidSignatureException", 400,
                 .exact("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
                 source: "dynalite; moto core") { client in
            let keys = AWSCredentials(accessKeyId: client.credentials.accessKeyId, secretAccessKey: "not-the-secret")
            return try await client.ssm("ListCommands", "{}", signing: .init(credentials: keys))
        },
        ErrorRow("SSM: credential scoped to another region", "InvalidSignatureException", 400,
                 .exact("Credential should be scoped to a valid region, not 'eu-west-1'. "), source: "dynalite; cognitect-labs/aws-api#27") { client in
            try await client.ssm("ListCommands", "{}", signing: .init(region: "eu-west-1"))
        },
        ErrorRow("SSM: credential scoped to another service", "InvalidSignatureException", 400,
                 .exact("Credential should be scoped to correct service: 'ssm'. "), source: "dynalite") { client in
            try await client.ssm("ListCommands", "{}", signing: .init(service: "ec2"))
        },
        ErrorRow("SSM: host not signed", "InvalidSignatureException", 400,
                 .exact("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."), source: "aws/aws-sdk-php#2469") { client in
            try await client.ssm("ListCommands", "{}", signing: .init(signsHost: false))
        },
        ErrorRow("SSM: signature too old", "InvalidSignatureException", 400,
                 .pattern(expiredSignature),
                 source: "aws/aws-sdk-js#254, aws/aws-cli#6676") { client in
            try await client.ssm("ListCommands", "{}", signing: .init(date: longAgo))
        },
        ErrorRow("SSM: Authorization without Signature and SignedHeaders", "IncompleteSignatureException", 400,
                 .exact("Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/ssm/aws4_request"),
                 source: "dynalite; aws/chalice#828") { client in
            try await client.unsigned(.post, "/", headers: [("content-type", "application/x-amz-json-1.1"), ("x-amz-target", "AmazonSSM.ListCommands"),
                                                            ("authorization", "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/ssm/aws4_request")],
                                      body: "{}")
        },
        ErrorRow("SSM: no X-Amz-Date", "IncompleteSignatureException", 400,
                 .exact("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-target, Signature=abcd"),
                 source: "dynalite") { client in
            try await client.unsigned(.post, "/", headers: [
                ("content-type", "application/x-amz-json-1.1"), ("x-amz-target", "AmazonSSM.ListCommands"),
                ("authorization", "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-target, Signature=abcd"),
            ], body: "{}")
        },
    ]
}
