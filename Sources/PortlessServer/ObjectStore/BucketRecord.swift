import Foundation

/// A bucket: its name, owning account, creation time and bucket policy.
struct BucketRecord: Codable, Sendable, Equatable {
    var name: String
    var accountId: String
    var created: Date
    /// The bucket policy as the owner stored it (`PutBucketPolicy`), nil for none.
    var policy: String?
}
