import PortlessCore

/// Finds the document a request names. Until stored documents exist, the built-in ones are the catalog.
struct DocumentCatalog: Sendable {
    struct Resolved: Sendable {
        var name: String
        var version: String
        var content: CommandDocument
    }

    func resolve(name requested: String, version: String?) throws -> Resolved {
        let name = requested.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? requested
        if requested.hasPrefix("arn:") && !requested.contains(":document/") {
            throw PortlessError(.invalidDocument, "'\(requested)' is not a document ARN.", field: "DocumentName")
        }
        guard let content = BuiltinDocuments.content(named: name) else {
            throw PortlessError(.invalidDocument, "Document \(name) does not exist.", field: "DocumentName")
        }
        switch version {
        case nil, "$DEFAULT", "$LATEST", "1":
            break
        case let other?:
            throw PortlessError(.invalidDocumentVersion, "Document \(name) has no version '\(other)'.", field: "DocumentVersion")
        }
        return Resolved(name: name, version: "1", content: try CommandDocument.parse(json: content))
    }
}
