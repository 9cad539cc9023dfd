/// Which kind of policy a document is; decides what it may contain and how a deny or a missing allow is worded.
public enum PolicyKind: Sendable, Hashable {
    /// `keyPolicy`: a KMS key's policy, a resource policy that must allow every use of the key (directly, or by naming
    /// the account, which delegates to IAM), as KMS decides.
    case identity, resource, trust, permissionsBoundary, session, serviceControl, keyPolicy

    /// Resource, trust and key policies name principals; the others must not.
    public var namesPrincipals: Bool { self == .resource || self == .trust || self == .keyPolicy }

    /// Trust and key policies must allow even in the caller's own account: IAM alone never suffices.
    public var mustAllow: Bool { self == .trust || self == .keyPolicy }

    /// How AWS names this kind in an explicit-deny message ("… with an explicit deny in a service control policy").
    var denyPhrase: String {
        switch self {
        case .identity: "an identity-based policy"
        case .resource, .trust, .keyPolicy: "a resource-based policy"
        case .permissionsBoundary: "a permissions boundary"
        case .session: "a session policy"
        case .serviceControl: "a service control policy"
        }
    }

    /// How AWS names this kind when none allows ("… because no permissions boundary allows the X action").
    var noAllowPhrase: String {
        switch self {
        case .identity: "no identity-based policy"
        case .resource, .trust, .keyPolicy: "no resource-based policy"
        case .permissionsBoundary: "no permissions boundary"
        case .session: "no session policy"
        case .serviceControl: "no service control policy"
        }
    }
}
