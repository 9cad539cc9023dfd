import Foundation
import PortlessCore

/// CloudWatch Logs' paging tokens: GetLogEvents' `f/…` and `b/…` (a place in the stream and a direction),
/// FilterLogEvents' opaque token (a place in the group), and list offsets for the Describe operations.
enum LogTokens {
    static func streamToken(_ cursor: LogEventCursor, forward: Bool) -> String {
        "\(forward ? "f" : "b")/\(cursor.timestamp)/\(cursor.sequence)"
    }

    /// A GetLogEvents token: its place and whether it reads forward.
    static func streamCursor(_ token: String) throws -> (cursor: LogEventCursor, forward: Bool) {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "f" || parts[0] == "b", let timestamp = Int64(parts[1]), let sequence = Int64(parts[2]) else {
            throw PortlessError.Logs.tokenNotValid
        }
        return (LogEventCursor(timestamp: timestamp, sequence: sequence), parts[0] == "f")
    }

    static func filterToken(_ cursor: LogEventCursor) -> String {
        Data("events:\(cursor.timestamp)/\(cursor.sequence)".utf8).base64EncodedString()
    }

    static func filterCursor(_ token: String) throws -> LogEventCursor {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8), text.hasPrefix("events:") else {
            throw PortlessError.Logs.tokenNotValid
        }
        let parts = text.dropFirst(7).split(separator: "/")
        guard parts.count == 2, let timestamp = Int64(parts[0]), let sequence = Int64(parts[1]) else { throw PortlessError.Logs.tokenNotValid }
        return LogEventCursor(timestamp: timestamp, sequence: sequence)
    }

    /// One page of a Describe list.
    static func page<T>(_ items: [T], token: String?, limit: Int) throws -> (items: [T], nextToken: String?) {
        guard let token else { return Pagination.page(items, offset: 0, limit: limit) }
        guard let offset = try? Pagination.offset(from: token) else { throw PortlessError.Logs.tokenNotValid }
        return Pagination.page(items, offset: offset, limit: limit)
    }
}
