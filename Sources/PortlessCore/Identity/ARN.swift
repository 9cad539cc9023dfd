/// Amazon Resource Names in the `aws` partition, for the resources Portless serves.
public enum ARN {
    public static func managedInstance(region: String, account: String, id: String) -> String {
        "arn:aws:ssm:\(region):\(account):managed-instance/\(id)"
    }

    /// A Session Manager session: `arn:aws:ssm:REGION:ACCOUNT:session/SESSION-ID`.
    public static func session(region: String, account: String, id: String) -> String {
        "arn:aws:ssm:\(region):\(account):session/\(id)"
    }

    public static func document(region: String, account: String, name: String) -> String {
        "arn:aws:ssm:\(region):\(account):document/\(name)"
    }

    public static func role(account: String, path: String = "/", name: String) -> String {
        "arn:aws:iam::\(account):role\(path)\(name)"
    }

    public static func root(account: String) -> String { "arn:aws:iam::\(account):root" }
}
