/// The receiving side's account of a session leg's window: it records the stream bytes it has
/// received and consumed, says when to grant consumed bytes back as a `credit` control (in batches,
/// a control frame per quarter window rather than per frame), and tells a sender that overruns the
/// window from one that keeps to it.
public struct SessionLegWindow: Sendable {
    /// Stream bytes a side may have sent beyond the credit it got back (it may overdraw by one frame:
    /// it waits only while its credit is used up).
    public static let size = 4 << 20
    /// Consumed bytes are granted back once this many have gathered.
    public static let grantBatch = size / 4
    /// The most a frame may carry, so the most a sender overdraws.
    public static let maxFrame = 1 << 20

    private var received = 0
    private var consumed = 0
    private var granted = 0

    public init() {}

    /// Records `count` stream bytes received; false once more than the window and one frame are
    /// unconsumed, which a sender that keeps to the window never causes.
    public mutating func receive(_ count: Int) -> Bool {
        received += count
        return received - consumed <= Self.size + Self.maxFrame
    }

    /// Records `count` received bytes as consumed; returns the credit to grant now, once a batch has gathered.
    public mutating func consume(_ count: Int) -> Int? {
        consumed += count
        let pending = consumed - granted
        guard pending >= Self.grantBatch else { return nil }
        granted = consumed
        return pending
    }
}
