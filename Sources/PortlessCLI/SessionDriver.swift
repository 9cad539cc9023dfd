import Foundation
import Logging
import PortlessClient
import UnixSignals

/// Runs a started session: its data channel, the mode's local work (keyboard, listener, …) once the
/// handshake is done, and a watch for the signals that end it, until one of them ends the session.
struct SessionDriver {
    /// What ended the session.
    enum Outcome: Sendable {
        /// The data channel ended (the server closed it, or the session timed out).
        case channel(DataChannelEnd)
        /// A signal arrived; the session is terminated.
        case signal(UnixSignal)
        /// The local side finished (stdin ended for an SSH proxy); the session is terminated.
        case localEnd
    }

    /// The signals that end a session (in raw mode Ctrl-C is a byte, so SIGINT comes only from `kill`).
    static let endingSignals: [UnixSignal] = [.sigint, .sigterm, .sighup]

    let api: SSMClient
    let channel: DataChannelClient
    let logger: Logger

    /// Runs until the session ends. `local` runs after the handshake and returns `.localEnd` to end
    /// the session, or nil to leave it running. After a signal or the local end the session is
    /// terminated through the API and the server's `channel_closed` awaited (at most `closeGrace`)
    /// before this returns.
    func run(onOutput: @escaping @Sendable (DataChannelOutput) async throws -> Void,
             local: @escaping @Sendable (DataChannelReady) async throws -> Outcome?) async throws -> Outcome {
        let trapped = await UnixSignalsSequence(trapping: Self.endingSignals)
        let channel = channel
        return try await withThrowingTaskGroup(of: Event.self) { group in
            group.addTask { .channelEnded(try await channel.run(onOutput: onOutput)) }
            group.addTask { .localEnded(try await Self.watch(trapped, channel: channel, local: local)) }
            var ending: Outcome?
            while let event = try await group.next() {
                switch event {
                case .channelEnded(let end):
                    group.cancelAll()
                    return ending ?? .channel(end)
                case .localEnded(let outcome?):
                    ending = outcome
                    await terminate()
                    group.addTask {
                        try await Task.sleep(for: Self.closeGrace)
                        return .graceOver
                    }
                case .localEnded(nil):
                    continue
                case .graceOver:
                    group.cancelAll()
                    if let ending { return ending }
                }
            }
            throw CancellationError()
        }
    }

    /// How long to wait for the server's `channel_closed` after terminating the session.
    static let closeGrace: Duration = .seconds(3)

    private enum Event: Sendable {
        case channelEnded(DataChannelEnd)
        case localEnded(Outcome?)
        case graceOver
    }

    /// The local work and the signal watch: the first of them to end the session, or nil when the
    /// channel ended first (the local work cannot start or is cancelled).
    private static func watch(_ trapped: UnixSignalsSequence, channel: DataChannelClient,
                              local: @escaping @Sendable (DataChannelReady) async throws -> Outcome?) async throws -> Outcome? {
        try await withThrowingTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                for await signal in trapped { return .signal(signal) }
                return nil
            }
            group.addTask {
                do {
                    return try await local(try await channel.waitUntilReady())
                } catch is DataChannelClosedError {
                    return nil
                }
            }
            while let result = try await group.next() {
                if let result {
                    group.cancelAll()
                    return result
                }
            }
            return nil
        }
    }

    /// TerminateSession, best effort and bounded: the process is leaving either way.
    private func terminate() async {
        let api = api, sessionId = channel.sessionId, logger = logger
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await api.terminateSession(sessionId)
                } catch {
                    logger.warning("could not terminate the session", metadata: ["portless.session": "\(sessionId)", "error": "\(error)"])
                }
            }
            group.addTask { try? await Task.sleep(for: .seconds(3)) }
            await group.next()
            group.cancelAll()
        }
    }
}

extension SessionDriver.Outcome {
    /// The exit status: the remote exit code when the server sent one, 0 for a session that ended
    /// without a reason (or, with `interruptIsSuccess`, by Ctrl-C), 128+N after signal N, else 1.
    func exitStatus(interruptIsSuccess: Bool = false) -> Int32 {
        switch self {
        case .channel(let end):
            if let code = end.exitCode { return code }
            switch end.reason {
            case .closedByServer(let output): return output.isEmpty ? 0 : 1
            case .closedByClient: return 0
            case .timedOut: return 1
            }
        case .signal(let signal):
            return interruptIsSuccess && signal == .sigint ? 0 : 128 + signal.rawValue
        case .localEnd:
            return 0
        }
    }

    /// The closing line as the session-manager-plugin words it; the plain "Exiting session" line
    /// only when `verbose`, nil when there is nothing to say.
    func closingLine(sessionId: String, verbose: Bool) -> String? {
        switch self {
        case .channel(let end):
            switch end.reason {
            case .closedByServer(let output) where !output.isEmpty: return "SessionId: \(sessionId) : \(output)"
            case .timedOut: return "Session: \(sessionId) timed out."
            case .closedByServer, .closedByClient: break
            }
        case .signal, .localEnd:
            break
        }
        return verbose ? "Exiting session with sessionId: \(sessionId)." : nil
    }
}
