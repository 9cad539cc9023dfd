import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless session list`: the caller's sessions (DescribeSessions), active or ended.
struct SessionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List sessions, active (default) or ended.")

    enum State: String, ExpressibleByArgument, CaseIterable {
        case active = "Active"
        case history = "History"
    }

    @OptionGroup var client: ClientOptions

    @Option(help: "Active or History.")
    var state: State = .active

    @Option(help: "Only sessions to this node.")
    var target: String?

    func run() async throws {
        let api = try client.client()
        var request: [String: JSONValue] = ["State": .string(state.rawValue)]
        if let target { request["Filters"] = .array([.object(["key": .string("Target"), "value": .string(target)])]) }
        var rows: [[String]] = [["SESSION", "TARGET", "STATUS", "STARTED", "OWNER", "DOCUMENT"]]
        repeat {
            let reply = try await api.call("AmazonSSM.DescribeSessions", .object(request))
            for session in reply["Sessions"]?.arrayValue ?? [] {
                rows.append([session["SessionId"]?.stringValue ?? "-", session["Target"]?.stringValue ?? "-",
                             session["Status"]?.stringValue ?? "-", Self.date(session["StartDate"]),
                             session["Owner"]?.stringValue ?? "-", session["DocumentName"]?.stringValue ?? "-"])
            }
            request["NextToken"] = reply["NextToken"]?.stringValue.map(JSONValue.string)
        } while request["NextToken"] != nil
        guard rows.count > 1 else { return Console.line("No \(state.rawValue.lowercased()) sessions.") }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            Console.line(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
    }

    /// An epoch-seconds date as ISO 8601 (UTC), or `-`.
    private static func date(_ value: JSONValue?) -> String {
        guard case .number(let seconds)? = value else { return "-" }
        return Date(timeIntervalSince1970: seconds).formatted(.iso8601)
    }
}
