import Foundation
import Synchronization

/// Blocking reads and writes of a file descriptor (a terminal, a pipe, a file) done on a queue of
/// their own, so no thread of the task pool waits on them. One read or write at a time is in
/// flight and the caller awaits it: nothing queues without bound.
final class DescriptorIO: Sendable {
    static let chunkSize = 32 * 1024

    let descriptor: Int32
    private let queue: DispatchQueue

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        self.queue = DispatchQueue(label: "portless.fd\(descriptor)")
    }

    static let standardInput = DescriptorIO(STDIN_FILENO)
    static let standardOutput = DescriptorIO(STDOUT_FILENO)
    static let standardError = DescriptorIO(STDERR_FILENO)

    /// The next bytes, or nil at end of file. Cancelling the caller returns at once (the read
    /// itself finishes in the background and its bytes are dropped).
    func read() async throws -> Data? {
        let pending = Mutex<PendingRead>(.idle)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                let cancelled = pending.withLock { state -> Bool in
                    if case .cancelled = state { return true }
                    state = .waiting(continuation)
                    return false
                }
                if cancelled { return continuation.resume(throwing: CancellationError()) }
                queue.async { [descriptor] in
                    let result = Self.readBlocking(descriptor)
                    pending.withLock { $0.take() }?.resume(with: result)
                }
            }
        } onCancel: {
            pending.withLock { $0.cancel() }?.resume(throwing: CancellationError())
        }
    }

    /// Writes all of `bytes`.
    func write(_ bytes: Data) async throws {
        guard !bytes.isEmpty else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async { [descriptor] in
                continuation.resume(with: Self.writeBlocking(descriptor, bytes))
            }
        }
    }

    /// Writes a line of text.
    func line(_ text: String) async throws {
        try await write(Data((text + "\n").utf8))
    }

    private static func readBlocking(_ descriptor: Int32) -> Result<Data?, any Error> {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunkSize) }
            if count > 0 { return .success(Data(buffer[0..<count])) }
            if count == 0 { return .success(nil) }
            if errno != EINTR && errno != EAGAIN { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
        }
    }

    private static func writeBlocking(_ descriptor: Int32, _ bytes: Data) -> Result<Void, any Error> {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0, errno != EINTR, errno != EAGAIN {
                    return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
            }
            return .success(())
        }
    }
}

/// A read waiting on its continuation, or cancelled before it began.
private enum PendingRead {
    case idle
    case waiting(CheckedContinuation<Data?, any Error>)
    case cancelled
    case done

    mutating func take() -> CheckedContinuation<Data?, any Error>? {
        guard case .waiting(let continuation) = self else { return nil }
        self = .done
        return continuation
    }

    mutating func cancel() -> CheckedContinuation<Data?, any Error>? {
        if case .waiting(let continuation) = self {
            self = .done
            return continuation
        }
        if case .idle = self { self = .cancelled }
        return nil
    }
}
