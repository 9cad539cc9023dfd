/// One node's results as a table for a terminal: a row per check, the evidence of every result that is not a pass
/// indented under it, and a closing line with the counts and the score. Control characters from the results are
/// replaced so that a result cannot drive the terminal.
public enum CheckResultTable {
    public static func render(_ results: [CheckResult], language: ReportLanguage) -> String {
        let header = [language.text(.check), language.text(.severity), language.text(.status), language.text(.title)]
        let rows = results.map { [$0.id, language.label($0.severity), language.label($0.status), language.text($0.title)].map(printable) }
        let widths = (0..<3).map { column in ([header] + rows).map { width($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells.prefix(3), widths).map { $0 + String(repeating: " ", count: $1 - width($0)) }.joined(separator: "  ")
                + "  " + cells[3]
        }
        var text = line(header) + "\n"
        for (result, row) in zip(results, rows) {
            text += line(row) + "\n"
            guard result.status != .pass else { continue }
            for evidence in result.evidence { text += "    " + printable(ScanReportCSV.describe(evidence)) + "\n" }
            for item in result.review.prefix(20) { text += "    - " + printable(item) + "\n" }
            if result.review.count > 20 { text += "    … +\(result.review.count - 20)\n" }
        }
        let counts = StatusCounts(results)
        text += "\n" + CheckStatus.allCases.map { "\(language.label($0)) \(counts[$0])" }.joined(separator: "  ")
        text += "  \(language.text(.score)) \(language.score(ScanScore.score(results)))\n"
        return text
    }

    /// Columns a string takes in a terminal: two for Hangul and CJK characters, one for the rest.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                sum + 2
            default:
                sum + 1
            }
        }
    }

    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
