public import Crypto
public import Foundation
public import PortlessCore

/// The one writer of the audit log: appends each record as the next entry of the server's hash chain
/// and seals the entries appended since the last digest into the next signed digest.
///
/// An append returns once the line is written to the file (a `write(2)` the kernel holds even if the
/// process is killed the next instant), and callers send their reply only after it returns. On open, a
/// last line cut short by a crash (so never answered) is cut off, and the chain continues from the last
/// whole entry.
public actor AuditLog {
    public let directory: AuditDirectory
    /// SHA-256 (hex) of the public key that signs.
    public nonisolated let keyFingerprint: String
    private let key: Curve25519.Signing.PrivateKey
    private var last: AuditEntry?
    private var firstUnsealed: AuditEntry?
    private var lastDigest: AuditDigest?
    private var lastSealTime: Date
    private var file: (name: String, handle: FileHandle)?

    public init(directory: AuditDirectory, key: Curve25519.Signing.PrivateKey, now: Date = Date()) throws {
        try directory.create()
        self.directory = directory
        self.key = key
        self.keyFingerprint = AuditDigest.fingerprint(key.publicKey)
        self.lastSealTime = now
        let digests = directory.digestFiles().compactMap(\.digest).sorted { $0.digestNumber < $1.digestNumber }
        lastDigest = digests.last
        if let end = lastDigest.flatMap({ try? Date($0.digestEndTime, strategy: .iso8601) }) { lastSealTime = end }
        let sealedThrough = lastDigest?.lastSequence ?? 0
        var reached = false
        for file in directory.recordFiles().reversed() where !reached {
            Self.cutTornTail(of: file)
            for entry in directory.entriesNewestFirst(in: file) {
                if last == nil { last = entry }
                if entry.sequence == sealedThrough + 1 { firstUnsealed = entry }
                if entry.sequence <= sealedThrough + 1 {
                    reached = true
                    break
                }
            }
        }
        if let last, last.sequence <= sealedThrough { firstUnsealed = nil }
    }

    /// The sequence number of the last entry (0 before the first).
    public var lastSequence: Int { last?.sequence ?? 0 }

    /// Appends `record` (its encoded text) as the next entry; returns once it is written.
    @discardableResult
    public func append(_ record: String, at date: Date = Date()) throws -> AuditEntry {
        let entry = AuditEntry(sequence: (last?.sequence ?? 0) + 1, previousHash: last?.hash ?? AuditEntry.genesisHash, record: record)
        try handle(for: date).write(contentsOf: try entry.line())
        last = entry
        if firstUnsealed == nil { firstUnsealed = entry }
        return entry
    }

    /// `message` signed with the audit key (trails' digest files are signed with it too).
    public func sign(_ message: Data) throws -> Data {
        try key.signature(for: message)
    }

    /// Writes the next digest over the entries appended since the last one; nil when there are none.
    @discardableResult
    public func seal(now: Date = Date()) throws -> AuditDigest? {
        guard let first = firstUnsealed, let last else { return nil }
        let digest = try AuditDigest(digestNumber: (lastDigest?.digestNumber ?? 0) + 1, start: lastSealTime, end: now, first: first, last: last,
                                     previous: lastDigest, key: key)
        try file?.handle.synchronize()
        try digest.fileData().write(to: directory.digestFile(number: digest.digestNumber), options: .atomic)
        lastDigest = digest
        firstUnsealed = nil
        lastSealTime = now
        return digest
    }

    /// The hour's file, opened for appending (the previous hour's is synced and closed).
    private func handle(for date: Date) throws -> FileHandle {
        let name = AuditDirectory.hourName(date)
        if let file, file.name == name { return file.handle }
        if let file {
            try? file.handle.synchronize()
            try? file.handle.close()
        }
        let url = directory.recordFile(for: date)
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        file = (name, handle)
        return handle
    }

    /// Cuts a final line that has no newline (a write a crash cut short, never answered).
    private static func cutTornTail(of file: URL) {
        guard let data = try? Data(contentsOf: file), let lastByte = data.last, lastByte != 0x0A else { return }
        let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        if let handle = try? FileHandle(forWritingTo: file) {
            try? handle.truncate(atOffset: UInt64(keep))
            try? handle.close()
        }
    }
}
