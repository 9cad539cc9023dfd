import Foundation

/// A results table in docs/benchmarks.md, between two marker comments (`<!-- SECTION-results:begin -->`
/// and `...:end -->`); a run replaces the rows with its keys (the first cell) or adds them, leaving
/// the rest of the file as written. The dispatch table is keyed by node count.
struct BenchmarksDocument {
    let path: String
    /// The marker name, e.g. `dispatch` or `object-store`.
    var section = "dispatch"

    var begin: String { "<!-- \(section)-results:begin -->" }
    var end: String { "<!-- \(section)-results:end -->" }

    func upsert(_ result: DispatchResult) throws {
        try upsert(rows: [result.markdownRow()], header: DispatchResult.markdownHeader) { first, second in
            (Int(first) ?? 0) < (Int(second) ?? 0)
        }
    }

    /// Replaces (or adds) `rows`, matched by their first cell; `ordered` sorts by first cell, if given.
    func upsert(rows new: [String], header: String, ordered: ((String, String) -> Bool)? = nil) throws {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Benchmarks\n"
        let keys = Set(new.map(Self.firstCell))
        let updated: String
        if let beginRange = text.range(of: begin), let endRange = text.range(of: end, range: beginRange.upperBound..<text.endIndex) {
            let headerLines = Set(header.split(separator: "\n").map(String.init))
            var rows = text[beginRange.upperBound..<endRange.lowerBound].split(separator: "\n")
                .map(String.init).filter { $0.hasPrefix("| ") && !headerLines.contains($0) && !keys.contains(Self.firstCell($0)) }
            if ordered == nil {
                // Keep the table's order: replace rows in place where their key was, append the rest.
                let old = text[beginRange.upperBound..<endRange.lowerBound].split(separator: "\n").map(String.init)
                    .filter { $0.hasPrefix("| ") && !headerLines.contains($0) }
                var merged: [String] = []
                var placed = Set<String>()
                for row in old {
                    let key = Self.firstCell(row)
                    if let replacement = new.first(where: { Self.firstCell($0) == key }) {
                        merged.append(replacement)
                        placed.insert(key)
                    } else {
                        merged.append(row)
                    }
                }
                merged += new.filter { !placed.contains(Self.firstCell($0)) }
                rows = merged
            } else if let ordered {
                rows += new
                rows.sort { ordered(Self.firstCell($0), Self.firstCell($1)) }
            }
            updated = String(text[..<beginRange.lowerBound]) + block(rows, header: header) + String(text[endRange.upperBound...])
        } else {
            updated = text + (text.hasSuffix("\n") ? "" : "\n") + "\n" + block(new, header: header) + "\n"
        }
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func block(_ rows: [String], header: String) -> String {
        ([begin, header] + rows + [end]).joined(separator: "\n")
    }

    private static func firstCell(_ row: String) -> String {
        row.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
