import Foundation
@testable import PortlessCore
import Testing

@Suite("Scan report renderers")
struct ScanReportRenderingTests {
    static let hostile = CheckEvidence(file: "/etc/motd", value: "<script>alert(1)</script>", expected: "\"quoted\" & 'single'",
                                       note: "<img src=x onerror=alert(2)>")

    static func report() -> ScanReport {
        var outcomes = ScanAnalysisTests.outcomes
        outcomes[0].hostname = "<b>web-1</b>"
        outcomes[0].results[0].evidence = [hostile]
        outcomes[0].results[1].review = ["</li><script>x()</script>", "=HYPERLINK(\"http://evil\")"]
        return ScanAnalysis.report(subject: ScanAnalysisTests.subject, generatedAt: Date(timeIntervalSince1970: 1_800_000_100),
                                   outcomes: outcomes, previous: ScanAnalysisTests.previous,
                                   hygiene: [HygieneFinding(nodeId: ScanFixtures.nodeId(4), accountId: "111122223333", kind: .neverConnected,
                                                            detail: "<never>")])
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlEscapesEverythingFromTheServers(language: ReportLanguage) {
        let html = ScanReportHTML.render(Self.report(), language: language)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>web-1"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
        #expect(html.contains("&lt;b&gt;web-1&lt;/b&gt;"))
        #expect(html.contains("&lt;never&gt;"))
    }

    @Test func htmlIsSelfContainedWithInlineSVGCharts() {
        let html = ScanReportHTML.render(Self.report(), language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        let withoutEvidence = html.replacingOccurrences(of: "=HYPERLINK(&quot;http://evil&quot;)", with: "")
        #expect(!withoutEvidence.contains("http://") && !withoutEvidence.contains("https://"))
        #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("url(") && !html.contains("<iframe"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("@media print") && html.contains("break-before:page"))
        #expect(html.contains("Lowest-scoring nodes") && html.contains("Failures by check"))
        #expect(html.contains("ConnectionLost: the node was offline"))
    }

    @Test func htmlInKoreanUsesTheAuditorsWords() {
        let html = ScanReportHTML.render(Self.report(), language: .ko)
        #expect(html.contains("<html lang=\"ko\">"))
        for word in ["양호", "취약", "해당 없음", "수동 확인", "오류", "상", "중", "하", "조치 방법", "점검 근거", "신규 취약", "조치 완료"] {
            #expect(html.contains(word), "\(word)")
        }
        #expect(html.contains("root 계정 원격 접속 제한"))
        #expect(!html.contains(">Pass<"))
    }

    @Test func htmlWithoutPreviousScanSaysSo() {
        let report = ScanAnalysis.report(subject: ScanAnalysisTests.subject, generatedAt: Date(), outcomes: ScanAnalysisTests.outcomes, previous: nil)
        #expect(ScanReportHTML.render(report, language: .en).contains("No previous scan to compare with."))
    }

    @Test func csvHasABOMOneRowPerNodeAndCheckAndRFC4180Quoting() {
        let csv = ScanReportCSV.render(Self.report(), language: .ko)
        #expect(csv.hasPrefix("\u{FEFF}scan_id,account_id,node_id,hostname,"))
        #expect(csv.hasSuffix("\r\n"))
        // Header, 3 scanned nodes × 4 checks, 2 unscanned nodes (one row each) — the review cell holds a quoted line break.
        #expect(csv.components(separatedBy: "\r\n").count - 1 == 1 + 12 + 2)
        // A formula on a later line of a cell is not evaluated; the cell is quoted for its line break.
        #expect(csv.contains("\"</li><script>x()</script>\n=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(csv.contains(",취약,") && csv.contains(",양호,") && csv.contains(",상,"))
        #expect(csv.contains("미점검,ConnectionLost: the node was offline"))
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
                      ("=1+2", "'=1+2"), ("+1", "'+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("-", "-"), ("", "")])
    func csvCells(value: String, cell: String) {
        #expect(ScanReportCSV.cell(value) == cell)
    }

    @Test func findingsAreASFFWithBulkActionLines() throws {
        let body = ScanFindingsASFF.render(Self.report(), language: .en, context: .init(region: "ap-northeast-2", accountId: "999988887777"))
        let lines = body.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        // 3 scanned nodes × 4 checks and one hygiene finding, each after its action line.
        #expect(lines.count == 2 * 13)
        let action = try #require(lines[0]["index"] as? [String: String])
        let finding = lines[1]
        #expect(action["_id"] == finding["Id"] as? String)
        #expect(finding["SchemaVersion"] as? String == "2018-10-08")
        #expect(finding["Id"] as? String == "arn:aws:portless:ap-northeast-2:111122223333:finding/kisa-unix/\(ScanFixtures.nodeId(1))/U-01")
        #expect(finding["ProductArn"] as? String == "arn:aws:securityhub:ap-northeast-2:999988887777:product/999988887777/default")
        #expect(finding["GeneratorId"] as? String == "portless/kisa-unix/U-01")
        #expect(finding["AwsAccountId"] as? String == "111122223333")
        #expect(finding["Types"] as? [String] == [ScanFindingsASFF.checkType])
        #expect(finding["CreatedAt"] as? String == "2027-01-15T08:00:00.000Z" && finding["UpdatedAt"] as? String == "2027-01-15T08:00:00.000Z")
        #expect((finding["Severity"] as? [String: String])?["Label"] == "INFORMATIONAL")
        #expect(finding["Title"] as? String == "U-01 Remote root login is blocked")
        #expect((finding["Description"] as? String)?.contains("<script>alert(1)</script>") == true)
        #expect(((finding["Remediation"] as? [String: Any])?["Recommendation"] as? [String: String])?["Text"] == "Change the setting.")
        let resource = try #require((finding["Resources"] as? [[String: Any]])?.first)
        #expect(resource["Type"] as? String == "Other")
        #expect(resource["Id"] as? String == "arn:aws:ssm:ap-northeast-2:111122223333:managed-instance/\(ScanFixtures.nodeId(1))")
        let compliance = try #require(finding["Compliance"] as? [String: Any])
        #expect(compliance["Status"] as? String == "PASSED")
        #expect(compliance["RelatedRequirements"] as? [String] == ["KISA Unix 2021 U-01", "KISA Unix 2026 U-01", "CIS 5.2.8"])
        #expect(finding["RecordState"] as? String == "ACTIVE")
        let findings = stride(from: 1, to: lines.count, by: 2).map { lines[$0] }
        let statuses = findings.compactMap { ($0["Compliance"] as? [String: Any])?["Status"] as? String }
        #expect(Set(statuses) == ["PASSED", "FAILED", "WARNING", "NOT_AVAILABLE"])
        let failed = try #require(findings.first { ($0["Compliance"] as? [String: Any])?["Status"] as? String == "FAILED" && ($0["Title"] as? String)?.hasPrefix("U-46") == true })
        #expect((failed["Severity"] as? [String: String])?["Label"] == "MEDIUM")
        let hygiene = try #require(findings.last)
        #expect(hygiene["GeneratorId"] as? String == "portless/hygiene/NeverConnected")
        #expect(hygiene["Types"] as? [String] == [ScanFindingsASFF.hygieneType])
    }

    @Test func tableAlignsKoreanAndStripsControlCharacters() {
        var results = [ScanFixtures.result("U-01", .fail, evidence: [CheckEvidence(value: "\u{1B}[31mred\u{1B}[0m")]),
                       ScanFixtures.result("U-46", .pass), ScanFixtures.result("U-13", .manual, review: ["/usr/bin/passwd"])]
        results[1].title = LocalizedText(ko: "패스워드", en: "Passwords")
        let table = CheckResultTable.render(results, language: .ko)
        #expect(!table.contains("\u{1B}"))
        #expect(table.contains("?[31mred?[0m"))
        #expect(table.contains("    - /usr/bin/passwd"))
        let lines = table.split(separator: "\n")
        #expect(lines[0].hasPrefix("항목  중요도  결과"))
        #expect(lines[1].hasPrefix("U-01  상      취약"))
        #expect(lines[3].hasPrefix("U-46  중      양호"))
        #expect(table.contains("양호 1  취약 1  해당 없음 0  수동 확인 1  오류 0  점수 40"))
        #expect(CheckResultTable.width("양호 ab") == 7)
    }
}
