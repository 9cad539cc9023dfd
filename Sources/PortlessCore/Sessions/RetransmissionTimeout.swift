public import Foundation

/// How long a data channel end waits for an acknowledgement before resending, as the
/// session-manager-plugin computes it: 200 ms until the first round trip is measured, then the
/// smoothed round-trip time plus four times its variation (at least one 10 ms clock tick), never
/// under 200 ms nor over 1 s.
public struct RetransmissionTimeout: Sendable, Equatable {
    public static let initial: TimeInterval = 0.2
    public static let minimum: TimeInterval = 0.2
    public static let maximum: TimeInterval = 1.0
    static let clockGranularity: TimeInterval = 0.01
    static let gain = 0.125
    static let variationGain = 0.25

    public private(set) var smoothedRoundTrip: TimeInterval?
    private var variation: TimeInterval = 0

    public init() {}

    /// The timeout now.
    public var timeout: TimeInterval {
        guard let smoothedRoundTrip else { return Self.initial }
        return min(Self.maximum, max(Self.minimum, smoothedRoundTrip + max(Self.clockGranularity, 4 * variation)))
    }

    /// Takes one measured round trip (of a message sent once: resent ones say nothing about the path).
    public mutating func sample(_ roundTrip: TimeInterval) {
        let sample = max(0, roundTrip)
        guard let smoothed = smoothedRoundTrip else {
            smoothedRoundTrip = sample
            variation = sample / 2
            return
        }
        variation = (1 - Self.variationGain) * variation + Self.variationGain * abs(smoothed - sample)
        smoothedRoundTrip = (1 - Self.gain) * smoothed + Self.gain * sample
    }
}
