import Foundation
import PortlessCore

/// A document as a caller sees it: owned, shared with the caller, or built in (owner `Amazon`).
struct DocumentEntry: Sendable {
    var record: DocumentRecord
    var versions: [DocumentVersionRecord]
    /// The `Owner` SSM reports: the owning account, or `Amazon`.
    var owner: String
    /// Set when the caller sees the document through a share: `$DEFAULT`, `$LATEST` or `$ALL`.
    var sharedVersion: String?

    var isBuiltin: Bool { owner == "Amazon" }
    var defaultVersion: DocumentVersionRecord? { versions.first { $0.version == record.defaultVersion } }

    /// The version a request names by `DocumentVersion` (`$DEFAULT` when absent, `$LATEST` or a number)
    /// and/or `VersionName`, or `InvalidDocumentVersion`.
    func version(_ requested: String?, versionName: String? = nil) throws -> DocumentVersionRecord {
        var chosen: DocumentVersionRecord?
        switch requested {
        case nil where versionName != nil:
            chosen = versions.first { $0.versionName == versionName }
        case nil, "$DEFAULT"?:
            chosen = versions.first { $0.version == record.defaultVersion }
        case "$LATEST"?:
            chosen = versions.first { $0.version == record.latestVersion }
        case let text?:
            guard let number = Int(text), number > 0, text.first != "0" else {
                throw PortlessError.documentVersionNotFound(field: "DocumentVersion")
            }
            chosen = versions.first { $0.version == number }
        }
        guard let chosen else {
            if versionName != nil, requested == nil {
                throw PortlessError.documentVersionNotFound(field: "VersionName")
            }
            throw PortlessError.documentVersionNotFound(field: "DocumentVersion")
        }
        if let versionName, chosen.versionName != versionName {
            throw PortlessError.documentVersionNotFound(field: "VersionName")
        }
        switch sharedVersion {
        case "$DEFAULT"? where chosen.version != record.defaultVersion,
             "$LATEST"? where chosen.version != record.latestVersion:
            throw PortlessError.documentVersionNotFound(field: "DocumentVersion")
        default:
            return chosen
        }
    }
}
