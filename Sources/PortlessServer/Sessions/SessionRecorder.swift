import Crypto
import Foundation
import Logging
import PortlessCore

/// Writes one session's asciicast v2 transcript to the object store while the session runs: events are
/// gathered and sealed into a numbered chunk (TranscriptChunk) every second or 64 KiB, so a node or client
/// that dies mid-session loses nothing already relayed.
actor SessionRecorder {
    static let chunkSize = 64 * 1024
    static let flushInterval: TimeInterval = 1

    private let sessionId: String
    private let recording: SessionRecording
    private let accountId: String
    private let key: SymmetricKey
    private let objects: ObjectStore
    private let startedAt: Date
    private let logger: Logger
    private var encoder = AsciicastEncoder()
    private var pending = Data()
    private var nextIndex = 0
    private var lastFlush = Date()
    private var finished = false

    init(sessionId: String, accountId: String, recording: SessionRecording, key: SymmetricKey, objects: ObjectStore,
         startedAt: Date, columns: Int, rows: Int, title: String, logger: Logger) {
        self.sessionId = sessionId
        self.accountId = accountId
        self.recording = recording
        self.key = key
        self.objects = objects
        self.startedAt = startedAt
        self.logger = logger
        pending = AsciicastEncoder.header(columns: columns, rows: rows, startedAt: startedAt, title: title)
    }

    /// Adds an output or input event.
    func record(_ code: AsciicastEncoder.Code, _ bytes: Data) async {
        guard !finished, let line = encoder.event(code, bytes, at: Date().timeIntervalSince(startedAt)) else { return }
        pending.append(line)
        if pending.count >= Self.chunkSize { await flush() }
    }

    /// Adds a resize event.
    func resize(columns: Int, rows: Int) {
        guard !finished else { return }
        pending.append(AsciicastEncoder.resize(columns: columns, rows: rows, at: Date().timeIntervalSince(startedAt)))
    }

    /// Writes what is gathered when the last write is a second old.
    func flushIfDue(now: Date) async {
        if now.timeIntervalSince(lastFlush) >= Self.flushInterval { await flush() }
    }

    /// Writes the rest; nothing is recorded after.
    func finish() async {
        await flush()
        finished = true
    }

    private func flush() async {
        lastFlush = Date()
        guard !pending.isEmpty, !finished else { return }
        let chunk = pending
        pending = Data()
        do {
            let sealed = try TranscriptChunk.seal(chunk, index: nextIndex, sessionId: sessionId, key: key)
            try await objects.put(bucket: recording.bucket, key: TranscriptChunk.key(prefix: recording.prefix, index: nextIndex), data: sealed,
                                  accountId: accountId, contentType: "application/octet-stream")
            nextIndex += 1
        } catch {
            logger.error("could not write a transcript chunk", metadata: ["error": "\(error)"])
            pending = chunk + pending
        }
    }
}
