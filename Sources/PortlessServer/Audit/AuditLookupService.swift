import Foundation
import PortlessCore

/// Answers `LookupEvents` from the audit log: an account's own records, newest first, a page at a time.
/// Only the record files of the hours the query's time range touches are read, and as in CloudTrail's event
/// history, at most the last 90 days.
struct AuditLookupService: Sendable {
    static let history: TimeInterval = 90 * 24 * 3600

    let directory: AuditDirectory

    /// One event found: its sequence number and record (with the record's stored text).
    struct Found: Sendable {
        var sequence: Int
        var record: AuditRecord
        var text: String
    }

    /// The page of `accountId`'s records `lookup` asks for, and the token for the next page if there is one.
    func lookup(_ lookup: AuditLookup, accountId: String, now: Date = Date()) -> (events: [Found], nextToken: String?) {
        var found: [Found] = []
        let first = AuditDirectory.hourName(max(lookup.start ?? .distantPast, now - Self.history))
        let last = lookup.end.map { AuditDirectory.hourName($0) } ?? "~"
        for file in directory.recordFiles().reversed() {
            let hour = file.deletingPathExtension().lastPathComponent
            if hour > last { continue }
            if hour < first { break }
            for entry in directory.entriesNewestFirst(in: file) {
                guard let record = try? AuditRecord.decode(entry.record), record.recipientAccountId == accountId,
                      lookup.matches(record, sequence: entry.sequence) else { continue }
                if found.count == lookup.maxResults {
                    return (found, found.last.map { lookup.token(after: $0.sequence) })
                }
                found.append(Found(sequence: entry.sequence, record: record, text: entry.record))
            }
        }
        return (found, nil)
    }
}
