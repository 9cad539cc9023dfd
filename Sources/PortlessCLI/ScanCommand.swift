import ArgumentParser

/// `portless scan`: security scans against the KISA Unix checks.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Scan servers against the KISA Unix checks.",
                                                    subcommands: [ScanLocalCommand.self])
}
