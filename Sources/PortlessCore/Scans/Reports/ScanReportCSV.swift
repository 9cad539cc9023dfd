import Foundation

/// A scan report as CSV for spreadsheets: one row per node and check (a node that was not scanned gets one row with
/// its state and reason), RFC 4180 quoting and CRLF line ends, a UTF-8 byte order mark so that Excel reads Korean.
/// A cell that a spreadsheet would take for a formula (starting with `=`, `+`, `@`, a tab, a carriage return, or `-`
/// followed by more) is prefixed with `'`: evidence comes from the servers.
public enum ScanReportCSV {
    public static func render(_ report: ScanReport, language: ReportLanguage) -> String {
        let header = ["scan_id", "account_id", "node_id", "hostname", "node_state", "reason", "score", "check_id", "check_id_2026",
                      "severity", "status", "title", "evidence", "review", "remedy"]
        var csv = "\u{FEFF}" + row(header)
        for node in report.nodes {
            let base = [report.subject.scanId ?? "", node.node.accountId, node.node.nodeId, node.node.hostname,
                        language.label(node.state), node.reason ?? "", node.score.map { String(Int($0.rounded())) } ?? ""]
            guard !node.results.isEmpty else {
                csv += row(base + Array(repeating: "", count: header.count - base.count))
                continue
            }
            for result in node.results {
                csv += row(base + [result.id, result.id2026, language.label(result.severity), language.label(result.status),
                                   language.text(result.title), result.evidence.map(describe).joined(separator: "\n"),
                                   result.review.joined(separator: "\n"), language.text(result.remedy)])
            }
        }
        return csv
    }

    /// One evidence item as `key=value` pairs.
    static func describe(_ evidence: CheckEvidence) -> String {
        let pairs: [(String, String?)] = [("file", evidence.file), ("line", evidence.line.map(String.init)), ("mode", evidence.mode),
                                          ("owner", evidence.owner), ("group", evidence.group), ("value", evidence.value),
                                          ("expected", evidence.expected), ("note", evidence.note)]
        return pairs.compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: " ")
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+@\t\r".unicodeScalars.contains(first) || (first == "-" && text.unicodeScalars.count > 1) {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
