import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless scan start`: scans nodes of this account and, through a role, of member accounts; `--wait`
/// draws the nodes done as they finish.
struct ScanStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a fleet scan (Portless.StartScan).",
        usage: "portless scan start --all --accounts 111111111111,222222222222 --role-name PortlessScan --wait")

    @OptionGroup var client: ClientOptions
    @OptionGroup var nodes: NodeSelection

    @Option(help: "Comma-separated account IDs to scan (default: this account).")
    var accounts: String?

    @Option(name: .customLong("role-name"), help: "The role assumed in each other account.")
    var roleName: String?

    @Option(help: "The bundle version (SHA-256) to run; default the account's newest.")
    var bundle: String?

    @Option(help: "A name for the scan.")
    var name: String?

    @Option(help: "Seconds during which results are accepted (default 3600).")
    var window: Int?

    @Option(name: .customLong("max-concurrency"))
    var maxConcurrency: String?

    @Option(name: .customLong("max-errors"))
    var maxErrors: String?

    @Option(name: .customLong("check-timeout"), help: "Seconds each check may run on a node (default 60).")
    var checkTimeout: Int?

    @Flag(help: "Wait for the scan to finish, drawing its progress.")
    var wait = false

    func run() async throws {
        let api = try client.client()
        var request: [String: JSONValue] = ["Targets": NodeSelection.json(nodes.asTargets)]
        if let accounts { request["AccountIds"] = .array(accounts.split(separator: ",").map { .string(String($0)) }) }
        if let roleName { request["RoleName"] = .string(roleName) }
        if let bundle { request["BundleSha256"] = .string(bundle) }
        if let name { request["Name"] = .string(name) }
        if let window { request["WindowSeconds"] = .number(Double(window)) }
        if let maxConcurrency { request["MaxConcurrency"] = .string(maxConcurrency) }
        if let maxErrors { request["MaxErrors"] = .string(maxErrors) }
        if let checkTimeout { request["CheckTimeoutSeconds"] = .number(Double(checkTimeout)) }
        var scan = ScanSummary(try await api.call("Portless.StartScan", .object(request))["Scan"])
        Console.line("Scan \(scan.id) started on \(scan.total) node(s) with bundle \(scan.bundle.prefix(12))")
        for account in scan.accountErrors { Console.line("  account \(account)") }
        guard wait else { return }
        let bar = ProgressBar()
        while !scan.isFinished {
            bar.draw(done: scan.done, total: scan.total, note: scan.countsLine)
            try await Task.sleep(for: .seconds(1))
            scan = ScanSummary(try await api.call("Portless.GetScan", .object(["ScanId": .string(scan.id)]))["Scan"])
        }
        bar.draw(done: scan.done, total: scan.total, note: scan.countsLine)
        bar.finish()
        Console.line("Scan \(scan.id) \(scan.status): \(scan.countsLine)")
        Console.line("Report: portless scan report \(scan.id) --format html --output report.html")
    }
}

/// The parts of a `Scan` reply the commands show.
struct ScanSummary {
    var id: String
    var name: String
    var status: String
    var bundle: String
    var counts: [String: Int]
    var accountErrors: [String]
    var requestedAt: Double

    init(_ scan: JSONValue?) {
        id = scan?["ScanId"]?.stringValue ?? ""
        name = scan?["Name"]?.stringValue ?? ""
        status = scan?["Status"]?.stringValue ?? ""
        bundle = scan?["BundleSha256"]?.stringValue ?? ""
        var counts: [String: Int] = [:]
        for state in NodeScanState.allCases {
            if case .number(let value)? = scan?["NodeCounts"]?[state.rawValue] { counts[state.rawValue] = Int(value) }
        }
        self.counts = counts
        if case .array(let accounts)? = scan?["Accounts"] {
            accountErrors = accounts.compactMap { account in
                account["Error"]?.stringValue.map { "\(account["AccountId"]?.stringValue ?? ""): \($0)" }
            }
        } else {
            accountErrors = []
        }
        if case .number(let time)? = scan?["RequestedAt"] { requestedAt = time } else { requestedAt = 0 }
    }

    var total: Int { counts.values.reduce(0, +) }
    var done: Int { total - counts[NodeScanState.pending.rawValue, default: 0] }
    var isFinished: Bool { ScanStatus(rawValue: status)?.isTerminal ?? true }
    var countsLine: String {
        "\(counts["Scanned", default: 0]) scanned, \(counts["NotScanned", default: 0]) not scanned, "
            + "\(counts["Malformed", default: 0]) malformed, \(counts["Pending", default: 0]) pending"
    }
}
