import ArgumentParser
import Foundation
import PortlessBundles
import PortlessCore

/// `portless scan local`: runs the check bundle on this machine (or against a directory laid out like a root
/// filesystem) and prints the results — one JSON object per check per line in bundle order, a table, or the HTML
/// report for this one host. Exit status 0 when the bundle ran, whatever it found.
struct ScanLocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run the KISA Unix checks on this machine, without a server.",
        discussion: """
            The bundle is --bundle, else $\(BundleLocator.environmentVariable), else share/portless/bundles/kisa-unix next to \
            the executable's directory, else bundles/kisa-unix beside the executable, else the checkout it was built from.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table, html
    }

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case ko, en

        var report: ReportLanguage { self == .ko ? .ko : .en }
    }

    @Option(help: "The root directory to check (a whole system is /).")
    var root = "/"

    @Option(help: "json (one object per check per line), table or html.")
    var format: Format = .json

    @Option(help: "The language of the table and the HTML report: ko or en.")
    var lang: Language = .en

    @Option(help: "The bundle directory (the one holding run.sh).")
    var bundle: String?

    @Option(help: "Seconds each check may run before it is stopped and reported as an error.")
    var timeout = 60

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a whole number of seconds above 0.") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            Console.error("portless scan local: the root directory \(root) does not exist")
            throw ExitCode(2)
        }
        let started = Date()
        let results: [CheckResult]
        do {
            let directory = try BundleLocator().locate(explicit: bundle)
            results = try BundleRun(bundle: directory, root: root, timeout: timeout).results()
        } catch {
            Console.error("portless scan local: \(error)")
            throw ExitCode(2)
        }
        let text = try render(results, started: started)
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    private func render(_ results: [CheckResult], started: Date) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try results.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
        case .table:
            return CheckResultTable.render(results, language: lang.report)
        case .html:
            let finished = Date()
            let host = hostname()
            let outcome = NodeScanOutcome(nodeId: "local", accountId: "", hostname: host, state: .scanned, scannedAt: finished, results: results)
            let report = ScanAnalysis.report(subject: ScanReport.Subject(name: "\(host) — \(root)", startedAt: started, finishedAt: finished),
                                             generatedAt: finished, outcomes: [outcome], previous: nil)
            return ScanReportHTML.render(report, language: lang.report)
        }
    }

    /// This machine's name for `/`; for another root, the name in its /etc/hostname, else the root's path.
    private func hostname() -> String {
        if URL(fileURLWithPath: root).standardizedFileURL.path == "/" { return ProcessInfo.processInfo.hostName }
        let file = URL(fileURLWithPath: root).appending(path: "etc/hostname")
        let name = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return name.isEmpty ? root : String(name.prefix(255))
    }
}
