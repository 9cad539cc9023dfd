/// What `ServerSpan` measured over one span.
struct ServerUsage: Sendable {
    var serverCPUSeconds: Double
    var serverPeakRSSMiB: Double
    var serverRSSBeforeMiB: Double
    var benchCPUSeconds: Double
    /// One-minute load average before and after (the machine has 2 cores and may be shared).
    var loadBefore: Double
    var loadAfter: Double
}
