/// The text format of a document's content, as SSM names it.
public enum DocumentFormat: String, Sendable, Codable, Hashable, CaseIterable {
    case json = "JSON"
    case yaml = "YAML"
}
