/// Derives a command's overall status and StatusDetails from its invocations, as SSM does.
public enum CommandStatusRollup {
    /// What a command's invocations add up to.
    public struct Tally: Sendable {
        public var counts: [InvocationStatus: Int]
        public var executionTimedOut: Int
        public var deliveryTimedOut: Int
        public var cancelRequested: Bool
        /// Errors (Failed + Execution Timed Out) tolerated before the command is Failed.
        public var errorLimit: Int

        public init(counts: [InvocationStatus: Int], executionTimedOut: Int = 0, deliveryTimedOut: Int = 0,
                    cancelRequested: Bool = false, errorLimit: Int = 0) {
            self.counts = counts
            self.executionTimedOut = executionTimedOut
            self.deliveryTimedOut = deliveryTimedOut
            self.cancelRequested = cancelRequested
            self.errorLimit = errorLimit
        }
    }

    /// Status and StatusDetails: while running Pending / In Progress / Cancelling; at the end
    /// Success, Cancelled, Failed or TimedOut when more than MaxErrors invocations failed or timed
    /// out that way (`Failed`, `Execution Timed Out`, `Delivery Timed Out`), else Failed/`Incomplete`.
    public static func status(_ tally: Tally) -> (CommandStatus, String) {
        let counts = tally.counts
        func count(_ status: InvocationStatus) -> Int { counts[status, default: 0] }
        let total = counts.values.reduce(0, +)
        if total == 0 { return tally.cancelRequested ? (.cancelled, "Cancelled") : (.success, "Success") }
        let terminal = counts.filter { $0.key.isTerminal }.values.reduce(0, +)
        if terminal < total {
            if tally.cancelRequested { return (.cancelling, "Cancelling") }
            return count(.pending) == total ? (.pending, "Pending") : (.inProgress, "In Progress")
        }
        if count(.success) == total { return (.success, "Success") }
        if tally.cancelRequested && count(.cancelled) > 0 { return (.cancelled, "Cancelled") }
        let failed = count(.failed)
        if failed + tally.executionTimedOut > tally.errorLimit {
            return failed >= tally.executionTimedOut ? (.failed, "Failed") : (.timedOut, StatusDetails.executionTimedOut)
        }
        if tally.deliveryTimedOut > tally.errorLimit { return (.timedOut, StatusDetails.deliveryTimedOut) }
        if count(.cancelled) == total - count(.success) && count(.cancelled) > 0 { return (.cancelled, "Cancelled") }
        return (.failed, StatusDetails.incomplete)
    }
}
