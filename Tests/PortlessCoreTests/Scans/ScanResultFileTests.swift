import Foundation
@testable import PortlessCore
import Testing

@Suite("Scan results: a node's result file")
struct ScanResultFileTests {
    func file(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    @Test func headerAndChecksParse() throws {
        let second = ScanFixtures.validLine.replacingOccurrences(of: #""id":"U-01""#, with: #""id":"U-07""#)
        let parsed = try ScanResultFile(data: file([ScanFixtures.header, ScanFixtures.validLine, second]))
        #expect(parsed.header.scanId == "scan-0123456789abcdef0" && parsed.header.nodeId == "mi-0123456789abcdef0")
        #expect(parsed.header.hostname == "web-1" && parsed.header.accountId == "111122223333")
        #expect(parsed.header.startedAt == Date(timeIntervalSince1970: 1_796_231_911))
        #expect(parsed.header.finishedAt.timeIntervalSince(parsed.header.startedAt) == 9.25)
        #expect(parsed.results.map(\.id) == ["U-01", "U-07"])
    }

    @Test func aFileWithoutHeaderIsRefused() {
        #expect(throws: ScanResultError.missingHeader) { try ScanResultFile(data: file([ScanFixtures.validLine])) }
        #expect(throws: ScanResultError.missingHeader) { try ScanResultFile(data: Data()) }
        #expect(throws: ScanResultError.noResults) { try ScanResultFile(data: file([ScanFixtures.header])) }
    }

    @Test(arguments: [
        ("scanId", "scan-xyz", "scan- and 17 hex digits"),
        ("nodeId", "i-0123456789abcdef0", "mi- and 17 hex digits"),
        ("accountId", "1111", "12 digits"),
        ("bundleSha256", String(repeating: "AB", count: 32), "64 lower-case hex digits"),
        ("startedAt", "yesterday", "an ISO 8601 time such as 2026-01-31T09:00:00Z"),
        ("finishedAt", "2026-12-02T17:00:00Z", "no earlier than startedAt"),
    ])
    func aBadHeaderFieldIsNamed(field: String, value: String, expected: String) {
        var object = try! JSONSerialization.jsonObject(with: Data(ScanFixtures.header.utf8)) as! [String: [String: String]]
        object["portlessScan"]![field] = value
        let header = String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(throws: ScanResultError.onLine(1, .invalidValue(field: "portlessScan.\(field)", expected: expected))) {
            try ScanResultFile(data: file([header, ScanFixtures.validLine]))
        }
    }

    @Test func aBadCheckLineMakesTheFileMalformedAndIsNumbered() {
        let bad = ScanFixtures.line(setting: "severity", to: #""Urgent""#)
        #expect(throws: ScanResultError.onLine(3, .invalidValue(field: "severity", expected: "High, Medium or Low"))) {
            try ScanResultFile(data: file([ScanFixtures.header, ScanFixtures.validLine, bad]))
        }
        #expect(throws: ScanResultError.onLine(3, .duplicateCheck("U-01"))) {
            try ScanResultFile(data: file([ScanFixtures.header, ScanFixtures.validLine, ScanFixtures.validLine]))
        }
        #expect(throws: ScanResultError.onLine(2, .notJSON)) {
            try ScanResultFile(data: file([ScanFixtures.header, "", ScanFixtures.validLine]))
        }
    }

    @Test func anOversizedFileIsRefusedBeforeParsing() {
        let data = Data(count: ScanResultLimits.fileBytes + 1)
        #expect(throws: ScanResultError.tooLarge(size: data.count, limit: ScanResultLimits.fileBytes)) { try ScanResultFile(data: data) }
    }
}
