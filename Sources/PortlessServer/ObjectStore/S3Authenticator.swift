import Foundation
import PortlessCore

/// Verifies SigV4 for S3 requests, in header or presigned-query form, with S3's rules and error codes.
struct S3Authenticator: Sendable {
    static let allowedSkew: TimeInterval = 15 * 60

    let keys: AccessKeyResolver
    let region: String

    /// The verified principal and how the body is to be checked.
    struct Outcome: Sendable {
        var principal: Principal
        var payload: S3PayloadMode
    }

    func authenticate(_ request: SignedRequest, now: Date = Date()) async throws -> Outcome {
        let presigned: SigV4PresignedQuery?
        do {
            presigned = try SigV4PresignedQuery(query: request.query)
        } catch let error as PortlessError {
            throw S3Error("AuthorizationQueryParametersError", 400, error.message)
        }
        if let presigned {
            return try await authenticatePresigned(request, presigned, now: now)
        }
        if let legacy = LegacyPresignedQuery(query: request.query) {
            return try await authenticateLegacyPresigned(request, legacy, now: now)
        }
        return try await authenticateHeader(request, now: now)
    }

    private func authenticatePresigned(_ request: SignedRequest, _ query: SigV4PresignedQuery, now: Date) async throws -> Outcome {
        guard query.scope.region == region else {
            throw S3Error("AuthorizationQueryParametersError", 400,
                          "Error parsing the X-Amz-Credential parameter; the region '\(query.scope.region)' is wrong; expecting '\(region)'")
        }
        guard query.scope.service == "s3" else {
            throw S3Error("AuthorizationQueryParametersError", 400,
                          "Error parsing the X-Amz-Credential parameter; incorrect service '\(query.scope.service)'. This endpoint belongs to 's3'.")
        }
        guard let signedAt = SigV4.parseAmzDate(query.amzDate) else { throw S3Error.accessDenied() }
        guard now.timeIntervalSince(signedAt) <= TimeInterval(query.expires) else {
            throw S3Error.accessDenied("Request has expired")
        }
        guard signedAt.timeIntervalSince(now) <= Self.allowedSkew else {
            throw S3Error.accessDenied("Request is not valid yet")
        }
        let (secret, principal) = try await resolve(query.accessKeyId, token: query.securityToken, now: now)
        let canonical = SigV4.canonicalRequest(method: request.method, path: request.path, query: request.query,
                                               headers: request.headers, signedHeaders: query.signedHeaders,
                                               payloadHash: SigV4.unsignedPayload, service: "s3")
        let expected = SigV4.signature(secret: secret, amzDate: query.amzDate, scope: query.scope, canonicalRequest: canonical)
        guard ConstantTime.equals(expected, query.signature) else { throw S3Error.signatureDoesNotMatch() }
        return Outcome(principal: principal, payload: .unsigned)
    }

    private func authenticateHeader(_ request: SignedRequest, now: Date) async throws -> Outcome {
        guard let header = request.header("authorization") else {
            throw S3Error.accessDenied()
        }
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Authorization(header: header)
        } catch let error as PortlessError {
            throw S3Error("AuthorizationHeaderMalformed", 400, error.message)
        }
        guard authorization.scope.region == region else {
            throw S3Error("AuthorizationHeaderMalformed", 400,
                          "The authorization header is malformed; the region '\(authorization.scope.region)' is wrong; expecting '\(region)'")
        }
        guard authorization.scope.service == "s3" else {
            throw S3Error("AuthorizationHeaderMalformed", 400,
                          "The authorization header is malformed; incorrect service '\(authorization.scope.service)'. This endpoint belongs to 's3'.")
        }
        guard let amzDate = request.header("x-amz-date"), let signedAt = SigV4.parseAmzDate(amzDate) else {
            throw S3Error.accessDenied("AWS authentication requires a valid Date or x-amz-date header")
        }
        guard amzDate.hasPrefix(authorization.scope.date) else {
            throw S3Error("AuthorizationHeaderMalformed", 400, "The authorization header is malformed; the credential date does not match x-amz-date.")
        }
        guard abs(signedAt.timeIntervalSince(now)) <= Self.allowedSkew else {
            throw S3Error("RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large.")
        }
        guard let payloadHash = request.header("x-amz-content-sha256") else {
            throw S3Error.invalidRequest("Missing required header for this request: x-amz-content-sha256")
        }
        let (secret, principal) = try await resolve(authorization.accessKeyId, token: request.header("x-amz-security-token"), now: now)
        let canonical = SigV4.canonicalRequest(method: request.method, path: request.path, query: request.query,
                                               headers: request.headers, signedHeaders: authorization.signedHeaders,
                                               payloadHash: payloadHash, service: "s3")
        let expected = SigV4.signature(secret: secret, amzDate: amzDate, scope: authorization.scope, canonicalRequest: canonical)
        guard ConstantTime.equals(expected, authorization.signature) else { throw S3Error.signatureDoesNotMatch() }
        let mode: S3PayloadMode
        switch payloadHash {
        case SigV4.unsignedPayload:
            mode = .unsigned
        case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD":
            mode = .signedChunks(SigV4ChunkVerifier(secret: secret, amzDate: amzDate, scope: authorization.scope,
                                                    seedSignature: authorization.signature))
        case "STREAMING-UNSIGNED-PAYLOAD-TRAILER":
            mode = .unsignedChunks
        default:
            guard payloadHash.utf8.count == 64, payloadHash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
                throw S3Error("InvalidArgument", 400, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER or a valid sha256 value.",
                              details: ["ArgumentName": "x-amz-content-sha256"])
            }
            mode = .sha256(payloadHash)
        }
        return Outcome(principal: principal, payload: mode)
    }

    func resolve(_ accessKeyId: String, token: String?, now: Date) async throws -> (String, Principal) {
        do {
            let resolved = try await keys.resolve(accessKeyId: accessKeyId, securityToken: token, now: now)
            AuditCapture.current?.noteClaimed(resolved.principal)
            return resolved
        } catch let error as PortlessError {
            let code = error.code.rawValue
            if code.contains("Expired") { throw S3Error("ExpiredToken", 400, "The provided token has expired.") }
            if token != nil { throw S3Error("InvalidToken", 400, "The provided token is malformed or otherwise invalid.") }
            throw S3Error("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.")
        }
    }
}
