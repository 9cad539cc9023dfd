public import Foundation

/// A CloudTrail trail: the account's records delivered as gzipped log files to an S3 bucket of the server's
/// object store while it is logging.
public struct TrailRecord: Sendable, Codable, Hashable {
    /// Trails per account and region, as CloudTrail allows.
    public static let maximumPerRegion = 5

    public var accountId: String
    public var name: String
    public var s3BucketName: String
    public var s3KeyPrefix: String?
    public var includeGlobalServiceEvents: Bool
    public var isMultiRegionTrail: Bool
    public var logFileValidationEnabled: Bool
    public var isLogging: Bool
    public var createdAt: Date
    public var startLoggingTime: Date?
    public var stopLoggingTime: Date?
    public var latestDeliveryTime: Date?
    public var latestDeliveryError: String?
    /// The last audit sequence number this trail has delivered (or passed over): delivery resumes after it.
    public var deliveredThrough: Int
    /// The last digest file delivered (with log file validation), which the next one links to.
    public var lastDigest: TrailDigestFile.Link?
    public var latestDigestDeliveryTime: Date?

    public init(accountId: String, name: String, s3BucketName: String, s3KeyPrefix: String?, includeGlobalServiceEvents: Bool,
                isMultiRegionTrail: Bool, logFileValidationEnabled: Bool, createdAt: Date) {
        self.accountId = accountId
        self.name = name
        self.s3BucketName = s3BucketName
        self.s3KeyPrefix = s3KeyPrefix
        self.includeGlobalServiceEvents = includeGlobalServiceEvents
        self.isMultiRegionTrail = isMultiRegionTrail
        self.logFileValidationEnabled = logFileValidationEnabled
        self.isLogging = false
        self.createdAt = createdAt
        self.deliveredThrough = 0
    }

    public func arn(region: String) -> String { "arn:aws:cloudtrail:\(region):\(accountId):trail/\(name)" }

    /// The name a `Name` parameter gives: the trail's name, or the last part of its ARN.
    public static func name(from nameOrArn: String) -> String {
        nameOrArn.hasPrefix("arn:") ? String(nameOrArn.split(separator: "/", maxSplits: 1).last ?? "") : nameOrArn
    }

    /// CloudTrail's key of a log file: `[PREFIX/]AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz`.
    public func logFileKey(region: String, at date: Date, unique: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%04d/%02d/%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
        let stamp = String(format: "%04d%02d%02dT%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
        let prefix = s3KeyPrefix.map { $0.isEmpty ? "" : "\($0)/" } ?? ""
        return "\(prefix)AWSLogs/\(accountId)/CloudTrail/\(region)/\(day)/\(accountId)_CloudTrail_\(region)_\(stamp)_\(unique).json.gz"
    }

    /// Refuses a name CloudTrail refuses: 3–128 characters of letters, digits, `.`, `_` and `-`, starting and ending
    /// with a letter or digit, no two of `._-` in a row, not an IP address.
    public static func validateName(_ name: String) throws {
        let field = "Name"
        guard name.count >= 3 else {
            throw PortlessError(aws: .invalidTrailName, "Trail name too short. Minimum allowed length: 3 characters. Specified name length: \(name.count) characters.", field: field)
        }
        guard name.count <= 128 else {
            throw PortlessError(aws: .invalidTrailName, "Trail name too long. Maximum allowed length: 128 characters. Specified name length: \(name.count) characters.", field: field)
        }
        let punctuation: Set<Character> = [".", "_", "-"]
        let allowed = name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || punctuation.contains($0) }
        let ends = [name.first!, name.last!].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let adjacent = zip(name, name.dropFirst()).contains { punctuation.contains($0) && punctuation.contains($1) }
        guard allowed, ends, !adjacent else {
            throw PortlessError(.invalidTrailName, "Trail names contain only letters, digits, periods, underscores and dashes, start and end with a letter or digit, and have no two of . _ - in a row.", field: field)
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) {
            throw PortlessError(aws: .invalidTrailName, "Trail name must not be formatted as an IP address.", field: field)
        }
    }
}
