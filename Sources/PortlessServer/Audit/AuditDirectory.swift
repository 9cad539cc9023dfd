public import Crypto
public import Foundation
public import PortlessCore

/// Where the audit trail lives in the data directory, and how it is read back.
///
/// `audit/records/YYYYMMDDTHH.ndjson` hold the entries appended in that UTC hour, one JSON line each;
/// `audit/digests/digest-NNNNNNNN.json` the signed digests; `audit/public-key` the base64 raw Ed25519
/// key that verifies them (published, so verifying needs no secret). Tests and auditors may read and
/// edit these files; `portless audit verify` names what was changed.
public struct AuditDirectory: Sendable {
    public let root: URL

    public init(dataDirectory: URL) { root = dataDirectory.appendingPathComponent("audit") }

    var records: URL { root.appendingPathComponent("records") }
    var digests: URL { root.appendingPathComponent("digests") }
    public var publicKeyFile: URL { root.appendingPathComponent("public-key") }

    /// Creates the directories.
    func create() throws {
        for directory in [records, digests] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }

    /// The record file for entries appended at `date`.
    func recordFile(for date: Date) -> URL {
        records.appendingPathComponent(Self.hourName(date) + ".ndjson")
    }

    /// `20261203T06`.
    static func hourName(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
        return String(format: "%04d%02d%02dT%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0)
    }

    func digestFile(number: Int) -> URL {
        digests.appendingPathComponent(String(format: "digest-%08d.json", number))
    }

    /// The record files, oldest first.
    public func recordFiles() -> [URL] {
        Self.files(in: records, suffix: ".ndjson")
    }

    /// Every line of every record file, in order; a final line without its newline (a write cut short) is left out.
    public func lines() -> [AuditVerifier.Line] {
        recordFiles().flatMap { file -> [AuditVerifier.Line] in
            Self.completeLines(of: file).enumerated().map { index, line in
                AuditVerifier.Line(location: "\(file.lastPathComponent):\(index + 1)", entry: AuditEntry.parse(line))
            }
        }
    }

    /// The entries of `file`, newest first.
    func entriesNewestFirst(in file: URL) -> [AuditEntry] {
        Self.completeLines(of: file).reversed().compactMap(AuditEntry.parse)
    }

    /// The entries after `sequence`, oldest first (the newest files are read until one reaches back to it).
    func entries(after sequence: Int) -> [AuditEntry] {
        var newestFirst: [AuditEntry] = []
        for file in recordFiles().reversed() {
            var reached = false
            for entry in entriesNewestFirst(in: file) {
                if entry.sequence <= sequence {
                    reached = true
                    continue
                }
                newestFirst.append(entry)
            }
            if reached { break }
        }
        return newestFirst.sorted { $0.sequence < $1.sequence }
    }

    /// The digest files, by name.
    public func digestFiles() -> [AuditVerifier.DigestFile] {
        Self.files(in: digests, suffix: ".json").map { file in
            let digest = (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode(AuditDigest.self, from: $0) }
            return AuditVerifier.DigestFile(name: file.lastPathComponent, digest: digest)
        }
    }

    /// What `portless audit verify` reports: the findings, and how many lines and digests were read. The digests
    /// are checked with the key in `publicKeyFile`, or with the published one.
    public func verify(publicKeyFile: URL? = nil) throws -> (findings: [AuditFinding], records: Int, digests: Int, sealedThrough: Int) {
        let key = try publicKeyFile.map(Self.publicKey(at:)) ?? publicKey()
        let read = self.lines()
        let sealed = digestFiles()
        let findings = AuditVerifier(publicKey: key).verify(lines: read, digests: sealed)
        return (findings, read.count, sealed.count, sealed.compactMap(\.digest).map(\.lastSequence).max() ?? 0)
    }

    /// The published key that verifies the digests.
    public func publicKey() throws -> Curve25519.Signing.PublicKey { try Self.publicKey(at: publicKeyFile) }

    /// The key in `file` (base64 of the raw Ed25519 public key).
    public static func publicKey(at file: URL) throws -> Curve25519.Signing.PublicKey {
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text) else {
            throw PortlessError(.validation, "\(file.path) does not hold a base64 Ed25519 public key.")
        }
        return try Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    private static func files(in directory: URL, suffix: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func completeLines(of file: URL) -> [Substring] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line still being written
        return lines.filter { !$0.isEmpty }
    }
}
