import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension S3Controller {
    /// Decides the request with its signer's permissions now — presigned URLs included — and returns the account
    /// that owns what it addresses. A bucket's policy joins the evaluation as its resource policy, so another
    /// account's principal is allowed only when both its own policies and the bucket policy allow.
    func authorize(_ request: Request, target: S3Target, principal: Principal, facts: CallFacts) async throws -> String {
        guard let access = S3Access.of(request.method, target) else { return principal.accountId }
        var facts = facts
        facts.keys.merge(access.keys) { _, new in new }
        let presigned = request.uri.query.map { $0.contains("X-Amz-Signature=") || $0.contains("Signature=") } ?? false
        facts.keys["s3:authType"] = [.string(presigned ? "REST-QUERY-STRING" : "REST-HEADER")]
        guard let bucket = target.bucket, access.action != "s3:CreateBucket" else {
            try await authorizer.require(AccessCheck(access.action, [ResourceRef(arn: access.arn, accountId: nil)], facts: facts), by: principal)
            return principal.accountId
        }
        let record = try await store.bucket(bucket)
        try await authorizer.require(AccessCheck(access.action, [resource(access.arn, of: record)], facts: facts), by: principal)
        return record.accountId
    }

    /// `s3:GetObject` on a copy's source object.
    func authorizeRead(bucket: String, key: String, principal: Principal) async throws {
        let record = try await store.bucket(bucket)
        try await authorizer.require(AccessCheck("s3:GetObject", [resource("arn:aws:s3:::\(bucket)/\(key)", of: record)]), by: principal)
    }

    private func resource(_ arn: String, of bucket: BucketRecord) -> ResourceRef {
        let policy = bucket.policy.map { authorizer.sources.compiled.policy($0, kind: .resource, name: "bucket policy of \(bucket.name)")
            ?? PolicySources.allowingNothing(.resource) }
        return ResourceRef(arn: arn, accountId: bucket.accountId, policy: policy)
    }
}
