import HummingbirdTesting
import Testing

/// One pinned error: how to provoke it (setup calls, then the failing request, whose reply is
/// returned) and what AWS sends for it, with where that text comes from.
struct ErrorRow: Sendable, CustomTestStringConvertible {
    /// What the expected message must be.
    enum Message: Sendable {
        /// The whole text, word for word.
        case exact(String)
        /// A whole-text regular expression, for texts that carry the server's clock.
        case pattern(String)
    }

    var name: String
    var code: String
    var status: Int
    var message: Message
    /// Where the text comes from (AWS source, or "Portless" where AWS has none).
    var source: String
    var request: @Sendable (SignedClient) async throws -> TestResponse

    init(_ name: String, _ code: String, _ status: Int, _ message: Message, source: String,
         request: @escaping @Sendable (SignedClient) async throws -> TestResponse) {
        self.name = name
        self.code = code
        self.status = status
        self.message = message
        self.source = source
        self.request = request
    }

    var testDescription: String { name }

    /// Whether `text` is the message this row expects.
    func matches(_ text: String) throws -> Bool {
        switch message {
        case .exact(let expected): text == expected
        case .pattern(let pattern): try Regex(pattern).wholeMatch(in: text) != nil
        }
    }

    /// Every row.
    static var all: [ErrorRow] { ssmAuthentication + ssm + documents + associations + query + s3 }
}
