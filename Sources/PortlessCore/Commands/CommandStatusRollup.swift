/// Derives a command's overall status from how many of its invocations are in each status.
public enum CommandStatusRollup {
    /// The command status for invocation counts by status, given whether a cancel was requested.
    public static func status(counts: [InvocationStatus: Int], cancelRequested: Bool) -> CommandStatus {
        let total = counts.values.reduce(0, +)
        func count(_ status: InvocationStatus) -> Int { counts[status, default: 0] }
        if total == 0 { return cancelRequested ? .cancelled : .success }
        let terminal = counts.filter { $0.key.isTerminal }.values.reduce(0, +)
        if terminal < total {
            if cancelRequested { return .cancelling }
            return count(.pending) == total ? .pending : .inProgress
        }
        if count(.success) == total { return .success }
        if cancelRequested && count(.cancelled) > 0 { return .cancelled }
        if count(.failed) > 0 { return .failed }
        if count(.timedOut) > 0 { return .timedOut }
        if count(.cancelled) > 0 { return .cancelled }
        return .failed
    }
}
