import Foundation
import NIOCore
import NIOPosix
import PortlessCore

/// A shell (`shell`) or one command (`interactiveCommand`) in a pseudo-terminal as the run-as user:
/// a login shell of the user's passwd shell, or `command` through that shell's `-c`. Leg bytes are
/// typed into the terminal as they are (Ctrl-C is byte 0x03, which the line discipline turns into
/// SIGINT for the foreground job); a `resize` control sets the window size.
struct TerminalSession: Sendable {
    static let defaultColumns = 80
    static let defaultRows = 24

    let order: SessionOrder

    func serve<Inbound: AsyncSequence & Sendable>(inbound: Inbound, writer: any SessionLegWriter) async throws
    where Inbound.Element == SessionLegFrame {
        let user = try await RunAsUser.resolve(order.runAsUser)
        let arguments: [String]
        if order.mode == .shell {
            arguments = [user.shell, "-l"]
        } else {
            guard let command = order.command, !command.isEmpty else { throw SessionFailure("Unable to start command: no command given") }
            arguments = [user.shell, "-c", command]
        }
        let terminal = try PseudoTerminal(columns: order.columns ?? Self.defaultColumns, rows: order.rows ?? Self.defaultRows)
        defer { terminal.close() }
        let process = try SessionProcess(arguments: user.command(arguments), environment: user.environment(terminal: true),
                                         directory: user.workingDirectory, streams: .terminal(slavePath: terminal.slavePath))
        try await withTaskCancellationHandler {
            let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
            do { channel = try await SessionChannels.pipe(input: terminal.duplicate(), output: terminal.duplicate()) } catch {
                process.terminate()
                throw error
            }
            try await channel.executeThenClose { output, input in
                if order.mode == .shell, let profile = order.shellProfile, !profile.isEmpty {
                    try await input.write(ByteBuffer(string: profile.hasSuffix("\n") ? profile : profile + "\n"))
                }
                let relay = ProcessRelay(process: process, outputs: [(.stream, output)], writer: writer) { frame in
                    switch frame {
                    case .bytes(.stream, let bytes): try await input.write(ByteBuffer(bytes: bytes))
                    case .control(let control) where control.type == .resize:
                        if let columns = control.columns, let rows = control.rows { terminal.resize(columns: columns, rows: rows) }
                    default: break
                    }
                }
                await relay.run(inbound: inbound)
            }
        } onCancel: {
            process.terminate()
        }
    }
}
