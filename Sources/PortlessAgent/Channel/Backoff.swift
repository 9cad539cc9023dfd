/// Reconnect delays: exponential from `base`, capped at `cap`, with jitter so a fleet that lost
/// its server does not reconnect in lockstep (each delay is drawn between half and all of the ceiling).
struct Backoff: Sendable {
    var base: Double = 0.5
    var cap: Double = 30
    private(set) var attempt = 0

    mutating func nextDelay() -> Duration {
        let ceiling = min(cap, base * Double(1 << min(attempt, 16)))
        attempt += 1
        return .milliseconds(Int(Double.random(in: ceiling / 2...ceiling) * 1000))
    }

    mutating func reset() { attempt = 0 }
}
