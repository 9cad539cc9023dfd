import Foundation
import Logging
import PortlessClient
import PortlessCore
import UnixSignals

/// An interactive shell: the terminal in raw mode (put back on every way out), keys to the node,
/// output to the terminal, the size at start and on every SIGWINCH.
struct ShellSession {
    /// The size sent when stdout is not a terminal (the plugin's).
    static let defaultSize = TerminalSize(cols: 300, rows: 100)

    let api: SSMClient
    let logger: Logger

    /// Runs the session to its end; returns the exit status.
    func run(_ request: JSONValue) async throws -> Int32 {
        let stream = try await api.startSession(request)
        let out = DescriptorIO.standardOutput
        try await out.line("\nStarting session with SessionId: \(stream.sessionId)")
        let channel = DataChannelClient(stream: stream, api: api, logger: logger)
        signal(SIGPIPE, SIG_IGN)
        let terminal = try RawTerminal.enter()
        let outcome: SessionDriver.Outcome
        do {
            defer { terminal?.restore() }
            outcome = try await SessionDriver(api: api, channel: channel, logger: logger).run(
                onOutput: { output in
                    switch output {
                    case .stdout(let bytes): try await out.write(bytes)
                    case .stderr(let bytes): try await DescriptorIO.standardError.write(bytes)
                    case .flag: break
                    }
                },
                local: { ready in
                    if !ready.customerMessage.isEmpty { try await out.write(Data((ready.customerMessage + "\r\n").utf8)) }
                    try await withThrowingDiscardingTaskGroup { group in
                        group.addTask { try await Self.followSize(channel) }
                        group.addTask { try await Self.forwardKeys(channel) }
                    }
                    return nil
                })
        }
        if let line = outcome.closingLine(sessionId: stream.sessionId, verbose: true) { try? await out.line("\n" + line + "\n") }
        return outcome.exitStatus()
    }

    /// Sends the terminal's size now and whenever it changes.
    private static func followSize(_ channel: DataChannelClient) async throws {
        let changes = await UnixSignalsSequence(trapping: .sigwinch)
        var last = RawTerminal.size() ?? defaultSize
        try await channel.sendSize(last)
        for await _ in changes {
            guard let size = RawTerminal.size(), size != last else { continue }
            last = size
            try await channel.sendSize(size)
        }
    }

    /// Sends every key as typed. In raw mode Ctrl-D is a key like another; a stdin that is not a
    /// terminal ends with a Ctrl-D too, so the remote shell reads its end of input and exits.
    private static func forwardKeys(_ channel: DataChannelClient) async throws {
        while let chunk = try await DescriptorIO.standardInput.read() {
            try await channel.send(chunk)
        }
        try await channel.send(Data([0x04]))
    }
}
