import Foundation

/// A bucket: its name, owning account and creation time.
struct BucketRecord: Codable, Sendable, Equatable {
    var name: String
    var accountId: String
    var created: Date
}
