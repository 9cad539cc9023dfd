public import Foundation

extension CheckResult {
    /// Parses one line the bundle prints for a check, refusing anything the bundle would not write: not one JSON
    /// object, an id other than `U-NN`, an unknown severity or status, a field of the wrong type or an unknown field,
    /// or more than the limits in `ScanResultLimits`.
    public init(bundleLine line: Data) throws(ScanResultError) {
        var object = try ScanJSONObject(data: line, limit: ScanResultLimits.lineBytes)
        try self.init(validating: &object)
    }

    /// Parses one line the bundle prints for a check (see `init(bundleLine:)` for what is refused).
    public init(bundleLine line: String) throws(ScanResultError) {
        try self.init(bundleLine: Data(line.utf8))
    }

    /// Whether `id` is a 2021 guide number: `U-` and two digits.
    public static func isCheckID(_ id: String) -> Bool {
        let digits = id.utf8.dropFirst(2)
        return id.hasPrefix("U-") && digits.count == 2 && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    init(validating object: inout ScanJSONObject) throws(ScanResultError) {
        let short = ScanResultLimits.shortCharacters
        let long = ScanResultLimits.stringCharacters
        let id = try object.string("id", limit: short, valid: Self.isCheckID, expected: "U- and two digits")
        let id2026 = try object.string("id2026", limit: short, valid: { $0 == "-" || Self.isCheckID($0) },
                                       expected: "U- and two digits, or -")
        let title = try Self.localized(&object, "title", limit: long)
        let severity = try object.string("severity", limit: short, valid: { CheckSeverity(rawValue: $0) != nil },
                                         expected: "High, Medium or Low")
        let cis = try object.string("cis", limit: short)
        let status = try object.string("status", limit: short, valid: { CheckStatus(rawValue: $0) != nil },
                                       expected: "PASS, FAIL, NA, MANUAL or ERROR")
        var evidence: [CheckEvidence] = []
        for (index, item) in try object.array("evidence", limit: ScanResultLimits.evidenceItems).enumerated() {
            evidence.append(try Self.evidence(item, field: object.name("evidence[\(index)]")))
        }
        var review: [String] = []
        for (index, item) in try object.array("review", limit: ScanResultLimits.reviewItems).enumerated() {
            guard let text = item.stringValue else { throw .wrongType(field: object.name("review[\(index)]"), expected: "a string") }
            guard text.count <= long else { throw .tooLong(field: object.name("review[\(index)]"), limit: long) }
            review.append(text)
        }
        let remedy = try Self.localized(&object, "remedy", limit: long)
        try object.finish()
        self.init(id: id, id2026: id2026, title: title, severity: CheckSeverity(rawValue: severity)!, cis: cis,
                  status: CheckStatus(rawValue: status)!, evidence: evidence, review: review, remedy: remedy)
    }

    private static func localized(_ object: inout ScanJSONObject, _ key: String, limit: Int) throws(ScanResultError) -> LocalizedText {
        var text = try object.object(key)
        let result = LocalizedText(ko: try text.string("ko", limit: limit), en: try text.string("en", limit: limit))
        try text.finish()
        return result
    }

    private static func evidence(_ value: JSONValue, field: String) throws(ScanResultError) -> CheckEvidence {
        guard let fields = value.objectValue else { throw .wrongType(field: field, expected: "an object") }
        var item = ScanJSONObject(fields: fields, path: field)
        let limit = ScanResultLimits.stringCharacters
        let evidence = CheckEvidence(file: try item.optionalString("file", limit: limit), line: try item.optionalCount("line"),
                                     mode: try item.optionalString("mode", limit: limit), owner: try item.optionalString("owner", limit: limit),
                                     group: try item.optionalString("group", limit: limit), value: try item.optionalString("value", limit: limit),
                                     expected: try item.optionalString("expected", limit: limit),
                                     note: try item.optionalString("note", limit: limit))
        try item.finish()
        return evidence
    }
}
