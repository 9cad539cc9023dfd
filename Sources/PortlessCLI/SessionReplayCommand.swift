import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless session replay SESSION_ID`: plays a session's recorded transcript in this terminal at
/// its recorded pace (÷ `--speed`), or with `--export` writes it as an asciicast v2 file.
struct SessionReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Replay a recorded session, or export it as a .cast file.")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The session's ID.")
    var sessionId: String

    @Option(help: "Play this many times faster than recorded.")
    var speed: Double = 1

    @Option(help: ArgumentHelp("Write the transcript to FILE (asciicast v2, as asciinema plays it) instead of playing it.", valueName: "FILE"))
    var export: String?

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a positive number.") }
    }

    func run() async throws {
        let reply = try await client.client().call("Portless.GetSessionTranscript", .object(["SessionId": .string(sessionId)]))
        guard let text = reply["Transcript"]?.stringValue else {
            throw ClientError.transport("GetSessionTranscript returned no Transcript.")
        }
        if let export {
            try Data(text.utf8).write(to: URL(fileURLWithPath: export))
            return Console.error("Wrote \(export).")
        }
        let transcript: AsciicastTranscript
        do {
            transcript = try AsciicastTranscript.parse(text)
        } catch {
            throw ClientError.transport("The transcript of \(sessionId) is unreadable: \(error)")
        }
        let start = ContinuousClock.now
        for cue in AsciicastPlayback.cues(for: transcript, speed: speed) {
            try await Task.sleep(until: start + cue.at, clock: .continuous)
            switch cue.step {
            case .output(let text):
                try await DescriptorIO.standardOutput.write(Data(text.utf8))
            case .resize(let cols, let rows):
                try await DescriptorIO.standardError.write(Data("\r\n[the terminal was resized to \(cols)×\(rows)]\r\n".utf8))
            }
        }
    }
}
