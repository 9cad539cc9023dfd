import Foundation
import PortlessCore
import SQLKit

/// The part of a command record that its invocations' transitions change (status, counters).
///
/// Batched transitions read and write only these fields of the stored record, in SQL (`->>` and
/// `json_set` on the body), so a batch neither decodes nor re-encodes the rest (the plan, the
/// parameters), and every reader of the body sees it whole and current.
struct CommandCounters: Equatable {
    var status: CommandStatus
    var statusDetails: String
    var completedCount: Int
    var errorCount: Int
    var deliveryTimedOutCount: Int
    var cancelRequested: Bool
    var invocationCounts: [String: Int]

    /// The columns `init(row:)` reads, to put in a `SELECT` on `commands`.
    static let columns: SQLQueryString = """
        body ->> '$.status' AS status, body ->> '$.statusDetails' AS status_details,
        body ->> '$.completedCount' AS completed_count, body ->> '$.errorCount' AS error_count,
        body ->> '$.deliveryTimedOutCount' AS delivery_timed_out_count, body ->> '$.cancelRequested' AS cancel_requested,
        body -> '$.invocationCounts' AS invocation_counts
        """

    init(_ command: CommandRecord) {
        status = command.status
        statusDetails = command.statusDetails
        completedCount = command.completedCount
        errorCount = command.errorCount
        deliveryTimedOutCount = command.deliveryTimedOutCount
        cancelRequested = command.cancelRequested
        invocationCounts = command.invocationCounts
    }

    init(row: any SQLRow) throws {
        let rawStatus = try row.decode(column: "status", as: String.self)
        guard let status = CommandStatus(rawValue: rawStatus) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Unknown command status \(rawStatus)"))
        }
        self.status = status
        statusDetails = try row.decode(column: "status_details", as: String.self)
        completedCount = try row.decode(column: "completed_count", as: Int.self)
        errorCount = try row.decode(column: "error_count", as: Int.self)
        deliveryTimedOutCount = try row.decode(column: "delivery_timed_out_count", as: Int.self)
        cancelRequested = try row.decode(column: "cancel_requested", as: Int.self) != 0
        let counts = try row.decode(column: "invocation_counts", as: String.self)
        invocationCounts = try WireCoding.decoder().decode([String: Int].self, from: Data(counts.utf8))
    }

    /// Sets these fields of `command`.
    func apply(to command: inout CommandRecord) {
        command.status = status
        command.statusDetails = statusDetails
        command.completedCount = completedCount
        command.errorCount = errorCount
        command.deliveryTimedOutCount = deliveryTimedOutCount
        command.cancelRequested = cancelRequested
        command.invocationCounts = invocationCounts
    }

    /// Writes these fields into the stored record (and its status column), leaving the rest of the body as it is.
    func write(commandId: String, on db: any SQLDatabase) async throws {
        let counts = try RecordCoding.encode(invocationCounts)
        try await db.raw("""
            UPDATE commands SET status = \(bind: status.rawValue), body = json_set(body,
                '$.status', \(bind: status.rawValue), '$.statusDetails', \(bind: statusDetails),
                '$.completedCount', \(bind: completedCount), '$.errorCount', \(bind: errorCount),
                '$.deliveryTimedOutCount', \(bind: deliveryTimedOutCount),
                '$.cancelRequested', json(\(bind: cancelRequested ? "true" : "false")),
                '$.invocationCounts', json(\(bind: counts)))
            WHERE id = \(bind: commandId)
            """).run()
    }
}
