public import Foundation

/// A State Manager association: a document applied to targets, on a schedule or when targets change. The
/// settings of each `associationVersion` are kept as a copy of the record (see `AssociationStore`).
public struct AssociationRecord: Sendable, Codable, Hashable {
    public var associationId: String
    public var accountId: String
    public var associationVersion: Int
    /// The document as the request named it: a name or an ARN.
    public var name: String
    public var documentVersion: String?
    /// Set when the association was made for one node with `InstanceId` (the older form) rather than `Targets`.
    public var instanceId: String?
    public var parameters: [String: [String]]
    public var targets: [Target]
    public var scheduleExpression: String?
    /// Days to wait after each cron time.
    public var scheduleOffset: Int?
    public var applyOnlyAtCronInterval: Bool
    public var associationName: String?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var complianceSeverity: AssociationComplianceSeverity?
    public var syncCompliance: AssociationSyncCompliance?
    public var outputLocation: AssociationOutputLocation?
    public var createdDate: Date
    /// When this version was made.
    public var lastUpdateAssociationDate: Date
    public var lastExecutionDate: Date?
    public var lastSuccessfulExecutionDate: Date?
    public var overview: AssociationOverview
    /// When the scheduler runs the association next; nil when no schedule is due.
    public var nextRunAt: Date?

    public init(associationId: String, accountId: String, name: String, createdDate: Date) {
        self.associationId = associationId
        self.accountId = accountId
        self.associationVersion = 1
        self.name = name
        self.parameters = [:]
        self.targets = []
        self.applyOnlyAtCronInterval = false
        self.createdDate = createdDate
        self.lastUpdateAssociationDate = createdDate
        self.overview = .creating
    }

    /// The targets the association runs on: `Targets`, or the one node of `InstanceId`.
    public var effectiveTargets: [Target] {
        instanceId.map { [Target(key: "InstanceIds", values: [$0])] } ?? targets
    }
}

/// `ComplianceSeverity`.
public enum AssociationComplianceSeverity: String, Sendable, Codable, Hashable, CaseIterable {
    case critical = "CRITICAL", high = "HIGH", medium = "MEDIUM", low = "LOW", unspecified = "UNSPECIFIED"
}

/// `SyncCompliance`.
public enum AssociationSyncCompliance: String, Sendable, Codable, Hashable, CaseIterable {
    case auto = "AUTO", manual = "MANUAL"
}

/// `OutputLocation`: where the runs' output goes (`S3Location`), kept in SSM's shape.
public struct AssociationOutputLocation: Sendable, Codable, Hashable {
    public struct S3Location: Sendable, Codable, Hashable {
        public var outputS3Region: String?
        public var outputS3BucketName: String?
        public var outputS3KeyPrefix: String?
        enum CodingKeys: String, CodingKey {
            case outputS3Region = "OutputS3Region", outputS3BucketName = "OutputS3BucketName", outputS3KeyPrefix = "OutputS3KeyPrefix"
        }
    }

    public var s3Location: S3Location?
    enum CodingKeys: String, CodingKey { case s3Location = "S3Location" }
}

extension ARN {
    /// `arn:aws:ssm:REGION:ACCOUNT:association/ID`.
    public static func association(region: String, account: String, id: String) -> String {
        "arn:aws:ssm:\(region):\(account):association/\(id)"
    }
}
