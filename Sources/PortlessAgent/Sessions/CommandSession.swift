import Foundation
import NIOCore
import PortlessCore

/// One command without a terminal (`nonInteractiveCommand`): `sh -c command` as the run-as user,
/// its stdout on the leg's `stream` channel and its stderr on `stderr`, leg stream bytes on its
/// stdin, then its exit code.
struct CommandSession: Sendable {
    static let shell = "/bin/sh"

    let order: SessionOrder

    func serve<Inbound: AsyncSequence & Sendable>(inbound: Inbound, writer: any SessionLegWriter) async throws
    where Inbound.Element == SessionLegFrame {
        guard let command = order.command, !command.isEmpty else { throw SessionFailure("Unable to start command: no command given") }
        let user = try await RunAsUser.resolve(order.runAsUser)
        let process = try SessionProcess(arguments: user.command([Self.shell, "-c", command]), environment: user.environment(terminal: false),
                                         directory: user.workingDirectory, streams: .pipes)
        guard let pipes = process.pipes else { preconditionFailure("a piped process has pipes") }
        try await withTaskCancellationHandler {
            let stdio: NIOAsyncChannel<ByteBuffer, ByteBuffer>
            let stderr: NIOAsyncChannel<ByteBuffer, ByteBuffer>
            do {
                stdio = try await SessionChannels.pipe(input: pipes.stdout, output: pipes.stdin)
                stderr = try await SessionChannels.pipe(input: pipes.stderr, output: nil)
            } catch {
                process.terminate()
                throw error
            }
            try await stdio.executeThenClose { stdout, stdin in
                try await stderr.executeThenClose { errors, _ in
                    let relay = ProcessRelay(process: process, outputs: [(.stream, stdout), (.stderr, errors)], writer: writer) { frame in
                        if case .bytes(.stream, let bytes) = frame { try await stdin.write(ByteBuffer(bytes: bytes)) }
                    }
                    await relay.run(inbound: inbound)
                }
            }
        } onCancel: {
            process.terminate()
        }
    }
}
