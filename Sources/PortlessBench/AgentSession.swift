import Foundation
import PortlessCore
import WSClient

/// A logged-in simulated agent's side of the channel: heartbeats every 5 s (as the real agent
/// sends, so the server does not close it as silent), and each `run` answered at once.
struct AgentSession: Sendable {
    static let resultPrefix = "result-"

    let index: Int
    let instanceId: String
    let tracker: FleetTracker
    let outbound: WebSocketOutboundWriter
    /// Uploads a result for scan orders (nil: scan orders are answered like any other).
    let uploader: ScanUploader?

    /// Reads until the server closes the channel.
    func serve(_ messages: inout WebSocketInboundMessageStream.AsyncIterator) async throws {
        let outbound = self.outbound
        let index = self.index
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // Spread the fleet's heartbeats over the interval instead of sending them in bursts.
                try await Task.sleep(for: .milliseconds(index % 5000))
                while !Task.isCancelled {
                    try await outbound.write(.text(try AgentMessage(type: .heartbeat, sentAt: Date()).encoded()))
                    try await Task.sleep(for: SimulatedAgent.heartbeatInterval)
                }
            }
            var answered = Set<String>()
            while let message = try await messages.next() {
                guard case .text(let text) = message else { continue }
                let receivedAt = ContinuousClock.now
                guard let decoded = try? AgentMessage.decode(text) else { continue }
                switch decoded.type {
                case .run:
                    guard let order = decoded.order, answered.insert(order.commandId).inserted else { continue }
                    tracker.runReceived(at: receivedAt)
                    try await answer(order)
                case .ack:
                    if decoded.ackId?.hasPrefix(Self.resultPrefix) == true { tracker.resultAcknowledged(at: ContinuousClock.now) }
                default:
                    break
                }
            }
            group.cancelAll()
        }
    }

    /// `started`, then (for a scan, after uploading its result) a one-step Success `result` with the ID the real agent uses.
    private func answer(_ order: InvocationOrder) async throws {
        let now = Date()
        try await outbound.write(.text(try AgentMessage(type: .started, commandId: order.commandId, sentAt: now).encoded()))
        if let uploader, order.documentName == ScanDocument.name {
            _ = await uploader.upload(order, instanceId: instanceId, index: index)
        }
        let step = StepReport(name: order.steps.first?.name ?? "0.aws:runShellScript", status: .success, statusDetails: "Success",
                              responseCode: 0, startedAt: now, finishedAt: now, stdout: "", stderr: "")
        let report = InvocationReport(commandId: order.commandId, status: .success, statusDetails: "Success", responseCode: 0,
                                      startedAt: now, finishedAt: now, steps: [step])
        try await outbound.write(.text(try AgentMessage(type: .result, id: Self.resultPrefix + order.commandId, report: report).encoded()))
    }
}
