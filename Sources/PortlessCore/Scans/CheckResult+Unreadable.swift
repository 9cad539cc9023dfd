public import Foundation

extension CheckResult {
    /// The ERROR result standing for a bundle line that could not be parsed: what can safely be read of the check
    /// (its id, titles, severity and remedy, when they are well formed) and the reason as evidence.
    public static func unreadable(line: Data, error: ScanResultError) -> CheckResult {
        let fields = line.count <= ScanResultLimits.lineBytes ? (try? JSONDecoder().decode(JSONValue.self, from: line))?.objectValue ?? [:] : [:]
        func text(_ key: String) -> String? {
            fields[key]?.stringValue.flatMap { $0.count <= ScanResultLimits.shortCharacters ? $0 : nil }
        }
        func localized(_ key: String) -> LocalizedText {
            let ko = fields[key]?["ko"]?.stringValue, en = fields[key]?["en"]?.stringValue
            guard let ko, let en, ko.count <= ScanResultLimits.stringCharacters, en.count <= ScanResultLimits.stringCharacters else {
                return LocalizedText(ko: "", en: "")
            }
            return LocalizedText(ko: ko, en: en)
        }
        let id = text("id").flatMap { isCheckID($0) ? $0 : nil } ?? leadingID(line) ?? "U-??"
        return CheckResult(id: id, id2026: text("id2026").flatMap { $0 == "-" || isCheckID($0) ? $0 : nil } ?? "-",
                           title: localized("title"), severity: text("severity").flatMap(CheckSeverity.init(rawValue:)) ?? .medium,
                           cis: text("cis") ?? "", status: .error,
                           evidence: [CheckEvidence(note: "unreadable result: \(error)")], review: [], remedy: localized("remedy"))
    }

    /// The id a line starts with (`{"id":"U-NN"`, as the runner guarantees), read without parsing the rest.
    private static func leadingID(_ line: Data) -> String? {
        let prefix = #"{"id":""#
        guard let head = String(data: line.prefix(prefix.utf8.count + 4), encoding: .utf8), head.hasPrefix(prefix) else { return nil }
        let id = String(head.dropFirst(prefix.count))
        return isCheckID(id) ? id : nil
    }
}
