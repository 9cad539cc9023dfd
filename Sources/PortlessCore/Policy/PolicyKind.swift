/// Which kind of policy a document is; decides what it may contain and how a deny or a missing allow is worded.
public enum PolicyKind: Sendable, Hashable {
    case identity, resource, trust, permissionsBoundary, session, serviceControl

    /// Resource and trust policies name principals; the others must not.
    public var namesPrincipals: Bool { self == .resource || self == .trust }

    /// How AWS names this kind in an explicit-deny message ("… with an explicit deny in a service control policy").
    var denyPhrase: String {
        switch self {
        case .identity: "an identity-based policy"
        case .resource, .trust: "a resource-based policy"
        case .permissionsBoundary: "a permissions boundary"
        case .session: "a session policy"
        case .serviceControl: "a service control policy"
        }
    }

    /// How AWS names this kind when none allows ("… because no permissions boundary allows the X action").
    var noAllowPhrase: String {
        switch self {
        case .identity: "no identity-based policy"
        case .resource, .trust: "no resource-based policy"
        case .permissionsBoundary: "no permissions boundary"
        case .session: "no session policy"
        case .serviceControl: "no service control policy"
        }
    }
}
