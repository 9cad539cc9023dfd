import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless scan list`: this account's scans, newest first.
struct ScanListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List scans (Portless.ListScans).")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let reply = try await client.client().call("Portless.ListScans")
        guard case .array(let scans)? = reply["Scans"] else { return }
        Console.line("SCAN                    STATUS               STARTED               NODES  DONE")
        for scan in scans.map(ScanSummary.init) {
            let started = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: scan.requestedAt))
            Console.line("\(scan.id.padding(23)) \(scan.status.padding(20)) \(started.padding(21)) \(String(scan.total).padding(6)) \(scan.done)")
        }
    }
}

extension String {
    /// The string left-aligned in `width` columns.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
