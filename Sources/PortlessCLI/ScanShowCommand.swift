import ArgumentParser
import PortlessClient
import PortlessCore

/// `portless scan show SCAN_ID`: a scan and each node's outcome.
struct ScanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a scan and its nodes (Portless.GetScan).")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The scan ID.")
    var scanId: String

    func run() async throws {
        let reply = try await client.client().call("Portless.GetScan", .object(["ScanId": .string(scanId), "IncludeNodes": .bool(true)]))
        let scan = ScanSummary(reply["Scan"])
        Console.line("Scan \(scan.id) (\(scan.name)): \(scan.status) — \(scan.countsLine)")
        for account in scan.accountErrors { Console.line("  account \(account)") }
        guard case .array(let nodes)? = reply["Nodes"] else { return }
        for node in nodes {
            let state = node["State"]?.stringValue ?? ""
            var line = "  \(node["NodeId"]?.stringValue ?? "") \((node["Hostname"]?.stringValue ?? "").padding(20)) \(state.padding(10))"
            if state == NodeScanState.scanned.rawValue {
                line += CheckStatus.allCases.map { " \($0.rawValue) \(Self.int(node["CheckCounts"]?[$0.rawValue]))" }.joined()
            } else if let reason = node["Reason"]?.stringValue {
                line += " \(reason)"
            }
            Console.line(line)
        }
        if case .array(let refused)? = reply["Scan"]?["RefusedUploads"], !refused.isEmpty {
            Console.line("Refused uploads:")
            for refusal in refused { Console.line("  \(refusal["Key"]?.stringValue ?? ""): \(refusal["Reason"]?.stringValue ?? "")") }
        }
    }

    static func int(_ value: JSONValue?) -> Int {
        if case .number(let number)? = value { return Int(number) }
        return 0
    }
}
