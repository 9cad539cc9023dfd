import Foundation
import PortlessCore

/// Verifies SigV4 header-form signatures and resolves the signer to a principal.
///
/// Checks, in order: an Authorization header is present and well formed; the scope names this
/// server's region and the expected service; the date is within 15 minutes; the key is known; the
/// signature matches (compared in constant time).
struct RequestAuthenticator: Sendable {
    static let allowedSkew: TimeInterval = 15 * 60

    let keys: AccessKeyResolver
    let region: String

    func authenticate(_ request: SignedRequest, service: String, now: Date = Date()) async throws -> Principal {
        guard let header = request.header("authorization") else {
            throw PortlessError(.missingAuthenticationToken, "Missing Authentication Token")
        }
        let authorization = try SigV4Authorization(header: header)
        guard authorization.signedHeaders.contains("host") else {
            throw PortlessError(.incompleteSignature, "The host header must be signed.", field: "SignedHeaders")
        }
        guard authorization.scope.region == region else {
            throw PortlessError(.invalidSignature, "Credential should be scoped to a valid region, not '\(authorization.scope.region)'; this server serves '\(region)'.", field: "Credential")
        }
        guard authorization.scope.service == service else {
            throw PortlessError(.invalidSignature, "Credential should be scoped to correct service: '\(service)'.", field: "Credential")
        }
        guard let amzDate = request.header("x-amz-date"), let signedAt = SigV4.parseAmzDate(amzDate) else {
            throw PortlessError(.incompleteSignature, "The request must carry a valid X-Amz-Date header.", field: "X-Amz-Date")
        }
        guard amzDate.hasPrefix(authorization.scope.date) else {
            throw PortlessError(.invalidSignature, "The credential scope date does not match X-Amz-Date.", field: "Credential")
        }
        guard abs(signedAt.timeIntervalSince(now)) <= Self.allowedSkew else {
            throw PortlessError(.invalidSignature, "Signature expired: \(amzDate) is outside the 15-minute window around the server time \(SigV4.amzDate(now)).", field: "X-Amz-Date")
        }
        var payloadHash = request.payloadHash
        if let declared = request.header("x-amz-content-sha256") {
            if declared == SigV4.unsignedPayload {
                payloadHash = declared
            } else if declared != request.payloadHash {
                throw PortlessError(.invalidSignature, "The x-amz-content-sha256 header does not match the body.", field: "X-Amz-Content-SHA256")
            }
        }
        let (secret, principal) = try await keys.resolve(accessKeyId: authorization.accessKeyId,
                                                         securityToken: request.header("x-amz-security-token"), now: now)
        let canonical = SigV4.canonicalRequest(method: request.method, path: request.path, query: request.query,
                                               headers: request.headers, signedHeaders: authorization.signedHeaders,
                                               payloadHash: payloadHash, service: service)
        let expected = SigV4.signature(secret: secret, amzDate: amzDate, scope: authorization.scope, canonicalRequest: canonical)
        guard ConstantTime.equals(expected, authorization.signature) else {
            throw PortlessError(.invalidSignature, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.")
        }
        return principal
    }
}
