import PortlessCore

/// Decides writes to buckets a service keeps for itself (the scan buckets): which requests such a bucket
/// takes at all, whether one object write may happen, what follows a stored object, and what is recorded
/// when a write is refused earlier (a bad or expired signature, a denied principal).
protocol ObjectWriteGuard: Sendable {
    /// Whether `bucket` is guarded.
    func guards(bucket: String) -> Bool
    /// Decides a simple PUT of `key` before its body is read; throws the S3 error to send.
    func admit(bucket: String, key: String, principal: Principal, size: Int?) async throws
    /// An admitted object was stored.
    func stored(bucket: String, key: String) async
    /// A write to `key` was refused before it reached `admit`.
    func refused(bucket: String, key: String, reason: String) async
}
