public import Foundation

/// The first line of a node's result file: which scan, node and account the results belong to, the bundle that made
/// them and when it ran — `{"portlessScan":{"scanId":…,"nodeId":…,"accountId":…,"bundleSha256":…,"hostname":…,
/// "startedAt":…,"finishedAt":…}}`, times in ISO 8601.
public struct ScanResultHeader: Sendable, Codable, Hashable {
    public var scanId: String
    public var nodeId: String
    public var accountId: String
    /// The SHA-256 of the bundle archive the node ran (64 lower-case hex digits).
    public var bundleSha256: String
    public var hostname: String
    public var startedAt: Date
    public var finishedAt: Date

    public init(scanId: String, nodeId: String, accountId: String, bundleSha256: String, hostname: String,
                startedAt: Date, finishedAt: Date) {
        self.scanId = scanId
        self.nodeId = nodeId
        self.accountId = accountId
        self.bundleSha256 = bundleSha256
        self.hostname = hostname
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Parses the header line, refusing any field that is missing, unknown or not in its format.
    public init(line: Data) throws(ScanResultError) {
        var outer = try ScanJSONObject(data: line, limit: ScanResultLimits.lineBytes)
        var object = try outer.object("portlessScan")
        try outer.finish()
        let short = ScanResultLimits.shortCharacters
        scanId = try object.string("scanId", limit: short, valid: { Self.isHex($0, after: "scan-", count: 17) },
                                   expected: "scan- and 17 hex digits")
        nodeId = try object.string("nodeId", limit: short, valid: Identifiers.isNodeID, expected: "mi- and 17 hex digits")
        accountId = try object.string("accountId", limit: short, valid: { $0.count == 12 && $0.allSatisfy(\.isASCIIDigit) },
                                      expected: "12 digits")
        bundleSha256 = try object.string("bundleSha256", limit: short, valid: { Self.isHex($0, after: "", count: 64) },
                                         expected: "64 lower-case hex digits")
        hostname = try object.string("hostname", limit: short, valid: { !$0.isEmpty }, expected: "a host name")
        startedAt = try Self.date(&object, "startedAt")
        finishedAt = try Self.date(&object, "finishedAt")
        try object.finish()
        guard startedAt <= finishedAt else { throw .invalidValue(field: object.name("finishedAt"), expected: "no earlier than startedAt") }
    }

    private static func isHex(_ value: String, after prefix: String, count: Int) -> Bool {
        guard value.hasPrefix(prefix) else { return false }
        let digits = value.dropFirst(prefix.count)
        return digits.count == count && digits.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static func date(_ object: inout ScanJSONObject, _ key: String) throws(ScanResultError) -> Date {
        let text = try object.string(key, limit: ScanResultLimits.shortCharacters)
        let date = (try? Date(text, strategy: .iso8601)) ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        guard let date else { throw .invalidValue(field: object.name(key), expected: "an ISO 8601 time such as 2026-01-31T09:00:00Z") }
        return date
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
