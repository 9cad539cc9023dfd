import ArgumentParser

/// `portless scan`: the KISA Unix checks on this host or across the fleet, bundles and reports.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Diagnose servers against the KISA Unix checks.",
        subcommands: [ScanLocalCommand.self, ScanStartCommand.self, ScanListCommand.self, ScanShowCommand.self, ScanReportCommand.self, ScanCancelCommand.self,
                      ScanBundleCommand.self])
}
