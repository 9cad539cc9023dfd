import PortlessCore
import Testing

// The data channel's resend timeout: 200 ms at first, then from measured round trips, within 200 ms–1 s.

@Suite("Retransmission timeout")
struct RetransmissionTimeoutTests {
    @Test func startsAt200Milliseconds() {
        #expect(RetransmissionTimeout().timeout == 0.2)
    }

    @Test func fastPathsStayAtTheFloor() {
        var rto = RetransmissionTimeout()
        for _ in 0..<20 { rto.sample(0.001) }
        #expect(rto.timeout == 0.2)
    }

    @Test func followsASlowPathAndItsVariation() {
        var rto = RetransmissionTimeout()
        rto.sample(0.3)
        // 0.3 + 4 × 0.15
        #expect(abs(rto.timeout - 0.9) < 1e-9)
        rto.sample(0.3)
        // variation 0.75 × 0.15 = 0.1125 → 0.3 + 0.45
        #expect(abs(rto.timeout - 0.75) < 1e-9)
    }

    @Test func neverExceedsOneSecond() {
        var rto = RetransmissionTimeout()
        rto.sample(5)
        #expect(rto.timeout == 1.0)
    }
}
