import Foundation
import PortlessCore

/// Verifies SigV4 header-form signatures and resolves the signer to a principal.
///
/// Checks, in order: an Authorization header is present and well formed; the scope names this
/// server's region and the expected service; the date is within 15 minutes; the key is known; the
/// signature matches (compared in constant time).
struct RequestAuthenticator: Sendable {
    static let allowedSkew: TimeInterval = 15 * 60
    /// No `Authorization` header, in AWS's words (as dynalite recorded them from AWS; the Query
    /// protocol sends the same text as `MissingAuthenticationToken`).
    static let missingToken = PortlessError(aws: .missingAuthenticationToken, "Request is missing Authentication Token")

    let keys: AccessKeyResolver
    let region: String

    /// The signer of `request`, signed for `service` in this server's region (or `alsoAcceptingRegion`, for
    /// global services such as IAM and Organizations).
    func authenticate(_ request: SignedRequest, service: String, alsoAcceptingRegion: String? = nil, now: Date = Date()) async throws -> Principal {
        guard let header = request.header("authorization") else { throw Self.missingToken }
        let authorization = try SigV4Authorization(header: header)
        guard authorization.signedHeaders.contains("host") else {
            throw PortlessError(aws: .invalidSignature, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", field: "SignedHeaders")
        }
        guard authorization.scope.region == region || authorization.scope.region == alsoAcceptingRegion else {
            throw PortlessError(aws: .invalidSignature, "Credential should be scoped to a valid region, not '\(authorization.scope.region)'. ", field: "Credential")
        }
        guard authorization.scope.service == service else {
            throw PortlessError(aws: .invalidSignature, "Credential should be scoped to correct service: '\(service)'. ", field: "Credential")
        }
        guard let amzDate = request.header("x-amz-date") else {
            throw PortlessError(aws: .incompleteSignature,
                                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=\(header)",
                                field: "X-Amz-Date")
        }
        guard let signedAt = SigV4.parseAmzDate(amzDate) else {
            throw PortlessError(aws: .incompleteSignature, "Date must be in ISO-8601 'basic format'. Got '\(amzDate)'. See http://en.wikipedia.org/wiki/ISO_8601",
                                field: "X-Amz-Date")
        }
        guard amzDate.hasPrefix(authorization.scope.date) else {
            throw PortlessError(aws: .invalidSignature,
                                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(authorization.scope.date)' != '\(amzDate.prefix(8))', from '\(amzDate)'.",
                                field: "Credential")
        }
        try Self.checkSkew(amzDate, signedAt: signedAt, now: now)
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
        AuditCapture.current?.noteClaimed(principal)
        let canonical = SigV4.canonicalRequest(method: request.method, path: request.path, query: request.query,
                                               headers: request.headers, signedHeaders: authorization.signedHeaders,
                                               payloadHash: payloadHash, service: service)
        let expected = SigV4.signature(secret: secret, amzDate: amzDate, scope: authorization.scope, canonicalRequest: canonical)
        guard ConstantTime.equals(expected, authorization.signature) else {
            throw PortlessError(aws: .invalidSignature, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        }
        await keys.recordUse(of: principal, service: service, region: authorization.scope.region, now: now)
        AuditCapture.current?.noteSigner(principal)
        return principal
    }

    /// Refuses a signature made more than 15 minutes before or after `now`, in AWS's words (SDK logs
    /// quote `Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)`
    /// from STS and `Signature not yet current: … is still later than … (… + 5 min.)` from Kinesis;
    /// the window is this server's).
    static func checkSkew(_ amzDate: String, signedAt: Date, now: Date) throws {
        let minutes = Int(allowedSkew / 60)
        if now.timeIntervalSince(signedAt) > allowedSkew {
            throw PortlessError(aws: .invalidSignature,
                                "Signature expired: \(amzDate) is now earlier than \(SigV4.amzDate(now - allowedSkew)) (\(SigV4.amzDate(now)) - \(minutes) min.)",
                                field: "X-Amz-Date")
        }
        if signedAt.timeIntervalSince(now) > allowedSkew {
            throw PortlessError(aws: .invalidSignature,
                                "Signature not yet current: \(amzDate) is still later than \(SigV4.amzDate(now + allowedSkew)) (\(SigV4.amzDate(now)) + \(minutes) min.)",
                                field: "X-Amz-Date")
        }
    }
}
