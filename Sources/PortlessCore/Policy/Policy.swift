/// A parsed, compiled policy document: patterns are compiled once, statements indexed by service prefix.
public struct Policy: Sendable {
    public let kind: PolicyKind
    public let statements: [PolicyStatement]
    /// The policy's name in explanations (a policy ARN, `inline:RoleName/PolicyName`, …).
    public let name: String
    /// `2012-10-17` or `2008-10-17` (which has no policy variables).
    public let version: String

    /// Per lowercased service prefix, the statements that can apply to its actions, in document order.
    private let statementsByService: [String: [Int]]
    /// The statements that can apply to any service (wildcard prefixes, `NotAction`).
    private let anyServiceStatements: [Int]

    /// Parses and checks `json` as IAM does at write time. Throws `PortlessError(aws: .malformedPolicyDocument, …)`
    /// with IAM's text, or `LimitExceeded` when `sizeLimit` is given and the document (without white space) exceeds it.
    public init(json: String, kind: PolicyKind, name: String = "", sizeLimit: PolicySizeLimit? = nil, field: String? = nil) throws {
        if let sizeLimit, PolicySizeLimit.size(of: json) > sizeLimit.characters { throw sizeLimit.error }
        do {
            let parsed = try PolicyParser(kind: kind).parse(json)
            self.init(kind: kind, name: name, version: parsed.version, statements: parsed.statements)
        } catch {
            throw error.portlessError(field: field)
        }
    }

    init(kind: PolicyKind, name: String, version: String, statements: [PolicyStatement]) {
        self.kind = kind
        self.name = name
        self.version = version
        self.statements = statements
        anyServiceStatements = statements.indices.filter { statements[$0].services == nil }
        let services = Set(statements.compactMap(\.services).joined())
        var byService: [String: [Int]] = [:]
        for service in services {
            byService[service] = statements.indices.filter { statements[$0].services?.contains(service) ?? true }
        }
        statementsByService = byService
    }

    /// The statements that can apply to an action of `service` (lowercased).
    func candidates(service: String) -> [Int] {
        statementsByService[service] ?? anyServiceStatements
    }
}
