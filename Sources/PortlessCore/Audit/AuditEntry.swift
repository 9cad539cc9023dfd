public import Foundation

/// One line of the audit log: a record's text, its place in the chain (`sequence`, from 1), the hash of
/// the entry before it and its own hash, `SHA-256(sequence \n previousHash \n record)` in hex.
///
/// The record is kept as the exact text that was hashed, so that no re-encoding can change what the
/// hash covers.
public struct AuditEntry: Sendable, Codable, Hashable {
    /// The `previousHash` of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    public var sequence: Int
    public var previousHash: String
    public var hash: String
    public var record: String

    /// The entry after one whose hash is `previousHash`.
    public init(sequence: Int, previousHash: String, record: String) {
        self.sequence = sequence
        self.previousHash = previousHash
        self.record = record
        self.hash = Self.hash(sequence: sequence, previousHash: previousHash, record: record)
    }

    /// Whether `hash` is the hash of this entry's content.
    public var isIntact: Bool { hash == Self.hash(sequence: sequence, previousHash: previousHash, record: record) }

    /// The chain hash of an entry.
    public static func hash(sequence: Int, previousHash: String, record: String) -> String {
        SigV4.hexSHA256(Array("\(sequence)\n\(previousHash)\n\(record)".utf8))
    }

    /// The entry as one line of NDJSON (with its newline).
    public func line() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// An entry from one line of the log; nil for a line that is not one.
    public static func parse(_ line: Substring) -> AuditEntry? {
        try? JSONDecoder().decode(AuditEntry.self, from: Data(line.utf8))
    }

    /// The record's event ID, for naming the entry (nil when the record text is not a record).
    public var eventID: String? { (try? AuditRecord.decode(record))?.eventID }
}
