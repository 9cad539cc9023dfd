import Foundation

/// The string timestamps GetCommandInvocation uses (`2026-11-25T01:02:03.456Z`) and its elapsed-time format.
enum ISOTime {
    static func ssmTimestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// `PT1.234S`, the ISO 8601 duration SSM reports; empty until the invocation has both ends.
    static func elapsed(from start: Date?, to end: Date?) -> String {
        guard let start, let end else { return "" }
        return String(format: "PT%.3fS", max(0, end.timeIntervalSince(start)))
    }
}
