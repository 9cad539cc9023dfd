import PortlessCore

extension OperationTable {
    /// STS. AssumeRole is decided by the STS service itself (identity policies and the role's trust policy,
    /// across accounts); GetCallerIdentity and GetSessionToken need no permission on AWS.
    static let sts: [String: OperationRule] = [
        "GetCallerIdentity": .decided(by: .nobody, "sts:GetCallerIdentity"),
        "GetSessionToken": .decided(by: .nobody, "sts:GetSessionToken"),
        "AssumeRole": .decided(by: .service, "sts:AssumeRole"),
    ]
}
