/// A parsed, compiled policy document: patterns are compiled once, statements indexed by service prefix.
public struct Policy: Sendable {
    public var kind: PolicyKind { compiled.kind }
    public var statements: [PolicyStatement] { compiled.statements }
    /// The policy's name in explanations (a policy ARN, `inline:RoleName/PolicyName`, …).
    public var name: String { compiled.name }
    /// `2012-10-17` or `2008-10-17` (which has no policy variables).
    public var version: String { compiled.version }

    /// Everything behind one reference, so that passing a policy around costs one retain.
    private let compiled: CompiledPolicy

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
        compiled = CompiledPolicy(kind: kind, name: name, version: version, statements: statements)
    }

    /// The statements that can apply to an action of `service` (lowercased).
    func candidates(service: String) -> [Int] { compiled.candidates(service: service) }
}

/// A policy's compiled statements, indexed by service prefix.
final class CompiledPolicy: Sendable {
    let kind: PolicyKind
    let name: String
    let version: String
    let statements: [PolicyStatement]
    /// Per lowercased service prefix, the statements that can apply to its actions, in document order (a short
    /// list: comparing a few small strings is cheaper than hashing one).
    private let byService: [(service: String, statements: [Int])]
    /// The statements that can apply to any service (wildcard prefixes, `NotAction`).
    private let anyService: [Int]

    init(kind: PolicyKind, name: String, version: String, statements: [PolicyStatement]) {
        self.kind = kind
        self.name = name
        self.version = version
        self.statements = statements
        anyService = statements.indices.filter { statements[$0].services == nil }
        byService = Set(statements.compactMap(\.services).joined()).sorted().map { service in
            (service, statements.indices.filter { statements[$0].services?.contains(service) ?? true })
        }
    }

    func candidates(service: String) -> [Int] {
        for entry in byService where entry.service == service { return entry.statements }
        return anyService
    }
}
