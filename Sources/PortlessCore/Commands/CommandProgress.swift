import Foundation

/// Keeps a command's counters and status in step with its invocations' transitions.
public enum CommandProgress {
    /// Applies one invocation's move from `old` to `new` to `command`'s counts and status.
    public static func apply(from old: InvocationRecord?, to new: InvocationRecord, on command: inout CommandRecord) {
        if let old {
            command.invocationCounts[old.status.rawValue, default: 0] -= 1
            adjust(&command, for: old, by: -1)
        }
        command.invocationCounts[new.status.rawValue, default: 0] += 1
        adjust(&command, for: new, by: 1)
        refreshStatus(&command)
    }

    /// Recomputes the command's status and StatusDetails from its counts and MaxErrors.
    public static func refreshStatus(_ command: inout CommandRecord) {
        var counts: [InvocationStatus: Int] = [:]
        for (raw, count) in command.invocationCounts {
            if let status = InvocationStatus(rawValue: raw), count > 0 { counts[status] = count }
        }
        let tally = CommandStatusRollup.Tally(
            counts: counts, executionTimedOut: command.errorCount - counts[.failed, default: 0],
            deliveryTimedOut: command.deliveryTimedOutCount, cancelRequested: command.cancelRequested,
            errorLimit: RateControl.errorLimit(maxErrors: command.maxErrors, targetCount: command.targetCount))
        (command.status, command.statusDetails) = CommandStatusRollup.status(tally)
        if command.targetCount == 0 { command.statusDetails = StatusDetails.noInstancesInTag }
    }

    private static func adjust(_ command: inout CommandRecord, for invocation: InvocationRecord, by delta: Int) {
        if invocation.status.isTerminal { command.completedCount += delta }
        if invocation.statusDetails == StatusDetails.deliveryTimedOut {
            command.deliveryTimedOutCount += delta
        } else if invocation.status == .failed || invocation.status == .timedOut {
            command.errorCount += delta
        }
    }
}

extension CommandProgress {
    /// Recounts the command's counters from scratch from all its invocations.
    public static func recount(_ command: inout CommandRecord, invocations: [InvocationRecord]) {
        command.invocationCounts = [:]
        command.completedCount = 0
        command.errorCount = 0
        command.deliveryTimedOutCount = 0
        for invocation in invocations { apply(from: nil, to: invocation, on: &command) }
        refreshStatus(&command)
    }
}
