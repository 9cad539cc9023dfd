import ArgumentParser
import Crypto
import Foundation
import PortlessCore
import PortlessServer

/// `PortlessBench audit`: what one audit record costs — a SendCommand-sized record encoded, chained and written by
/// the server's own `AuditLog` from concurrent writers, as the API hook does before each reply — and how long
/// sealing and verifying the result take.
struct AuditBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Time audit record appends (encode, chain, write) from concurrent writers, then seal and verify (see docs/benchmarks.md)."
    )

    @Option(help: "Records to append.")
    var records: Int = 20000

    @Option(help: "Concurrent writers (API calls in flight).")
    var writers: Int = 8

    func validate() throws {
        guard (1...1_000_000).contains(records), (1...256).contains(writers) else {
            throw ValidationError("--records must be 1 to 1000000 and --writers 1 to 256.")
        }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-audit-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = Curve25519.Signing.PrivateKey()
        let log = try AuditLog(directory: AuditDirectory(dataDirectory: directory), key: key)
        let template = Self.record()
        let share = records / writers
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<(writer == 0 ? share + records % writers : share) {
                        var record = template
                        record.eventID = "\(writer)-\(index)"
                        try await log.append(try record.encoded())
                    }
                }
            }
            try await group.waitForAll()
        }
        let appended = Self.seconds(clock.now - start)
        let size = try template.encoded().utf8.count
        print(String(format: "append: %d records of %d bytes from %d writers in %.3f s: %.0f records/s, %.1f µs each",
                     records, size, writers, appended, Double(records) / appended, appended / Double(records) * 1e6))
        let sealStart = clock.now
        _ = try await log.seal()
        print(String(format: "seal: one digest over %d records in %.1f ms", records, Self.seconds(clock.now - sealStart) * 1000))
        let verifyStart = clock.now
        let files = AuditDirectory(dataDirectory: directory)
        let lines = files.lines()
        let findings = AuditVerifier(publicKey: key.publicKey).verify(lines: lines, digests: files.digestFiles())
        print(String(format: "verify: %d records, %d findings in %.3f s", lines.count, findings.count, Self.seconds(clock.now - verifyStart)))
    }

    /// A record the size of a SendCommand's: a role session, parameters and a reply.
    static func record() -> AuditRecord {
        let session = AuditSessionContext(sessionIssuer: .init(principalId: "AROAEXAMPLEEXAMPLE01", arn: "arn:aws:iam::123456789012:role/Operator",
                                                              accountId: "123456789012", userName: "Operator"),
                                          attributes: .init(creationDate: Date(), mfaAuthenticated: true))
        var record = AuditRecord(userIdentity: AuditIdentity(type: "AssumedRole", principalId: "AROAEXAMPLEEXAMPLE01:alice",
                                                             arn: "arn:aws:sts::123456789012:assumed-role/Operator/alice", accountId: "123456789012",
                                                             accessKeyId: "ASIAEXAMPLEEXAMPLE01", sessionContext: session),
                                 eventTime: Date(), eventSource: "ssm.amazonaws.com", eventName: "SendCommand", awsRegion: "us-east-1",
                                 sourceIPAddress: "10.0.0.12", userAgent: "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22",
                                 requestID: UUID().uuidString, eventID: "", readOnly: false, recipientAccountId: "123456789012")
        record.requestParameters = .object([
            "documentName": .string("AWS-RunShellScript"),
            "targets": .array([.object(["key": .string("tag:role"), "values": .array([.string("web")])])]),
            "parameters": .object(["commands": .array([.string("systemctl restart nginx && curl -fsS localhost/health")])]),
            "maxConcurrency": .string("10%"), "maxErrors": .string("1"), "timeoutSeconds": .number(600),
        ])
        record.responseElements = .object(["command": .object(["commandId": .string(UUID().uuidString), "status": .string("Pending")])])
        return record
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
