/// IAM's size quotas for policy documents, counted in characters without white space.
public enum PolicySizeLimit: Sendable, Hashable {
    case userInline(userName: String)
    case roleInline(roleName: String)
    case groupInline(groupName: String)
    case managed
    case trust
    case serviceControl

    public var characters: Int {
        switch self {
        case .userInline: 2048
        case .roleInline: 10240
        case .groupInline: 5120
        case .managed: 6144
        case .trust: 2048
        case .serviceControl: 5120
        }
    }

    /// IAM's `LimitExceeded` error for a document over the quota.
    var error: PortlessError {
        switch self {
        case .userInline(let name): PortlessError(aws: .limitExceeded, "Maximum policy size of 2048 bytes exceeded for user \(name)")
        case .roleInline(let name): PortlessError(aws: .limitExceeded, "Maximum policy size of 10240 bytes exceeded for role \(name)")
        case .groupInline(let name): PortlessError(aws: .limitExceeded, "Maximum policy size of 5120 bytes exceeded for group \(name)")
        case .managed: PortlessError(aws: .limitExceeded, "Cannot exceed quota for PolicySize: 6144")
        case .trust: PortlessError(aws: .limitExceeded, "Cannot exceed quota for ACLSizePerRole: 2048")
        case .serviceControl: PortlessError(.limitExceeded, "The policy content exceeds the 5120 characters allowed for a service control policy.", field: "Content")
        }
    }

    /// The size IAM counts: every character but white space.
    public static func size(of json: String) -> Int {
        json.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }
}
