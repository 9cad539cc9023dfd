/// A command document that passed `DocumentValidator`: its typed form and its content tree.
public struct ValidatedDocument: Sendable, Hashable {
    /// The typed document, ready for `CommandPlanner`.
    public var document: CommandDocument
    /// The content as a tree (with `schemaVersion` normalized to a string).
    public var content: JSONValue

    /// The platforms the document's actions run on, in SSM's order (`Windows`, `Linux`, `MacOS`).
    public var platformTypes: [String] {
        let actions = Set(document.mainSteps.map(\.action))
        var platforms: [String] = []
        if actions.contains(where: { DocumentValidator.windowsActions.contains($0) }) { platforms.append("Windows") }
        platforms += ["Linux", "MacOS"]
        return platforms
    }
}
