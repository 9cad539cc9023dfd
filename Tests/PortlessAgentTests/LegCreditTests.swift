import Foundation
@testable import PortlessAgent
import PortlessCore
import Synchronization
import Testing

// The agent's credit on its session leg: sending waits once the window is spent, the server's grants let it
// go on, and closing the leg or cancelling the sender never leaves it hanging.

@Suite("Leg credit")
struct LegCreditTests {
    @Test func sendingWaitsOnceTheWindowIsSpentAndGoesOnWhenCreditComes() async throws {
        let credit = LegCredit()
        try await credit.spend(SessionLegWindow.size)
        let sent = Mutex(false)
        let sender = Task {
            try await credit.spend(10)
            sent.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!sent.withLock { $0 })
        credit.grant(5)
        try await sender.value
        #expect(sent.withLock { $0 })
    }

    @Test func closingTheLegFailsWaitingAndLaterSends() async throws {
        let credit = LegCredit()
        try await credit.spend(SessionLegWindow.size + 1)
        let sender = Task { try await credit.spend(1) }
        try await Task.sleep(for: .milliseconds(50))
        credit.close()
        await #expect(throws: CancellationError.self) { try await sender.value }
        await #expect(throws: CancellationError.self) { try await credit.spend(1) }
    }

    @Test func cancellingAWaitingSenderEndsItsWait() async throws {
        let credit = LegCredit()
        try await credit.spend(SessionLegWindow.size)
        let sender = Task { try await credit.spend(1) }
        try await Task.sleep(for: .milliseconds(50))
        sender.cancel()
        await #expect(throws: CancellationError.self) { try await sender.value }
        // The credit is untouched by the cancelled wait.
        credit.grant(1)
        try await credit.spend(1)
    }
}
