import Foundation
@testable import PortlessCore
import Testing

// A command's status and counters as its invocations move: CompletedCount counts terminal
// invocations, ErrorCount = Failed + Execution Timed Out, Delivery Timed Out is counted apart.

private func counts(_ pairs: [(InvocationStatus, Int)]) -> [InvocationStatus: Int] {
    Dictionary(pairs, uniquingKeysWith: +)
}

@Suite("CommandStatusRollup")
struct CommandStatusRollupTests {
    @Test func noInvocations() {
        #expect(rollup([:], cancelled: false) == .success)
        #expect(rollup([:], cancelled: true) == .cancelled)
        #expect(rollup([.pending: 0], cancelled: false) == .success)
    }

    @Test func allPendingIsPending() {
        #expect(rollup([.pending: 3], cancelled: false) == .pending)
    }

    @Test(arguments: [
        [(InvocationStatus.pending, 2), (.inProgress, 1)],
        [(.pending, 1), (.success, 1)],
        [(.delayed, 1)],
        [(.success, 5), (.inProgress, 1)],
        [(.failed, 5), (.pending, 1)],
    ])
    func unfinishedIsInProgress(_ pairs: [(InvocationStatus, Int)]) {
        #expect(rollup(counts(pairs), cancelled: false) == .inProgress)
    }

    @Test func unfinishedWithCancelIsCancelling() {
        #expect(rollup([.pending: 2], cancelled: true) == .cancelling)
        #expect(rollup([.inProgress: 1, .success: 1], cancelled: true) == .cancelling)
        #expect(rollup([.cancelling: 1, .cancelled: 3], cancelled: true) == .cancelling)
    }

    @Test func allSuccessIsSuccess() {
        #expect(rollup([.success: 4], cancelled: false) == .success)
    }

    @Test func finishedOutcomes() {
        #expect(rollup([.success: 3, .failed: 1], cancelled: false) == .failed)
        #expect(rollup([.success: 3, .timedOut: 1], cancelled: false) == .timedOut)
        #expect(rollup([.failed: 1, .timedOut: 1], cancelled: false) == .failed)
        #expect(rollup([.success: 1, .cancelled: 1], cancelled: false) == .cancelled)
    }

    @Test func finishedAfterCancel() {
        #expect(rollup([.cancelled: 2, .failed: 1], cancelled: true) == .cancelled)
        #expect(rollup([.success: 2], cancelled: true) == .success)
        #expect(rollup([.failed: 2], cancelled: true) == .failed)
    }

    @Test func terminalStatuses() {
        #expect(InvocationStatus.allCases.filter(\.isTerminal) == [.success, .cancelled, .timedOut, .failed])
        #expect(CommandStatus.allCases.filter(\.isTerminal) == [.success, .cancelled, .failed, .timedOut])
        #expect(InvocationStatus.inProgress.defaultDetails == "In Progress")
        #expect(InvocationStatus.pending.defaultDetails == "Pending")
        #expect(InvocationStatus.timedOut.defaultDetails == "TimedOut")
    }
}

@Suite("CommandProgress")
struct CommandProgressTests {
    private static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    private func command(targets: Int) -> CommandRecord {
        CommandRecord(commandId: "c0ffee00-0000-4000-8000-000000000000", accountId: "123456789012",
                      documentName: "AWS-RunShellScript", documentVersion: "1", comment: "",
                      parameters: [:], instanceIds: [], targets: [], requestedDateTime: Self.epoch,
                      expiresAfter: Self.epoch.addingTimeInterval(3600), timeoutSeconds: 3600,
                      status: .pending, statusDetails: "Pending", maxConcurrency: "50", maxErrors: "0",
                      targetCount: targets, plan: CommandPlan(parameters: [:], steps: [], environment: [:]))
    }

    private func invocation(_ node: Int, _ status: InvocationStatus = .pending, details: String? = nil) -> InvocationRecord {
        var record = InvocationRecord(commandId: "c0ffee00-0000-4000-8000-000000000000",
                                      instanceId: String(format: "mi-%017x", node), instanceName: "n\(node)",
                                      requestedDateTime: Self.epoch)
        record.status = status
        record.statusDetails = details ?? status.defaultDetails
        return record
    }

    /// Moves node `node` of `command` from `invocations[node]` to a new status.
    private func move(_ node: Int, to status: InvocationStatus, details: String? = nil,
                      in invocations: inout [InvocationRecord], on command: inout CommandRecord) {
        let new = invocation(node, status, details: details)
        CommandProgress.apply(from: invocations[node], to: new, on: &command)
        invocations[node] = new
    }

    @Test func newInvocationsArePending() {
        var record = command(targets: 3)
        for node in 0..<3 { CommandProgress.apply(from: nil, to: invocation(node), on: &record) }
        #expect(record.invocationCounts == ["Pending": 3])
        #expect(record.status == .pending)
        #expect(record.statusDetails == "Pending")
        #expect(record.completedCount == 0)
        #expect(record.errorCount == 0)
        #expect(record.deliveryTimedOutCount == 0)
    }

    @Test func countsFollowTransitions() {
        var record = command(targets: 4)
        var invocations = (0..<4).map { invocation($0) }
        for item in invocations { CommandProgress.apply(from: nil, to: item, on: &record) }

        move(0, to: .inProgress, in: &invocations, on: &record)
        #expect(record.status == .inProgress)
        #expect(record.statusDetails == "In Progress")
        #expect(record.invocationCounts["Pending"] == 3)
        #expect(record.invocationCounts["InProgress"] == 1)
        #expect(record.completedCount == 0)

        move(0, to: .success, in: &invocations, on: &record)
        #expect(record.completedCount == 1)
        #expect(record.errorCount == 0)
        #expect(record.invocationCounts["InProgress"] == 0)
        #expect(record.invocationCounts["Success"] == 1)
        #expect(record.status == .inProgress)

        move(1, to: .inProgress, in: &invocations, on: &record)
        move(1, to: .failed, in: &invocations, on: &record)
        #expect(record.completedCount == 2)
        #expect(record.errorCount == 1)

        move(2, to: .inProgress, in: &invocations, on: &record)
        move(2, to: .timedOut, details: StatusDetails.executionTimedOut, in: &invocations, on: &record)
        #expect(record.completedCount == 3)
        #expect(record.errorCount == 2)
        #expect(record.deliveryTimedOutCount == 0)

        move(3, to: .timedOut, details: StatusDetails.deliveryTimedOut, in: &invocations, on: &record)
        #expect(record.completedCount == 4)
        #expect(record.errorCount == 2)
        #expect(record.deliveryTimedOutCount == 1)
        #expect(record.status == .failed)
        #expect(record.statusDetails == "Failed")
        #expect(record.invocationCounts.values.reduce(0, +) == 4)
    }

    @Test func allSuccessfulCommandSucceeds() {
        var record = command(targets: 2)
        var invocations = (0..<2).map { invocation($0) }
        for item in invocations { CommandProgress.apply(from: nil, to: item, on: &record) }
        for node in 0..<2 {
            move(node, to: .inProgress, in: &invocations, on: &record)
            move(node, to: .success, in: &invocations, on: &record)
        }
        #expect(record.status == .success)
        #expect(record.statusDetails == "Success")
        #expect(record.completedCount == 2)
        #expect(record.errorCount == 0)
    }

    @Test func sameStatusTwiceChangesNothing() {
        var record = command(targets: 1)
        var invocations = [invocation(0)]
        CommandProgress.apply(from: nil, to: invocations[0], on: &record)
        move(0, to: .failed, in: &invocations, on: &record)
        let before = record
        move(0, to: .failed, in: &invocations, on: &record)
        #expect(record == before)
        #expect(record.errorCount == 1)
        #expect(record.completedCount == 1)
    }

    @Test func cancelFlow() {
        var record = command(targets: 2)
        var invocations = (0..<2).map { invocation($0) }
        for item in invocations { CommandProgress.apply(from: nil, to: item, on: &record) }
        move(0, to: .inProgress, in: &invocations, on: &record)
        record.cancelRequested = true
        move(1, to: .cancelled, in: &invocations, on: &record)
        #expect(record.status == .cancelling)
        #expect(record.statusDetails == "Cancelling")
        move(0, to: .cancelling, in: &invocations, on: &record)
        #expect(record.status == .cancelling)
        move(0, to: .cancelled, in: &invocations, on: &record)
        #expect(record.status == .cancelled)
        #expect(record.statusDetails == "Cancelled")
        #expect(record.completedCount == 2)
        #expect(record.errorCount == 0)
    }

    @Test func recountMatchesIncrementalCounts() {
        var incremental = command(targets: 5)
        var invocations = (0..<5).map { invocation($0) }
        for item in invocations { CommandProgress.apply(from: nil, to: item, on: &incremental) }
        move(0, to: .inProgress, in: &invocations, on: &incremental)
        move(0, to: .success, in: &invocations, on: &incremental)
        move(1, to: .failed, in: &invocations, on: &incremental)
        move(2, to: .timedOut, details: StatusDetails.deliveryTimedOut, in: &invocations, on: &incremental)
        move(3, to: .inProgress, in: &invocations, on: &incremental)

        var recounted = command(targets: 5)
        // Stale counters are thrown away.
        recounted.completedCount = 99
        recounted.errorCount = 42
        recounted.deliveryTimedOutCount = 7
        recounted.invocationCounts = ["Success": 12, "Bogus": 3]
        CommandProgress.recount(&recounted, invocations: invocations)

        #expect(recounted.invocationCounts.filter { $0.value != 0 } == incremental.invocationCounts.filter { $0.value != 0 })
        #expect(recounted.invocationCounts.filter { $0.value != 0 } == ["Success": 1, "Failed": 1, "TimedOut": 1, "InProgress": 1, "Pending": 1])
        #expect(recounted.completedCount == 3)
        #expect(recounted.errorCount == 1)
        #expect(recounted.deliveryTimedOutCount == 1)
        #expect(recounted.status == .inProgress)
        #expect(recounted.status == incremental.status)
    }

    @Test func recountOfNothing() {
        var record = command(targets: 0)
        record.completedCount = 3
        CommandProgress.recount(&record, invocations: [])
        #expect(record.completedCount == 0)
        #expect(record.invocationCounts.isEmpty)
        #expect(record.status == .success)
    }
}

@Suite("StatusDetails")
struct StatusDetailsTests {
    @Test(arguments: [
        ("DeliveryTimedOut", "Delivery Timed Out"),
        ("ExecutionTimedOut", "Execution Timed Out"),
        ("Undeliverable", "Undeliverable"),
        ("Terminated", "Terminated"),
        ("Incomplete", "Incomplete"),
        ("NoInstancesInTag", "No Instances In Tag"),
    ])
    func filterValueMapsToDetails(_ value: String, _ details: String) {
        #expect(StatusDetails.fromFilterValue(value) == details)
    }

    @Test(arguments: ["Delivery Timed Out", "deliverytimedout", "Success", "Pending", "TimedOut", "", "Bogus"])
    func otherValuesMapToNothing(_ value: String) {
        #expect(StatusDetails.fromFilterValue(value) == nil)
    }
}

/// The command status alone, for a tally with MaxErrors 0 whose timeouts are execution timeouts.
private func rollup(_ counts: [InvocationStatus: Int], cancelled: Bool) -> CommandStatus {
    CommandStatusRollup.status(.init(counts: counts, executionTimedOut: counts[.timedOut, default: 0],
                                     cancelRequested: cancelled)).0
}

@Suite("CommandStatusRollup with MaxErrors")
struct MaxErrorsRollupTests {
    @Test func errorsWithinTheLimitAreIncomplete() {
        let tally = CommandStatusRollup.Tally(counts: [.success: 8, .failed: 2], errorLimit: 2)
        #expect(CommandStatusRollup.status(tally) == (.failed, StatusDetails.incomplete))
    }

    @Test func errorsBeyondTheLimitAreFailed() {
        let tally = CommandStatusRollup.Tally(counts: [.success: 7, .failed: 3], errorLimit: 2)
        #expect(CommandStatusRollup.status(tally) == (.failed, "Failed"))
    }

    @Test func deliveryTimeoutsDoNotCountAsErrors() {
        let within = CommandStatusRollup.Tally(counts: [.success: 9, .timedOut: 1], deliveryTimedOut: 1, errorLimit: 1)
        #expect(CommandStatusRollup.status(within) == (.failed, StatusDetails.incomplete))
        let beyond = CommandStatusRollup.Tally(counts: [.success: 8, .timedOut: 2], deliveryTimedOut: 2, errorLimit: 1)
        #expect(CommandStatusRollup.status(beyond) == (.timedOut, StatusDetails.deliveryTimedOut))
    }

    @Test func executionTimeoutsCountAsErrors() {
        let tally = CommandStatusRollup.Tally(counts: [.success: 8, .timedOut: 2], executionTimedOut: 2, errorLimit: 1)
        #expect(CommandStatusRollup.status(tally) == (.timedOut, StatusDetails.executionTimedOut))
    }
}

@Suite("RateControl")
struct RateControlTests {
    @Test func rampsFromOneNodeUpToTheLimit() {
        #expect(RateControl.allowedInFlight(maxConcurrency: "50", targetCount: 100, completed: 0) == 1)
        #expect(RateControl.allowedInFlight(maxConcurrency: "50", targetCount: 100, completed: 1) == 10)
        #expect(RateControl.allowedInFlight(maxConcurrency: "50", targetCount: 100, completed: 4) == 40)
        #expect(RateControl.allowedInFlight(maxConcurrency: "50", targetCount: 100, completed: 5) == 50)
        #expect(RateControl.allowedInFlight(maxConcurrency: "50", targetCount: 100, completed: 40) == 50)
    }

    @Test func percentagesRoundDownButConcurrencyIsAtLeastOne() {
        #expect(RateControl.allowedInFlight(maxConcurrency: "10%", targetCount: 5, completed: 100) == 1)
        #expect(RateControl.allowedInFlight(maxConcurrency: "40%", targetCount: 5, completed: 100) == 2)
        #expect(RateControl.errorLimit(maxErrors: "10%", targetCount: 25) == 2)
        #expect(RateControl.errorLimit(maxErrors: "0", targetCount: 25) == 0)
        #expect(RateControl.errorLimit(maxErrors: "3", targetCount: 25) == 3)
    }
}
