import PortlessCore

/// What a scan is asked to do: which nodes in which accounts, which bundle, how long uploads are accepted.
struct ScanRequest: Sendable {
    /// Targets as SendCommand takes them (`tag:K`, `tag-key`, `InstanceIds` — `*` for every node).
    var targets: [Target]
    /// Accounts to scan; the caller's own when empty. Others are reached through `roleName`.
    var accountIds: [String] = []
    /// The role assumed in each member account (the central-account pattern).
    var roleName: String?
    var bundleSha256: String?
    var name: String?
    /// Seconds from the start during which uploads are accepted (default an hour).
    var windowSeconds: Int?
    var maxConcurrency: String?
    var maxErrors: String?
    /// Seconds each check may run on a node.
    var checkTimeoutSeconds: Int?
    /// Sends to nodes not connected yet instead of recording them as not scanned (a node that has just
    /// registered and is about to connect); they have the window to connect.
    var waitsForOfflineNodes = false

    static let windowRange = 120...43_200
    static let defaultWindow = 3600
    static let checkTimeoutRange = 1...3600

    /// Field checks made before anything is looked up.
    func validate(callerAccount: String) throws {
        guard !targets.isEmpty else {
            throw PortlessError(.invalidParameters, "Targets must name the nodes to scan (Key=InstanceIds,Values=* for all).", field: "Targets")
        }
        _ = try TargetSelector(targets)
        if let windowSeconds, !Self.windowRange.contains(windowSeconds) {
            throw PortlessError(.invalidParameters, "WindowSeconds must be between \(Self.windowRange.lowerBound) and \(Self.windowRange.upperBound).",
                                field: "WindowSeconds")
        }
        if let checkTimeoutSeconds, !Self.checkTimeoutRange.contains(checkTimeoutSeconds) {
            throw PortlessError(.invalidParameters, "CheckTimeoutSeconds must be between 1 and 3600.", field: "CheckTimeoutSeconds")
        }
        for (index, account) in accountIds.enumerated() where account.count != 12 || !account.allSatisfy(\.isNumber) {
            throw PortlessError(.invalidParameters, "'\(account)' is not a 12-digit account ID.", field: "AccountIds[\(index)]")
        }
        if Set(accountIds).count != accountIds.count {
            throw PortlessError(.invalidParameters, "An account is named twice.", field: "AccountIds")
        }
        if accountIds.contains(where: { $0 != callerAccount }) {
            guard let roleName, !roleName.isEmpty else {
                throw PortlessError(.invalidParameters, "RoleName is needed to reach other accounts.", field: "RoleName")
            }
            try IAMValidation.roleName(roleName)
        }
        if let sha = bundleSha256, sha.count != 64 || !sha.lowercased().allSatisfy(\.isHexDigit) {
            throw PortlessError(.invalidParameters, "BundleSha256 must be 64 hex digits.", field: "BundleSha256")
        }
        if let maxConcurrency, !RatePattern.isConcurrency(maxConcurrency) {
            throw RatePattern.violation(maxConcurrency, field: "MaxConcurrency", pattern: RatePattern.concurrencyPattern)
        }
        if let maxErrors, !RatePattern.isErrorLimit(maxErrors) {
            throw RatePattern.violation(maxErrors, field: "MaxErrors", pattern: RatePattern.errorLimitPattern)
        }
        if let name, name.count > 128 {
            throw PortlessError(.invalidParameters, "Name is longer than 128 characters.", field: "Name")
        }
    }
}
