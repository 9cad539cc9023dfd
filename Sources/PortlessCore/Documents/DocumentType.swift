/// The kinds of SSM document Portless stores, spelled as SSM's `DocumentType`.
public enum DocumentType: String, Sendable, Codable, Hashable, CaseIterable {
    /// Run Command documents (schema 2.2): SendCommand, associations and `aws:runDocument` run them.
    case command = "Command"
    /// Session Manager documents (schema 1.0): StartSession opens sessions with them, and an account's
    /// `SSM-SessionManagerRunShell` holds its session preferences.
    case session = "Session"
}
