import ArgumentParser
import Foundation
import PortlessCore
import PortlessServer

/// `portless audit verify`: checks the hash chain and the signed digests, and names each record changed, removed,
/// reordered or inserted and each digest missing or forged; exits 1 if it finds any (2 if it cannot read the key).
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify the audit log's hash chain and signed digests.",
        discussion: "Needs no secret: digests are checked with the published key (audit/public-key), or with --public-key for a copy kept elsewhere.")

    @OptionGroup var data: AuditDataOptions

    @Option(name: .customLong("public-key"), help: "A file holding the audit public key (base64), kept apart from the data directory.")
    var publicKeyFile: String?

    func run() async throws {
        let report: (findings: [AuditFinding], records: Int, digests: Int, sealedThrough: Int)
        do {
            report = try AuditDirectory(dataDirectory: data.url).verify(publicKeyFile: publicKeyFile.map { URL(fileURLWithPath: $0) })
        } catch {
            Console.error("cannot read the audit public key: \(error)")
            throw ExitCode(2)
        }
        for finding in report.findings { Console.line(finding.description) }
        if report.findings.isEmpty {
            let unsealed = report.records > report.sealedThrough ? "; \(report.records - report.sealedThrough) newer records await the next digest" : ""
            Console.line("audit log intact: \(report.records) records, \(report.digests) digests (records 1–\(report.sealedThrough) sealed\(unsealed))")
        } else {
            Console.line("audit log NOT intact: \(report.findings.count) problems in \(report.records) records and \(report.digests) digests")
            throw ExitCode(1)
        }
    }
}
