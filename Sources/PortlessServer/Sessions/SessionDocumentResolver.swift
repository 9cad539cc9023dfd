import PortlessCore

/// Resolves the Session document a StartSession request names into a `SessionPlan`: the document (a
/// built-in, the caller's own or one shared with them) at its default version, the parameters checked
/// against it, and the account's session preferences from its `SSM-SessionManagerRunShell`.
struct SessionDocumentResolver: Sendable {
    let catalog: DocumentCatalog

    /// The plan for StartSession: `documentName` nil means `SSM-SessionManagerRunShell`; `parameters` as the
    /// StartSession wire gives them. An account without `SSM-SessionManagerRunShell` gets
    /// `SessionPreferences.defaults`, and a plain shell when it asks for that document.
    func plan(accountId: String, documentName: String?, parameters: [String: [String]]) async throws -> SessionPlan {
        let name = documentName ?? SessionBuiltinDocuments.defaultShellName
        let preferencesEntry = try await catalog.ownEntry(named: SessionBuiltinDocuments.defaultShellName, accountId: accountId)
        var preferences = SessionPreferences.defaults
        if let preferencesEntry, preferencesEntry.record.documentType == .session {
            preferences = preferences.applying(try Self.read(preferencesEntry).inputs)
        }
        if name == SessionBuiltinDocuments.defaultShellName, preferencesEntry == nil {
            return try SessionPlanner.plan(.defaultShell, name: name, parameters: parameters, accountPreferences: preferences)
        }
        let entry = try await catalog.entry(named: name, accountId: accountId, field: "DocumentName")
        guard entry.record.documentType == .session else {
            throw PortlessError(aws: .invalidDocument,
                                "Document type: '\(entry.record.documentType.rawValue)' is not supported. Only type: 'Session' is supported for Session Manager.",
                                field: "DocumentName")
        }
        return try SessionPlanner.plan(try Self.read(entry), name: entry.record.name, parameters: parameters, accountPreferences: preferences)
    }

    /// The default version of a stored Session document, read back through the validator.
    private static func read(_ entry: DocumentEntry) throws -> SessionDocument {
        do {
            return try SessionDocumentValidator.validate(try entry.version(nil).tree)
        } catch let error as PortlessError where error.code == .invalidDocumentContent || error.code == .invalidDocumentSchemaVersion {
            throw PortlessError(.invalidDocument, "Document \(entry.record.name) cannot be read as a Session document: \(error.message)",
                                field: "DocumentName")
        }
    }
}
