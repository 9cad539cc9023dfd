import PortlessCore

/// A resource an operation touches, as the evaluator sees it.
struct ResourceRef: Sendable {
    /// Its ARN, or `*` for operations AWS authorizes on no particular resource.
    var arn: String
    /// The account that owns it; nil for `*` (then the caller's own).
    var accountId: String?
    /// Its tags: `aws:ResourceTag/KEY` and, when `tagService` is set, `SERVICE:resourceTag/KEY` too.
    var tags: [Tag] = []
    /// The service whose own resource-tag keys the tags also fill (`ssm`, `iam`).
    var tagService: String? = nil
    /// The resource's own policy: a bucket policy, or a role's trust policy for `sts:AssumeRole`.
    var policy: Policy? = nil

    /// `*`: the operation is authorized on no particular resource.
    static let any = ResourceRef(arn: "*", accountId: nil)
}

/// What the request itself adds to the condition context: where it came from, the tags it sets, and the
/// service-specific keys (`s3:prefix`, `sts:ExternalId`, `iam:PassedToService`, ...).
struct CallFacts: Sendable {
    var sourceIp: String?
    var secureTransport: Bool = false
    var requestTags: [Tag] = []
    var keys: [String: [ConditionValue]] = [:]

    init(sourceIp: String? = nil, secureTransport: Bool = false, requestTags: [Tag] = [], keys: [String: [ConditionValue]] = [:]) {
        self.sourceIp = sourceIp
        self.secureTransport = secureTransport
        self.requestTags = requestTags
        self.keys = keys
    }
}
