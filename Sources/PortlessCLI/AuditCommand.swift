import ArgumentParser
import Foundation

/// `portless audit`: the tamper-evident audit trail, read straight from a data directory.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Verify and export the audit trail.",
                                                    subcommands: [AuditVerifyCommand.self, AuditExportCommand.self])
}

/// The `--data-dir` both audit commands read.
struct AuditDataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The server's data directory.")
    var dataDirectory: String = ProcessInfo.processInfo.environment["PORTLESS_DATA_DIR"] ?? ".portless"

    var url: URL { URL(fileURLWithPath: dataDirectory).standardizedFileURL }
}
