import PortlessCore
import Testing

// The receiving side's account of a session leg's window: credit goes back in quarter-window batches, and a
// sender that overruns the window is told apart from one that keeps to it.

@Suite("Session leg window")
struct SessionLegWindowTests {
    @Test func consumedBytesAreGrantedBackInBatches() {
        var window = SessionLegWindow()
        let fullWindowAccepted = window.receive(SessionLegWindow.size)
        #expect(fullWindowAccepted)
        let frame = 32 * 1024
        var granted: [Int] = []
        for _ in 0..<(SessionLegWindow.size / frame) {
            if let credit = window.consume(frame) { granted.append(credit) }
        }
        #expect(granted == Array(repeating: SessionLegWindow.grantBatch, count: 4))
        // Less than a batch waits for more.
        let smallAccepted = window.receive(100)
        #expect(smallAccepted)
        let underABatch = window.consume(100)
        #expect(underABatch == nil)
        let aBatch = window.consume(SessionLegWindow.grantBatch - 100)
        #expect(aBatch == SessionLegWindow.grantBatch)
    }

    @Test func aSenderMayOverdrawByOneFrameButNoMore() {
        var window = SessionLegWindow()
        let overdrawAccepted = window.receive(SessionLegWindow.size + SessionLegWindow.maxFrame)
        #expect(overdrawAccepted)
        let overrunAccepted = window.receive(1)
        #expect(!overrunAccepted)
    }

    @Test func consumingMakesRoomAgain() {
        var window = SessionLegWindow()
        for _ in 0..<100 {
            let refilledAccepted = window.receive(SessionLegWindow.size)
            #expect(refilledAccepted)
            _ = window.consume(SessionLegWindow.size)
        }
    }
}
