import Foundation

/// The dispatch results table in docs/benchmarks.md, between two marker comments; a run replaces
/// the row for its node count (or adds one), leaving the rest of the file as written.
struct BenchmarksDocument {
    static let begin = "<!-- dispatch-results:begin -->"
    static let end = "<!-- dispatch-results:end -->"

    let path: String

    func upsert(_ result: DispatchResult) throws {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Benchmarks\n"
        var rows: [String] = []
        let updated: String
        if let beginRange = text.range(of: Self.begin), let endRange = text.range(of: Self.end, range: beginRange.upperBound..<text.endIndex) {
            rows = text[beginRange.upperBound..<endRange.lowerBound].split(separator: "\n")
                .map(String.init).filter { $0.hasPrefix("| ") && Int(Self.firstCell($0)) != nil }
            rows.removeAll { Int(Self.firstCell($0)) == result.nodes }
            rows.append(result.markdownRow())
            rows.sort { (Int(Self.firstCell($0)) ?? 0) < (Int(Self.firstCell($1)) ?? 0) }
            updated = String(text[..<beginRange.lowerBound]) + block(rows) + String(text[endRange.upperBound...])
        } else {
            updated = text + (text.hasSuffix("\n") ? "" : "\n") + "\n" + block([result.markdownRow()]) + "\n"
        }
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func block(_ rows: [String]) -> String {
        ([Self.begin, DispatchResult.markdownHeader] + rows + [Self.end]).joined(separator: "\n")
    }

    private static func firstCell(_ row: String) -> String {
        row.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
