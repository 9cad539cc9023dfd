/// A managed policy's ARN, `arn:aws:iam::ACCOUNT:policy/PATH/NAME`, where ACCOUNT is `aws` for the
/// policies AWS manages.
public struct PolicyARN: Sendable, Hashable {
    public static let awsAccount = "aws"

    /// 12 digits, or `aws`.
    public var accountId: String
    /// `/` or `/a/b/`.
    public var path: String
    public var policyName: String

    public init(accountId: String, path: String, policyName: String) {
        self.accountId = accountId
        self.path = path
        self.policyName = policyName
    }

    /// Parses `text`; nil when it is not a policy ARN in the `aws` partition.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", parts[1] == "aws", parts[2] == "iam", parts[3].isEmpty,
              parts[4] == Self.awsAccount || (parts[4].count == 12 && parts[4].allSatisfy({ $0.isASCII && $0.isNumber })),
              parts[5].hasPrefix("policy/")
        else { return nil }
        let segments = parts[5].dropFirst("policy/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = segments.last, (try? IAMValidation.policyName(name)) != nil, segments.dropLast().allSatisfy({ !$0.isEmpty }) else { return nil }
        self.accountId = parts[4]
        self.path = segments.count == 1 ? "/" : "/" + segments.dropLast().joined(separator: "/") + "/"
        self.policyName = name
    }

    public var isAWSManaged: Bool { accountId == Self.awsAccount }

    public var string: String { "arn:aws:iam::\(accountId):policy\(path)\(policyName)" }
}
