import ArgumentParser
import PortlessClient

/// `portless session terminate SESSION_ID`: ends a session for both ends (TerminateSession).
struct SessionTerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminate", abstract: "End a session.")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The session's ID.")
    var sessionId: String

    func run() async throws {
        try await client.client().terminateSession(sessionId)
        Console.line("Session \(sessionId) terminated.")
    }
}
