import Crypto
import Foundation
import Logging
import PortlessCore

/// Writes one session's transcript to the object store while the session runs: events are gathered as
/// relayed (`TranscriptEvents`; the asciicast text is made when it is read) and sealed into a numbered chunk
/// (TranscriptChunk) every second or 4 MiB, so a node or client that dies mid-session loses nothing already
/// relayed. Sealing and writing a chunk runs beside the relay, one chunk at a time.
actor SessionRecorder {
    static let chunkSize = 4 << 20
    static let flushInterval: TimeInterval = 1

    private let sessionId: String
    private let recording: SessionRecording
    private let accountId: String
    private let key: SymmetricKey
    private let objects: ObjectStore
    private let startedAt: Date
    private let logger: Logger
    private var pending = Data()
    private var nextIndex = 0
    private var lastFlush = Date()
    private var finished = false
    /// The chunk being written, its index, and whether the write succeeded.
    private var inFlight: (chunk: Data, index: Int, write: Task<Bool, Never>)?

    init(sessionId: String, accountId: String, recording: SessionRecording, key: SymmetricKey, objects: ObjectStore,
         startedAt: Date, columns: Int, rows: Int, title: String, logger: Logger) {
        self.sessionId = sessionId
        self.accountId = accountId
        self.recording = recording
        self.key = key
        self.objects = objects
        self.startedAt = startedAt
        self.logger = logger
        TranscriptEvents.append(.header, at: 0, AsciicastEncoder.header(columns: columns, rows: rows, startedAt: startedAt, title: title),
                                to: &pending)
    }

    /// Adds an output or input event.
    func record(_ kind: TranscriptEvents.Kind, _ bytes: Data) async {
        guard !finished, !bytes.isEmpty else { return }
        TranscriptEvents.append(kind, at: Date().timeIntervalSince(startedAt), bytes, to: &pending)
        if pending.count >= Self.chunkSize { await flush() }
    }

    /// Adds a resize event.
    func resize(columns: Int, rows: Int) {
        guard !finished else { return }
        TranscriptEvents.append(.resize, at: Date().timeIntervalSince(startedAt), Data("\(columns)x\(rows)".utf8), to: &pending)
    }

    /// Writes what is gathered when the last write is a second old.
    func flushIfDue(now: Date) async {
        if now.timeIntervalSince(lastFlush) >= Self.flushInterval { await flush() }
    }

    /// Writes the rest; nothing is recorded after.
    func finish() async {
        await flush()
        await settle()
        finished = true
    }

    /// Starts sealing and writing what is gathered as the next chunk, beside the relay (off this actor), once no
    /// chunk is being written: one chunk is in flight at a time.
    private func flush() async {
        lastFlush = Date()
        await settle()
        guard !pending.isEmpty, !finished else { return }
        let chunk = pending
        let index = nextIndex
        pending = Data()
        nextIndex += 1
        let (sessionId, key, objects, recording, accountId, logger) = (sessionId, key, objects, recording, accountId, logger)
        inFlight = (chunk, index, Task.detached {
            do {
                let sealed = try TranscriptChunk.seal(chunk, index: index, sessionId: sessionId, key: key)
                try await objects.put(bucket: recording.bucket, key: TranscriptChunk.key(prefix: recording.prefix, index: index), data: sealed,
                                      accountId: accountId, contentType: "application/octet-stream")
                return true
            } catch {
                logger.error("could not write a transcript chunk", metadata: ["error": "\(error)"])
                return false
            }
        })
    }

    /// Returns once no chunk is being written (callers that wait together all wait for the last one started); a
    /// chunk that failed goes back in front of what is gathered, under its index.
    private func settle() async {
        while let (chunk, index, write) = inFlight {
            let written = await write.value
            // Another caller waiting on the same write has already settled it.
            guard inFlight?.write == write else { continue }
            inFlight = nil
            if !written {
                pending = chunk + pending
                nextIndex = index
            }
        }
    }
}
