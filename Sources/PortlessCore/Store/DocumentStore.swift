/// Persistence for command documents, their versions, and whom they are shared with.
///
/// Every method is atomic. Document tags live in the `Store`'s tag table under resource type `Document`,
/// keyed by `DocumentTagKey.resourceId(accountId:name:)`.
public protocol DocumentStore: Sendable {
    /// Stores a new document with its first version and tags; throws `DocumentAlreadyExists` if the
    /// account already has a document of that name.
    func insertDocument(_ document: DocumentRecord, version: DocumentVersionRecord, tags: [Tag]) async throws
    func document(accountId: String, name: String) async throws -> DocumentRecord?
    /// Every version of a document, oldest first.
    func documentVersions(accountId: String, name: String) async throws -> [DocumentVersionRecord]
    func documentVersion(accountId: String, name: String, version: Int) async throws -> DocumentVersionRecord?
    /// Reads the document and its versions, lets `make` check them and build the next version, stores it and
    /// makes it the latest, atomically. Returns nil when there is no such document.
    func addDocumentVersion(accountId: String, name: String,
                            _ make: @Sendable (DocumentRecord, [DocumentVersionRecord]) throws -> DocumentVersionRecord) async throws
        -> (DocumentRecord, DocumentVersionRecord)?
    /// Reads the document and its versions, lets `body` change the document, and writes it back, atomically.
    func modifyDocument(accountId: String, name: String,
                        _ body: @Sendable (inout DocumentRecord, [DocumentVersionRecord]) throws -> Void) async throws -> DocumentRecord?
    /// Deletes a document with all its versions, shares and tags.
    func deleteDocument(accountId: String, name: String) async throws
    /// Documents owned by `accountId` and, if `includeShared`, those shared with it or with `All`, by name.
    func documents(visibleTo accountId: String, includeShared: Bool) async throws -> [DocumentRecord]
    /// The accounts a document is shared with, ordered by account.
    func documentShares(accountId: String, name: String) async throws -> [DocumentShare]
    /// Adds (or updates) and removes shares of a document in one step.
    func modifyDocumentShares(accountId: String, name: String, add: [DocumentShare], remove: [String]) async throws
}

