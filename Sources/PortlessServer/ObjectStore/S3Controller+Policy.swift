import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension S3Controller {
    /// S3's limit on a bucket policy, in bytes.
    static let maxBucketPolicySize = 20 << 10

    /// `PUT /bucket?policy`: stores the bucket policy after checking it as a resource policy.
    func putBucketPolicy(_ bucket: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        let body = try await receiveSmall(request, auth: auth, limit: Self.maxBucketPolicySize + 1)
        guard body.count <= Self.maxBucketPolicySize else {
            throw S3Error("PolicyTooLarge", 400, "Policy exceeds the maximum allowed document size.")
        }
        let text = String(decoding: body, as: UTF8.self)
        guard text.first == "{" else { throw S3Error("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'") }
        try BucketPolicyCheck.validate(text)
        try await store.setPolicy(text, bucket: bucket)
        return Response(status: .noContent, headers: [S3Headers.requestId: Identifiers.uuid()])
    }

    /// `GET /bucket?policy`: the stored policy, or `NoSuchBucketPolicy`.
    func getBucketPolicy(_ bucket: String) async throws -> Response {
        guard let policy = try await store.bucket(bucket).policy else {
            throw S3Error("NoSuchBucketPolicy", 404, "The bucket policy does not exist", details: ["BucketName": bucket])
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[S3Headers.requestId] = Identifiers.uuid()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(string: policy)))
    }

    /// `DELETE /bucket?policy`.
    func deleteBucketPolicy(_ bucket: String) async throws -> Response {
        try await store.setPolicy(nil, bucket: bucket)
        return Response(status: .noContent, headers: [S3Headers.requestId: Identifiers.uuid()])
    }
}
