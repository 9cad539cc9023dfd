import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless logs tail GROUP`: a group's events in time order, optionally filtered, and with `--follow` the
/// new ones as they arrive (FilterLogEvents, polled, as `aws logs tail --follow` does).
struct LogsTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Print a log group's events; --follow waits for more.")

    @Argument(help: "The log group.")
    var group: String

    @Option(help: "How far back to start: a number of s, m, h or d (e.g. 10m).")
    var since = "10m"

    @Flag(help: "Keep printing new events until interrupted.")
    var follow = false

    @Option(name: .customLong("filter-pattern"), help: "A CloudWatch Logs filter pattern.")
    var filterPattern: String?

    @Option(name: .customLong("log-stream-name-prefix"), help: "Only streams whose names start with this.")
    var streamPrefix: String?

    @Option(name: .customLong("poll-interval"), help: "Seconds between polls with --follow.")
    var pollInterval = 1.0

    @OptionGroup var client: ClientOptions

    static let target = "Logs_20140328.FilterLogEvents"

    func validate() throws {
        guard Self.milliseconds(since) != nil else { throw ValidationError("--since must be a number followed by s, m, h or d, e.g. 10m.") }
        guard pollInterval > 0 else { throw ValidationError("--poll-interval must be positive.") }
    }

    func run() async throws {
        let api = try client.client()
        var start = Int64(Date().timeIntervalSince1970 * 1000) - (Self.milliseconds(since) ?? 0)
        var seenAtStart = Set<String>()
        repeat {
            var token: String?
            repeat {
                var input: [String: JSONValue] = ["logGroupName": .string(group), "startTime": .number(Double(start))]
                if let filterPattern { input["filterPattern"] = .string(filterPattern) }
                if let streamPrefix { input["logStreamNamePrefix"] = .string(streamPrefix) }
                if let token { input["nextToken"] = .string(token) }
                let reply = try await api.call(Self.target, .object(input), service: "logs")
                for event in reply["events"]?.arrayValue ?? [] {
                    guard let id = event["eventId"]?.stringValue, case .number(let time)? = event["timestamp"] else { continue }
                    let timestamp = Int64(time)
                    if timestamp == start && seenAtStart.contains(id) { continue }
                    if timestamp > start { (start, seenAtStart) = (timestamp, []) }
                    seenAtStart.insert(id)
                    Console.line("\(Self.format(timestamp)) \(event["logStreamName"]?.stringValue ?? "") \(event["message"]?.stringValue ?? "")")
                }
                token = reply["nextToken"]?.stringValue
            } while token != nil
            if follow { try await Task.sleep(for: .seconds(pollInterval)) }
        } while follow
    }

    /// `10m` → 600,000.
    static func milliseconds(_ text: String) -> Int64? {
        guard let unit = text.last, let value = Int64(text.dropLast()), value >= 0 else { return nil }
        let scale: Int64? = switch unit {
        case "s": 1000
        case "m": 60_000
        case "h": 3_600_000
        case "d": 86_400_000
        default: nil
        }
        return scale.map { value * $0 }
    }

    static func format(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            .formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
