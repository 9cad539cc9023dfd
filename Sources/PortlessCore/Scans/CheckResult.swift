/// Text in Korean and English.
public struct LocalizedText: Sendable, Codable, Hashable {
    public var ko: String
    public var en: String

    public init(ko: String, en: String) {
        self.ko = ko
        self.en = en
    }
}

/// One thing a check read: a file, a line of it, a mode or owner, a value, what was expected, or a note.
public struct CheckEvidence: Sendable, Codable, Hashable {
    public var file: String?
    public var line: Int?
    public var mode: String?
    public var owner: String?
    public var group: String?
    public var value: String?
    public var expected: String?
    public var note: String?

    public init(file: String? = nil, line: Int? = nil, mode: String? = nil, owner: String? = nil, group: String? = nil,
                value: String? = nil, expected: String? = nil, note: String? = nil) {
        self.file = file
        self.line = line
        self.mode = mode
        self.owner = owner
        self.group = group
        self.value = value
        self.expected = expected
        self.note = note
    }
}

/// One check's result on one node: the JSON object a bundle check prints.
public struct CheckResult: Sendable, Codable, Hashable {
    /// The 2021 guide's number, `U-01` … `U-72`.
    public var id: String
    /// The 2026 edition's number, or `-` where the item left the Unix series.
    public var id2026: String
    public var title: LocalizedText
    public var severity: CheckSeverity
    /// The CIS benchmark reference, empty where none exists.
    public var cis: String
    public var status: CheckStatus
    public var evidence: [CheckEvidence]
    /// What a person must judge (MANUAL results).
    public var review: [String]
    public var remedy: LocalizedText

    public init(id: String, id2026: String, title: LocalizedText, severity: CheckSeverity, cis: String, status: CheckStatus,
                evidence: [CheckEvidence], review: [String], remedy: LocalizedText) {
        self.id = id
        self.id2026 = id2026
        self.title = title
        self.severity = severity
        self.cis = cis
        self.status = status
        self.evidence = evidence
        self.review = review
        self.remedy = remedy
    }
}
