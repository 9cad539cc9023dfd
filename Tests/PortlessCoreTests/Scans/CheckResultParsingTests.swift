import Foundation
@testable import PortlessCore
import Testing

@Suite("Scan results: one bundle line")
struct CheckResultParsingTests {
    @Test func aLineAsTheBundlePrintsItParses() throws {
        let result = try CheckResult(bundleLine: ScanFixtures.validLine)
        #expect(result.id == "U-01" && result.status == .fail && result.severity == .high)
        #expect(result.title.ko == "root 계정 원격 접속 제한")
        #expect(result.evidence == [CheckEvidence(file: "/etc/ssh/sshd_config", line: 12, value: "PermitRootLogin yes", expected: "PermitRootLogin no")])
    }

    @Test func anEmptyLineNumberIsNoLineNumber() throws {
        let line = ScanFixtures.line(setting: "evidence", to: #"[{"file":"/etc/inetd.conf","line":""}]"#)
        #expect(try CheckResult(bundleLine: line).evidence == [CheckEvidence(file: "/etc/inetd.conf")])
    }

    @Test(arguments: [
        ("", ScanResultError.notJSON),
        ("{not json", .notJSON),
        ("[1,2]", .notAnObject),
        ("\"U-01\"", .notAnObject),
        ("null", .notAnObject),
    ])
    func notOneJSONObject(line: String, error: ScanResultError) {
        #expect(throws: error) { try CheckResult(bundleLine: line) }
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Data(ScanFixtures.validLine.utf8)
        bytes[10] = 0xFF
        #expect(throws: ScanResultError.notUTF8) { try CheckResult(bundleLine: bytes) }
    }

    @Test(arguments: [
        ("id", #""U-1""#, ScanResultError.invalidValue(field: "id", expected: "U- and two digits")),
        ("id", #""u-01""#, .invalidValue(field: "id", expected: "U- and two digits")),
        ("id", #""U-01; rm -rf /""#, .invalidValue(field: "id", expected: "U- and two digits")),
        ("id", "1", .wrongType(field: "id", expected: "a string")),
        ("id", nil, .missingField("id")),
        ("id2026", #""W-01""#, .invalidValue(field: "id2026", expected: "U- and two digits, or -")),
        ("severity", #""Critical""#, .invalidValue(field: "severity", expected: "High, Medium or Low")),
        ("status", #""OK""#, .invalidValue(field: "status", expected: "PASS, FAIL, NA, MANUAL or ERROR")),
        ("status", #""pass""#, .invalidValue(field: "status", expected: "PASS, FAIL, NA, MANUAL or ERROR")),
        ("status", "null", .missingField("status")),
        ("title", #""root""#, .wrongType(field: "title", expected: "an object")),
        ("title", #"{"ko":"제목"}"#, .missingField("title.en")),
        ("title", #"{"ko":"제목","en":"Title","fr":"Titre"}"#, .unexpectedField("title.fr")),
        ("remedy", #"{"ko":1,"en":"x"}"#, .wrongType(field: "remedy.ko", expected: "a string")),
        ("evidence", #"{"file":"/etc/passwd"}"#, .wrongType(field: "evidence", expected: "a list")),
        ("evidence", #"["/etc/passwd"]"#, .wrongType(field: "evidence[0]", expected: "an object")),
        ("evidence", #"[{"file":"/etc/passwd","line":-1}]"#, .wrongType(field: "evidence[0].line", expected: "a whole number of at least 0")),
        ("evidence", #"[{"file":"/etc/passwd","line":1.5}]"#, .wrongType(field: "evidence[0].line", expected: "a whole number of at least 0")),
        ("evidence", #"[{"file":"/etc/passwd","line":"12"}]"#, .wrongType(field: "evidence[0].line", expected: "a whole number of at least 0")),
        ("evidence", #"[{"file":["/etc/passwd"]}]"#, .wrongType(field: "evidence[0].file", expected: "a string")),
        ("evidence", #"[{"path":"/etc/passwd"}]"#, .unexpectedField("evidence[0].path")),
        ("review", #"[1]"#, .wrongType(field: "review[0]", expected: "a string")),
        ("review", nil, .missingField("review")),
        ("extra", #"true"#, .unexpectedField("extra")),
    ] as [(String, String?, ScanResultError)])
    func aFieldOutOfShapeIsNamed(field: String, value: String?, error: ScanResultError) {
        #expect(throws: error) { try CheckResult(bundleLine: ScanFixtures.line(setting: field, to: value)) }
    }

    @Test func limitsAreEnforced() throws {
        let evidence = "[" + Array(repeating: #"{"note":"x"}"#, count: ScanResultLimits.evidenceItems + 1).joined(separator: ",") + "]"
        #expect(throws: ScanResultError.tooMany(field: "evidence", count: 1001, limit: 1000)) {
            try CheckResult(bundleLine: ScanFixtures.line(setting: "evidence", to: evidence))
        }
        let review = "[" + Array(repeating: #""/usr/bin/x""#, count: ScanResultLimits.reviewItems + 1).joined(separator: ",") + "]"
        #expect(throws: ScanResultError.tooMany(field: "review", count: 5001, limit: 5000)) {
            try CheckResult(bundleLine: ScanFixtures.line(setting: "review", to: review))
        }
        let long = "\"" + String(repeating: "a", count: ScanResultLimits.stringCharacters + 1) + "\""
        #expect(throws: ScanResultError.tooLong(field: "review[0]", limit: ScanResultLimits.stringCharacters)) {
            try CheckResult(bundleLine: ScanFixtures.line(setting: "review", to: "[\(long)]"))
        }
        let huge = ScanFixtures.line(setting: "review", to: "[" + Array(repeating: "\"\(String(repeating: "b", count: 1000))\"", count: 300).joined(separator: ",") + "]")
        #expect(throws: ScanResultError.tooLarge(size: huge.utf8.count, limit: ScanResultLimits.lineBytes)) { try CheckResult(bundleLine: huge) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: ScanResultError.self) { try CheckResult(bundleLine: ScanFixtures.line(setting: "review", to: nil) + nested) }
        #expect(throws: ScanResultError.self) { try CheckResult(bundleLine: nested) }
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(ScanResultError.invalidValue(field: "status", expected: "PASS, FAIL, NA, MANUAL or ERROR").description
            == "'status' must be PASS, FAIL, NA, MANUAL or ERROR")
        #expect(ScanResultError.onLine(3, .missingField("review")).description == "line 3: 'review' is missing")
    }

    @Test func anUnreadableLineBecomesThatChecksError() {
        let line = ScanFixtures.line(setting: "status", to: #""BROKEN""#)
        let error = ScanResultError.invalidValue(field: "status", expected: "PASS, FAIL, NA, MANUAL or ERROR")
        let result = CheckResult.unreadable(line: Data(line.utf8), error: error)
        #expect(result.id == "U-01" && result.status == .error && result.severity == .high)
        #expect(result.title.en == "Remote root login is blocked")
        #expect(result.evidence.first?.note?.contains("'status' must be") == true)
        let garbage = CheckResult.unreadable(line: Data(#"{"id":"U-42","oops"#.utf8), error: .notJSON)
        #expect(garbage.id == "U-42" && garbage.status == .error)
        #expect(CheckResult.unreadable(line: Data("garbage".utf8), error: .notJSON).id == "U-??")
    }
}
