/// What is wrong with a scan result: a bundle line or an uploaded result file that is not what the bundle writes.
/// Its description names the field and the rule it breaks; the server records it as the reason a result was refused.
public enum ScanResultError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line or file is larger than the limit (bytes).
    case tooLarge(size: Int, limit: Int)
    case notUTF8
    case notJSON
    /// The JSON is valid but not an object.
    case notAnObject
    case missingField(String)
    case unexpectedField(String)
    /// `field` holds a value of the wrong JSON type (`expected` names the right one).
    case wrongType(field: String, expected: String)
    /// `field` holds a value outside its allowed set or format (`expected` says what is allowed).
    case invalidValue(field: String, expected: String)
    /// A string longer than its limit (characters).
    case tooLong(field: String, limit: Int)
    /// A list with more items than its limit.
    case tooMany(field: String, count: Int, limit: Int)
    /// A result file whose first line is not the `portlessScan` header.
    case missingHeader
    /// A result file with no check result after its header.
    case noResults
    /// The same check twice in one result file.
    case duplicateCheck(String)
    /// A problem on one line of a result file (numbered from 1; the header is line 1).
    indirect case onLine(Int, ScanResultError)

    public var description: String {
        switch self {
        case .tooLarge(let size, let limit): "\(size) bytes is more than the limit of \(limit) bytes"
        case .notUTF8: "not UTF-8 text"
        case .notJSON: "not valid JSON"
        case .notAnObject: "not a JSON object"
        case .missingField(let field): "'\(field)' is missing"
        case .unexpectedField(let field): "'\(field)' is not a field of a scan result"
        case .wrongType(let field, let expected): "'\(field)' must be \(expected)"
        case .invalidValue(let field, let expected): "'\(field)' must be \(expected)"
        case .tooLong(let field, let limit): "'\(field)' is longer than \(limit) characters"
        case .tooMany(let field, let count, let limit): "'\(field)' has \(count) items, more than the limit of \(limit)"
        case .missingHeader: "the first line is not a {\"portlessScan\":{...}} header"
        case .noResults: "no check result follows the header"
        case .duplicateCheck(let id): "\(id) appears more than once"
        case .onLine(let line, let error): "line \(line): \(error)"
        }
    }
}
