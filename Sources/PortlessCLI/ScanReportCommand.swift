import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless scan report SCAN_ID`: the scan's report as HTML, JSON, CSV or ASFF findings (NDJSON).
struct ScanReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a scan's report (Portless.GetScanReport).",
        usage: "portless scan report SCAN_ID --format html --lang ko --output report.html")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The scan ID.")
    var scanId: String

    @Option(help: "html, json, csv or findings (ASFF, one finding per line, for an OpenSearch bulk load).")
    var format = "html"

    @Option(name: .customLong("lang"), help: "ko or en.")
    var language = "en"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let reply = try await client.client().call("Portless.GetScanReport", .object([
            "ScanId": .string(scanId), "Format": .string(format), "Language": .string(language),
        ]))
        let text = reply["Report"]?.stringValue ?? ""
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            Console.line("Report written to \(output)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
