import Foundation
import PortlessClient
import PortlessCore

/// The measured part: one SendCommand to every node, until the server has acknowledged every
/// agent's Success result; the server child's CPU and peak RSS over exactly that span.
struct DispatchMeasurement: Sendable {
    let server: ServerChild
    /// Who sends the command: the root key, or an IAM user decided by the policy evaluator.
    let client: SSMClient
    let tracker: FleetTracker
    let nodes: Int
    /// Bytes of shell comment added to the script (0: the script is just `true`).
    let scriptBytes: Int
    let timeout: Double

    private var commands: JSONValue {
        .array([.string("true")] + (scriptBytes > 0 ? [.string("# " + String(repeating: "x", count: max(0, scriptBytes - 2)))] : []))
    }

    func run(registerSeconds: Double, connectSeconds: Double) async throws -> DispatchResult {
        let serverBefore = try ProcessStats.read(pid: server.pid)
        let benchBefore = try ProcessStats.read(pid: nil)
        if !ProcessStats.resetPeak(pid: server.pid) {
            log("could not reset the server's VmHWM; peak RSS is since start")
        }
        let start = ContinuousClock.now
        let reply = try await client.call("AmazonSSM.SendCommand", .object([
            "DocumentName": .string("AWS-RunShellScript"),
            "Targets": .array([.object(["Key": .string("InstanceIds"), "Values": .array([.string("*")])])]),
            "Parameters": .object(["commands": commands]),
            "MaxConcurrency": .string("100%"),
            "MaxErrors": .string("0"),
            "TimeoutSeconds": .number(600),
            "Comment": .string("PortlessBench dispatch"),
        ]))
        let responded = ContinuousClock.now
        guard let commandId = reply["Command"]?["CommandId"]?.stringValue else {
            throw BenchError("SendCommand reply without Command.CommandId: \(reply)")
        }
        let deadline = start + .seconds(timeout)
        var finished: ContinuousClock.Instant?
        var finishedByPolling = false
        var lastPoll = ContinuousClock.now
        while finished == nil {
            finished = tracker.allAcknowledgedAt
            if finished != nil { break }
            // A channel the server closed mid-run never gets its ack: then ListCommands decides (±1 s).
            if tracker.closedCount > 0, ContinuousClock.now - lastPoll > .seconds(1) {
                lastPoll = ContinuousClock.now
                if let (status, completed) = try? await commandStatus(commandId), status == "Success", completed == nodes {
                    finished = ContinuousClock.now
                    finishedByPolling = true
                    break
                }
            }
            guard ContinuousClock.now < deadline else {
                let status = try? await commandStatus(commandId)
                throw BenchError("only \(tracker.resultsAcknowledgedCount) of \(nodes) results acknowledged and \(tracker.runReceipts.count) runs received after \(timeout) s; ListCommands: \(status.map { "\($0)" } ?? "?")")
            }
            guard server.isRunning else { throw BenchError("server exited during the measurement") }
            try await Task.sleep(for: .milliseconds(5))
        }
        let serverAfter = try ProcessStats.read(pid: server.pid)
        let benchAfter = try ProcessStats.read(pid: nil)
        let (status, completed) = try await commandStatus(commandId)
        let latencies = tracker.runReceipts.map { ($0 - start).seconds * 1000 }
        return DispatchResult(
            nodes: nodes, registerSeconds: registerSeconds, connectSeconds: connectSeconds,
            sendCommandResponseMs: (responded - start).seconds * 1000,
            allSuccessSeconds: ((finished ?? responded) - start).seconds,
            runLatencyMs: LatencySummary(milliseconds: latencies),
            arrivals: ArrivalTimeline(milliseconds: latencies, bucketMs: 100),
            serverRSSBeforeMiB: Double(serverBefore.residentKiB) / 1024,
            serverPeakRSSMiB: Double(serverAfter.peakResidentKiB) / 1024,
            serverCPUSeconds: serverAfter.cpuSeconds - serverBefore.cpuSeconds,
            benchCPUSeconds: benchAfter.cpuSeconds - benchBefore.cpuSeconds,
            commandStatus: status, completedCount: completed, channelsLost: tracker.closedCount,
            finishedByPolling: finishedByPolling, date: Date())
    }

    /// ListCommands for the one command: its Status and CompletedCount.
    private func commandStatus(_ commandId: String) async throws -> (String, Int) {
        let reply = try await client.call("AmazonSSM.ListCommands", .object(["CommandId": .string(commandId)]))
        guard let command = reply["Commands"]?.arrayValue?.first else { throw BenchError("ListCommands did not list \(commandId)") }
        let completed: Int
        if case .number(let value)? = command["CompletedCount"] { completed = Int(value) } else { completed = -1 }
        return (command["Status"]?.stringValue ?? "?", completed)
    }
}
