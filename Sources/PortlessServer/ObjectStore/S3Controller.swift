import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PortlessCore

/// Path-style S3 REST: `GET /` (ListBuckets), `/{bucket}` and `/{bucket}/{key...}`. Every request is
/// SigV4-verified (header or presigned query form) before anything is read or written, and recorded in the audit trail
/// before its reply is sent (`handle`, in `S3Controller+Audit.swift`, wraps `serve`).
struct S3Controller: Sendable {
    let store: ObjectStore
    let authenticator: S3Authenticator
    let authorizer: Authorizer
    /// Whether requests arrive over TLS (`aws:SecureTransport`).
    let secureTransport: Bool
    let audit: AuditTrail
    /// Decides writes to the buckets services keep (scan results).
    var writeGuard: (any ObjectWriteGuard)?
    var multipart: MultipartStore { MultipartStore(directory: store.uploadsDirectory) }

    /// Registers the S3 routes.
    func register<Context: Hummingbird.RequestContext>(on router: Router<Context>) {
        router.get("/") { request, context in await self.handle(request, context: context) }
        for path in ["/{bucket}", "/{bucket}/**"] {
            for method in [HTTPRequest.Method.get, .put, .post, .delete, .head] {
                router.on(RouterPath(path), method: method) { request, context in await self.handle(request, context: context) }
            }
        }
    }

    /// Authenticates, authorizes and serves the request; every failure becomes S3's error reply.
    func serve(_ request: Request, context: some Hummingbird.RequestContext) async -> Response {
        let isHead = request.method == .head
        var resource = request.uri.path
        var guardedWrite: (bucket: String, key: String)?
        do {
            let target = try S3Target(path: request.uri.path, query: request.uri.query ?? "")
            resource = target.resource
            if request.method == .put, let bucket = target.bucket, let key = target.key, writeGuard?.guards(bucket: bucket) == true {
                guardedWrite = (bucket, key)
            }
            let outcome = try await authenticator.authenticate(Self.signedRequest(request))
            AuditCapture.current?.noteSigner(outcome.principal)
            let owner = try await authorize(request, target: target, principal: outcome.principal,
                                            facts: CallFacts(context: context, secureTransport: secureTransport))
            let response = try await dispatch(request, target: target, auth: outcome, account: owner)
            context.logger.info("s3 call", metadata: ["portless.method": "\(request.method.rawValue)", "portless.resource": "\(resource)",
                                                      "portless.principal": "\(outcome.principal.arn)"])
            return response
        } catch let error as PortlessError where error.code == .accessDenied {
            AuditCapture.current?.noteFailure(code: "AccessDenied", message: error.message)
            context.logger.info("s3 call refused", metadata: ["portless.resource": "\(resource)", "portless.error": "AccessDenied"])
            if let guardedWrite { await writeGuard?.refused(bucket: guardedWrite.bucket, key: guardedWrite.key, reason: error.message) }
            return S3XML.error(.accessDenied(error.message), resource: resource, isHead: isHead)
        } catch let error as S3Error {
            AuditCapture.current?.noteFailure(code: error.code, message: error.message)
            context.logger.info("s3 call refused", metadata: ["portless.resource": "\(resource)", "portless.error": "\(error.code)"])
            if let guardedWrite {
                await writeGuard?.refused(bucket: guardedWrite.bucket, key: guardedWrite.key, reason: "\(error.code): \(error.message)")
            }
            return S3XML.error(error, resource: resource, isHead: isHead)
        } catch {
            AuditCapture.current?.noteFailure(code: "InternalError", message: "We encountered an internal error. Please try again.")
            context.logger.error("s3 call failed", metadata: ["portless.resource": "\(resource)", "error": "\(error)"])
            return S3XML.error(.internalError, resource: resource, isHead: isHead)
        }
    }

    /// Serves the request for the bucket's owner `account` (the caller's own account for the service and new buckets).
    private func dispatch(_ request: Request, target: S3Target, auth: S3Authenticator.Outcome, account: String) async throws -> Response {
        guard let bucket = target.bucket else {
            guard request.method == .get else { throw S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource.") }
            return await listBuckets(account: account)
        }
        let query = target.query
        if let writeGuard, writeGuard.guards(bucket: bucket) {
            try Self.requireGuardedRequest(request, key: target.key, query: query)
        }
        guard let key = target.key else {
            switch request.method {
            case .put where query["policy"] != nil:
                _ = try await store.requireBucket(bucket, accountId: account)
                return try await putBucketPolicy(bucket, request: request, auth: auth)
            case .get where query["policy"] != nil:
                _ = try await store.requireBucket(bucket, accountId: account)
                return try await getBucketPolicy(bucket)
            case .delete where query["policy"] != nil:
                _ = try await store.requireBucket(bucket, accountId: account)
                return try await deleteBucketPolicy(bucket)
            case .put: return try await createBucket(bucket, request: request, auth: auth)
            case .head:
                _ = try await store.requireBucket(bucket, accountId: account)
                return Response(status: .ok, headers: [S3Headers.requestId: Identifiers.uuid(), .contentLength: "0"])
            case .delete:
                try await store.deleteBucket(bucket, accountId: account)
                return Response(status: .noContent, headers: [S3Headers.requestId: Identifiers.uuid()])
            case .post where query["delete"] != nil:
                return try await deleteObjects(bucket, request: request, auth: auth)
            case .get where query["location"] != nil:
                _ = try await store.requireBucket(bucket, accountId: account)
                return S3XML.response("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"\(S3XML.namespace)\">\(S3XML.escape(authenticator.region == "us-east-1" ? "" : authenticator.region))</LocationConstraint>")
            case .get where query["uploads"] != nil:
                return try await listMultipartUploads(bucket, account: account)
            case .get:
                return try await listObjects(bucket, query: query, account: account)
            default:
                throw S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource.")
            }
        }
        switch request.method {
        case .put where query["uploadId"] != nil:
            return try await uploadPart(bucket, key: key, request: request, auth: auth)
        case .put where request.headers[S3Headers.copySource] != nil:
            return try await copyObject(bucket, key: key, request: request, auth: auth)
        case .put:
            if let writeGuard, writeGuard.guards(bucket: bucket) {
                try await writeGuard.admit(bucket: bucket, key: key, principal: auth.principal,
                                           size: request.headers[.contentLength].flatMap { Int($0) })
                let response = try await putObject(bucket, key: key, request: request, auth: auth)
                await writeGuard.stored(bucket: bucket, key: key)
                return response
            }
            return try await putObject(bucket, key: key, request: request, auth: auth)
        case .get where query["uploadId"] != nil:
            return try await listParts(bucket, key: key, query: query, account: account)
        case .get, .head:
            return try await getObject(bucket, key: key, request: request, account: account)
        case .delete where query["uploadId"] != nil:
            return try await abortUpload(bucket, key: key, uploadId: query["uploadId"] ?? "", account: account)
        case .delete:
            _ = try await store.requireBucket(bucket, accountId: account)
            try await store.delete(bucket: bucket, key: key)
            return Response(status: .noContent, headers: [S3Headers.requestId: Identifiers.uuid()])
        case .post where query["uploads"] != nil:
            return try await createMultipartUpload(bucket, key: key, request: request, account: account)
        case .post where query["uploadId"] != nil:
            return try await completeMultipartUpload(bucket, key: key, request: request, auth: auth)
        default:
            throw S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource.")
        }
    }

    /// A guarded bucket takes reads, listings and simple object PUTs only: its objects are not deleted,
    /// copied over or assembled from parts, and its policy and existence are the server's.
    static func requireGuardedRequest(_ request: Request, key: String?, query: [String: String]) throws {
        let allowed = switch request.method {
        case .get, .head: true
        case .put: key != nil && query["uploadId"] == nil && request.headers[S3Headers.copySource] == nil
        default: false
        }
        guard allowed else { throw S3Error.accessDenied("This bucket is kept by Portless scans: only reads and result uploads are allowed.") }
    }

    static func signedRequest(_ request: Request) -> SignedRequest {
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
        return SignedRequest(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                             headers: headers, payloadHash: "")
    }

    static func owner(_ account: String) -> String {
        "<Owner>" + S3XML.element("ID", account) + S3XML.element("DisplayName", account) + "</Owner>"
    }
}
