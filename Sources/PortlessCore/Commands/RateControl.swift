/// SSM's rate control: how many invocations may be in flight, and how many errors stop a command.
public enum RateControl {
    /// The number a `MaxConcurrency` or `MaxErrors` value stands for among `targetCount` nodes.
    /// A percentage rounds down, but a concurrency is at least 1.
    static func resolve(_ value: String, targetCount: Int) -> Int {
        if value.hasSuffix("%"), let percent = Int(value.dropLast()) {
            return percent * targetCount / 100
        }
        return Int(value) ?? 0
    }

    /// How fast the ramp widens: each node that acknowledged its invocation lets this many more go.
    public static let rampFactor = 10

    /// How many invocations may be in flight: one node first, then `rampFactor` times the number
    /// of nodes that acknowledged theirs (started or finished), never more than `MaxConcurrency`.
    public static func allowedInFlight(maxConcurrency: String, targetCount: Int, completed acknowledged: Int) -> Int {
        let limit = max(1, resolve(maxConcurrency, targetCount: targetCount))
        return min(limit, max(1, rampFactor * acknowledged))
    }

    /// How many errors a command tolerates; one more stops it from being sent to more nodes.
    public static func errorLimit(maxErrors: String, targetCount: Int) -> Int {
        resolve(maxErrors, targetCount: targetCount)
    }
}
