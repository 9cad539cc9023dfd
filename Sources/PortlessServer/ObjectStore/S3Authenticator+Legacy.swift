import Crypto
import Foundation
import PortlessCore

/// Signature Version 2 query authentication (`AWSAccessKeyId`, `Expires`, `Signature`): what
/// boto3's `generate_presigned_url` makes for S3 unless told to use SigV4. Only presigned URLs
/// are accepted in this form; requests signed in headers must use SigV4.
struct LegacyPresignedQuery: Sendable {
    /// Sub-resources that take part in the string to sign, as S3 lists them.
    static let subresources: Set<String> = [
        "acl", "delete", "lifecycle", "location", "logging", "notification", "partNumber", "policy", "requestPayment",
        "response-cache-control", "response-content-disposition", "response-content-encoding", "response-content-language",
        "response-content-type", "response-expires", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning",
        "versions", "website",
    ]
    static let maxLifetime: TimeInterval = 7 * 24 * 3600

    var accessKeyId: String
    var expires: Int
    var signature: String
    var securityToken: String?
    var parameters: [(name: String, value: String)]

    init?(query: String) {
        let items = SigV4URIEncoding.decodeQuery(query)
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        guard let key = value("AWSAccessKeyId"), let expires = value("Expires").flatMap(Int.init), let signature = value("Signature") else {
            return nil
        }
        accessKeyId = key
        self.expires = expires
        self.signature = signature
        securityToken = value("x-amz-security-token")
        parameters = items
    }

    /// `METHOD\nContent-MD5\nContent-Type\nExpires\n` + x-amz headers + `/bucket/key?subresources`.
    func stringToSign(method: String, path: String, headers: [(name: String, value: String)]) -> String {
        func header(_ name: String) -> String {
            headers.filter { $0.name.lowercased() == name }.map(\.value).joined(separator: ",")
        }
        var amzHeaders: [String: [String]] = [:]
        for (name, value) in headers where name.lowercased().hasPrefix("x-amz-") {
            amzHeaders[name.lowercased(), default: []].append(value.trimmingCharacters(in: .whitespaces))
        }
        if let securityToken, amzHeaders["x-amz-security-token"] == nil { amzHeaders["x-amz-security-token"] = [securityToken] }
        let canonicalHeaders = amzHeaders.keys.sorted().map { "\($0):\(amzHeaders[$0, default: []].joined(separator: ","))\n" }.joined()
        let subresources = parameters.filter { Self.subresources.contains($0.name) }.sorted { $0.name < $1.name }
            .map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }
        let resource = path + (subresources.isEmpty ? "" : "?" + subresources.joined(separator: "&"))
        return "\(method)\n\(header("content-md5"))\n\(header("content-type"))\n\(expires)\n\(canonicalHeaders)\(resource)"
    }
}

extension S3Authenticator {
    func authenticateLegacyPresigned(_ request: SignedRequest, _ query: LegacyPresignedQuery, now: Date) async throws -> Outcome {
        let expiry = Date(timeIntervalSince1970: TimeInterval(query.expires))
        guard now <= expiry else { throw S3Error.accessDenied("Request has expired") }
        guard expiry.timeIntervalSince(now) <= LegacyPresignedQuery.maxLifetime else {
            throw S3Error("AuthorizationQueryParametersError", 400, "Expires must be less than a week (604800 seconds) in the future.")
        }
        let (secret, principal) = try await resolve(query.accessKeyId, token: query.securityToken, now: now)
        let text = query.stringToSign(method: request.method, path: request.path, headers: request.headers)
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        guard ConstantTime.equals(Data(mac).base64EncodedString(), query.signature) else { throw S3Error.signatureDoesNotMatch() }
        return Outcome(principal: principal, payload: .unsigned)
    }
}
