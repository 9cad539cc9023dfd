import Foundation
import PortlessCore

/// Finds the document a request names: a built-in (owner `Amazon`), one of the caller's own, or — by ARN —
/// one another account shares with the caller or with `All`.
struct DocumentCatalog: Sendable {
    struct Resolved: Sendable {
        var name: String
        var version: String
        var content: CommandDocument
        /// Hex SHA-256 of the version's content (SendCommand's `DocumentHash`).
        var hash: String
    }

    /// When the built-in documents are said to have been created.
    static let builtinCreatedDate = Date(timeIntervalSince1970: 1_483_228_800)
    let store: any DocumentStore
    let region: String
    /// Where the server is reachable (the scan document's URL patterns name it).
    let endpoint: ServerEndpoint

    /// The document and version SendCommand runs, parsed and ready to plan.
    func resolve(name requested: String, version: String?, accountId: String) async throws -> Resolved {
        let entry = try await entry(named: requested, accountId: accountId, field: "DocumentName")
        guard entry.record.documentType == .command else {
            throw PortlessError(.invalidDocument,
                                "Document \(entry.record.name) is a \(entry.record.documentType.rawValue) document; only Command documents can be run as commands.",
                                field: "DocumentName")
        }
        let chosen = try entry.version(version)
        let content: CommandDocument
        do {
            content = try JSONDecoder().decode(CommandDocument.self, from: JSONEncoder().encode(chosen.tree))
        } catch {
            throw PortlessError(.invalidDocument, "Document \(entry.record.name) version \(chosen.version) cannot be read.", field: "DocumentName")
        }
        return Resolved(name: entry.record.name, version: String(chosen.version), content: content, hash: chosen.hash)
    }

    /// The document `requested` (a name or `arn:aws:ssm:REGION:ACCOUNT:document/NAME`) as `accountId` sees it,
    /// or `InvalidDocument` naming `field`.
    func entry(named requested: String, accountId: String, field: String = "Name") async throws -> DocumentEntry {
        guard requested.hasPrefix("arn:") else {
            if let builtin = builtin(named: requested) { return builtin }
            guard let own = try await ownEntry(named: requested, accountId: accountId) else {
                throw PortlessError.documentNotFound(field: field)
            }
            return own
        }
        let parts = requested.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[1] == "aws", parts[2] == "ssm", parts[3] == region, parts[5].hasPrefix("document/") else {
            throw PortlessError.documentNotFound(field: field)
        }
        let owner = parts[4]
        let name = String(parts[5].dropFirst("document/".count))
        if owner.isEmpty || owner == "aws" {
            guard let builtin = builtin(named: name) else { throw PortlessError.documentNotFound(field: field) }
            return builtin
        }
        guard let record = try await store.document(accountId: owner, name: name) else { throw PortlessError.documentNotFound(field: field) }
        var sharedVersion: String?
        if owner != accountId {
            let shares = try await store.documentShares(accountId: owner, name: name)
            guard let share = shares.first(where: { $0.accountId == accountId }) ?? shares.first(where: { $0.accountId == "All" }) else {
                throw PortlessError.documentNotFound(field: field)
            }
            sharedVersion = share.sharedDocumentVersion
        }
        return DocumentEntry(record: record, versions: try await store.documentVersions(accountId: owner, name: name),
                             owner: owner, sharedVersion: sharedVersion)
    }

    /// The document `name` of `accountId` itself (never a built-in or a shared one), or nil when it has none.
    func ownEntry(named name: String, accountId: String) async throws -> DocumentEntry? {
        guard let record = try await store.document(accountId: accountId, name: name) else { return nil }
        return DocumentEntry(record: record, versions: try await store.documentVersions(accountId: accountId, name: name), owner: accountId)
    }

    /// Whether `name` is a built-in document's.
    static func isBuiltin(_ name: String) -> Bool { BuiltinDocuments.names.contains(name) }

    /// Every built-in document.
    func builtins() -> [DocumentEntry] { BuiltinDocuments.names.compactMap(builtin(named:)) }

    /// A built-in document as an entry owned by `Amazon`.
    func builtin(named name: String) -> DocumentEntry? {
        guard let content = BuiltinDocuments.content(named: name, endpoint: endpoint.value),
              let tree = try? DocumentContent.parse(content, format: .json) else { return nil }
        let record = DocumentRecord(name: name, accountId: "Amazon", documentType: BuiltinDocuments.documentType(named: name),
                                    createdDate: Self.builtinCreatedDate)
        let version = DocumentVersionRecord(name: name, accountId: "Amazon", version: 1, versionName: nil, content: content,
                                            format: .json, hash: DocumentContent.hash(content), createdDate: Self.builtinCreatedDate, tree: tree)
        return DocumentEntry(record: record, versions: [version], owner: "Amazon")
    }
}
