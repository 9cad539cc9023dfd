import Foundation
import PortlessCore

extension ObjectStore {
    /// Creates `name` for `accountId` unless the account has it already (buckets the server keeps for an account).
    func ensureBucket(_ name: String, accountId: String) throws {
        if let existing = try? bucket(name) {
            guard existing.accountId == accountId else { throw S3Error.accessDenied() }
            return
        }
        try createBucket(name, accountId: accountId)
    }

    /// The bytes of `key`, or nil when it is larger than `limit` bytes.
    func contents(bucket: String, key: String, limit: Int) throws -> Data? {
        let metadata = try metadata(bucket: bucket, key: key)
        guard metadata.size <= limit else { return nil }
        return try Data(contentsOf: blobURL(bucket: bucket, blob: metadata.blob))
    }
}
