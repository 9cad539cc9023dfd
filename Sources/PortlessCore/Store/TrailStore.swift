/// Persistence for CloudTrail trails. Every method is atomic.
public protocol TrailStore: Sendable {
    /// Adds `trail`, unless the account has one of that name (TrailAlreadyExistsException) or already has
    /// `TrailRecord.maximumPerRegion` (MaximumNumberOfTrailsExceededException); `region` names the region in the refusal.
    func insertTrail(_ trail: TrailRecord, region: String) async throws

    func trail(accountId: String, name: String) async throws -> TrailRecord?

    /// The account's trails by name (nil: every account's).
    func trails(accountId: String?) async throws -> [TrailRecord]

    /// Replaces the trail of the same account and name; false when there is none.
    @discardableResult
    func updateTrail(_ trail: TrailRecord) async throws -> Bool

    /// Removes the trail; false when there is none.
    @discardableResult
    func deleteTrail(accountId: String, name: String) async throws -> Bool
}
