import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessClient
import PortlessCore

/// Sends SigV4-signed requests, as an AWS SDK would, to a server under test.
struct SignedClient: Sendable {
    /// The host the router test framework gives every request (`:authority`).
    static let host = "localhost"
    static let region = "us-east-1"

    let client: any TestClientProtocol
    let credentials: AWSCredentials
    let accountId: String

    /// How a request is signed; the defaults make a valid signature.
    struct Signing: Sendable {
        var credentials: AWSCredentials?
        var region = SignedClient.region
        var service: String?
        var date = Date()
        var signsHost = true
        /// Headers sent but not signed (e.g. `x-amz-security-token` added after signing).
        var unsigned: [(name: String, value: String)] = []
    }

    /// `AmazonSSM.<operation>` with a JSON body.
    func ssm(_ operation: String, _ body: String, signing: Signing = Signing()) async throws -> TestResponse {
        try await json("AmazonSSM.\(operation)", service: "ssm", body, signing: signing)
    }

    /// `TrentService.<operation>` (KMS) with a JSON body.
    func kms(_ operation: String, _ body: String, signing: Signing = Signing()) async throws -> TestResponse {
        try await json("TrentService.\(operation)", service: "kms", body, signing: signing)
    }

    /// `AWSEvents.<operation>` with a JSON body (signed as `events`).
    func events(_ operation: String, _ body: String, signing: Signing = Signing()) async throws -> TestResponse {
        try await json("AWSEvents.\(operation)", service: "events", body, signing: signing)
    }

    /// `Portless.<operation>` with a JSON body (signed as `ssm`).
    func portless(_ operation: String, _ body: String, signing: Signing = Signing()) async throws -> TestResponse {
        try await json("Portless.\(operation)", service: "ssm", body, signing: signing)
    }

    /// Any JSON 1.1 operation: `target` is the whole `X-Amz-Target`, signed for `service`.
    func json(_ target: String, service: String, _ body: String, signing: Signing = Signing()) async throws -> TestResponse {
        try await send(.post, "/", headers: [("content-type", "application/x-amz-json-1.1"), ("x-amz-target", target)],
                       body: Array(body.utf8), service: service, signing: signing)
    }

    /// `CloudTrail_20131101.<operation>` with a JSON body (signed as `cloudtrail`).
    func cloudTrail(_ operation: String, _ body: String, signing: Signing = Signing()) async throws -> TestResponse {
        try await json("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.\(operation)", service: "cloudtrail", body, signing: signing)
    }

    /// A Query-protocol call to `sts` (2011-06-15) or `iam` (2010-05-08).
    func query(_ service: String, _ action: String, _ parameters: [(String, String)] = [], signing: Signing = Signing()) async throws -> TestResponse {
        let version = service == "iam" ? "2010-05-08" : "2011-06-15"
        let form = ([("Action", action), ("Version", version)] + parameters)
            .map { "\(SigV4URIEncoding.encode($0.0))=\(SigV4URIEncoding.encode($0.1))" }.joined(separator: "&")
        return try await send(.post, "/", headers: [("content-type", "application/x-www-form-urlencoded; charset=utf-8")],
                              body: Array(form.utf8), service: service, signing: signing)
    }

    /// A path-style S3 request.
    func s3(_ method: HTTPRequest.Method, _ path: String, body: String = "", signing: Signing = Signing()) async throws -> TestResponse {
        try await send(method, path, headers: [], body: Array(body.utf8), service: "s3", signing: signing)
    }

    /// A request with exactly `headers` (no signature added).
    func unsigned(_ method: HTTPRequest.Method, _ uri: String, headers: [(name: String, value: String)], body: String = "") async throws -> TestResponse {
        try await client.execute(uri: uri, method: method, headers: Self.fields(headers), body: ByteBuffer(string: body))
    }

    /// A presigned S3 URL (path and query) for `method` on `path`.
    func presigned(_ method: HTTPRequest.Method, _ path: String, expires: Int, date: Date) -> String {
        let signer = SigV4Signer(accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                                 region: Self.region, service: "s3")
        return path + "?" + signer.presignedQuery(method: method.rawValue, path: path, query: "", host: Self.host, expires: expires, date: date)
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, headers: [(name: String, value: String)], body: [UInt8],
                      service: String, signing: Signing) async throws -> TestResponse {
        let keys = signing.credentials ?? credentials
        let signer = SigV4Signer(accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken,
                                 region: signing.region, service: signing.service ?? service)
        let host: [(name: String, value: String)] = signing.signsHost ? [("host", Self.host)] : []
        let added = signer.sign(method: method.rawValue, path: path, query: "", headers: host + headers, body: body, date: signing.date)
        return try await unsigned(method, path, headers: headers + added + signing.unsigned, body: String(decoding: body, as: UTF8.self))
    }

    private static func fields(_ headers: [(name: String, value: String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return fields
    }
}
