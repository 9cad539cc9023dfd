/// What a replay shows and when: a transcript's output and resize events, their times divided by the
/// speed. Input events are not shown (the terminal's echo is already in the output).
public enum AsciicastPlayback {
    /// One thing to show.
    public enum Step: Sendable, Equatable {
        /// Bytes the terminal showed.
        case output(String)
        /// The terminal was resized to this many columns and rows.
        case resize(cols: Int, rows: Int)
    }

    /// A step and when to show it, counted from the start of the replay.
    public struct Cue: Sendable, Equatable {
        public var at: Duration
        public var step: Step

        public init(at: Duration, step: Step) {
            self.at = at
            self.step = step
        }
    }

    /// The cues of `transcript` played `speed` times faster than recorded (`speed` > 0). Times never go
    /// backwards: an event stamped earlier than the one before it is shown right after it. A resize
    /// whose data is not `COLSxROWS` is skipped.
    public static func cues(for transcript: AsciicastTranscript, speed: Double) -> [Cue] {
        precondition(speed > 0, "replay speed must be positive")
        var cues: [Cue] = []
        var latest = 0.0
        for event in transcript.events {
            guard let step = step(for: event) else { continue }
            latest = max(latest, event.time)
            cues.append(Cue(at: .seconds(latest / speed), step: step))
        }
        return cues
    }

    private static func step(for event: AsciicastTranscript.Event) -> Step? {
        switch event.code {
        case "o":
            return .output(event.data)
        case "r":
            let parts = event.data.split(separator: "x")
            guard parts.count == 2, let cols = Int(parts[0]), let rows = Int(parts[1]), cols > 0, rows > 0 else { return nil }
            return .resize(cols: cols, rows: rows)
        default:
            return nil
        }
    }
}
