import ArgumentParser
import PortlessClient
import PortlessCore

/// `portless scan cancel SCAN_ID`.
struct ScanCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a running scan (Portless.CancelScan).")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The scan ID.")
    var scanId: String

    func run() async throws {
        let scan = ScanSummary(try await client.client().call("Portless.CancelScan", .object(["ScanId": .string(scanId)]))["Scan"])
        Console.line("Scan \(scan.id) \(scan.status): \(scan.countsLine)")
    }
}
