/// A role ARN, `arn:aws:iam::ACCOUNT:role/PATH/NAME`, taken apart.
public struct RoleARN: Sendable, Equatable {
    public var accountId: String
    /// `/` or `/a/b/`.
    public var path: String
    public var roleName: String

    /// Parses `text`; throws `ValidationError` (field `RoleArn`) when it is not a role ARN in the `aws` partition,
    /// with STS's text `ARN is invalid` (moto's and localstack's STS send the same).
    public init(parsing text: String, field: String = "RoleArn") throws {
        let invalid = PortlessError(aws: .validationError, "\(text) is invalid", field: field)
        guard text.utf8.count >= 20, text.utf8.count <= 2048 else {
            throw ConstraintViolation.error(.validationError, value: text, field: field, text.utf8.count < 20 ? .minLength(20) : .maxLength(2048))
        }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", parts[1] == "aws", parts[2] == "iam", parts[3].isEmpty,
              parts[4].count == 12, parts[4].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[5].hasPrefix("role/")
        else { throw invalid }
        let resource = parts[5].dropFirst("role/".count)
        let segments = resource.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = segments.last, IAMValidation.isRoleName(name), segments.dropLast().allSatisfy({ !$0.isEmpty }) else { throw invalid }
        let path = segments.count == 1 ? "/" : "/" + segments.dropLast().joined(separator: "/") + "/"
        guard IAMValidation.isPath(path) else { throw invalid }
        self.accountId = parts[4]
        self.path = path
        self.roleName = name
    }

    public var string: String { "arn:aws:iam::\(accountId):role\(path)\(roleName)" }
}
