/// The key policies KMS writes itself.
public enum KMSKeyPolicies {
    /// CreateKey's default: the account may use and manage the key through IAM policies ("Enable IAM User
    /// Permissions", the statement AWS writes, which delegates to IAM).
    public static func `default`(account: String) -> String {
        #"{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::"#
            + account + #":root"},"Action":"kms:*","Resource":"*"}]}"#
    }

    /// The policy of an AWS-managed key for `service` (`ssm`): any principal of the account may use it through that
    /// service; the account may read it.
    public static func awsManaged(account: String, service: String, region: String) -> String {
        #"{"Version":"2012-10-17","Id":"auto-"# + service + #"-1","Statement":[{"Sid":"Allow access through "# + service.uppercased()
            + #" for all principals in the account that are authorized to use "# + service.uppercased()
            + #"","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:DescribeKey"],"Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":""#
            + account + #"","kms:ViaService":""# + service + "." + region + #".amazonaws.com"}}},{"Sid":"Allow direct access to key metadata to the account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::"#
            + account + #":root"},"Action":["kms:Describe*","kms:Get*","kms:List*","kms:RevokeGrant"],"Resource":"*"}]}"#
    }
}
