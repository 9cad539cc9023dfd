/// Who made a request, as established by its signature.
public struct Principal: Sendable, Hashable {
    public var accountId: String
    public var userName: String
    public var accessKeyId: String

    public var arn: String { userName == "root" ? "arn:aws:iam::\(accountId):root" : "arn:aws:iam::\(accountId):user/\(userName)" }
}
