import ArgumentParser
import Foundation
import PortlessCore
import PortlessServer

/// `portless audit export`: the records as NDJSON — one CloudTrail record per line — for a SIEM.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write audit records as NDJSON (one CloudTrail record a line).")

    @OptionGroup var data: AuditDataOptions

    @Option(help: "Only records at or after this time (ISO 8601, e.g. 2026-12-03T06:00:00Z).")
    var since: String?

    @Option(help: "Only records at or before this time (ISO 8601).")
    var until: String?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let start = try since.map { try Self.date($0, option: "--since") }
        let end = try until.map { try Self.date($0, option: "--until") }
        var out = Data()
        for line in AuditDirectory(dataDirectory: data.url).lines() {
            guard let entry = line.entry, let record = try? AuditRecord.decode(entry.record), let date = record.date else { continue }
            if let start, date < start { continue }
            if let end, date > end { continue }
            out.append(Data((entry.record + "\n").utf8))
        }
        if let output {
            try out.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(out)
        }
    }

    static func date(_ text: String, option: String) throws -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else { throw ValidationError("\(option) must be an ISO 8601 time such as 2026-12-03T06:00:00Z.") }
        return date
    }
}
