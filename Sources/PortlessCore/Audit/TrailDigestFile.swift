public import Foundation

/// A trail's digest file, as CloudTrail's log file integrity validation delivers it beside the log files: the
/// SHA-256 of each log file it covers (uncompressed) and a link to the previous digest. Its signature is the
/// object's `signature` metadata, over ``signingString(hash:)`` as CloudTrail signs (the digest's end time, its
/// bucket and key, the SHA-256 of its uncompressed content, the previous signature); Portless signs with the
/// server's Ed25519 audit key (`digestSignatureAlgorithm`), whose public half is in `audit/public-key`.
public struct TrailDigestFile: Sendable, Codable, Hashable {
    /// One log file the digest covers.
    public struct LogFile: Sendable, Codable, Hashable {
        public var s3Bucket: String
        public var s3Object: String
        public var hashValue: String
        public var hashAlgorithm = "SHA-256"
        public var newestEventTime: String
        public var oldestEventTime: String

        public init(s3Bucket: String, s3Object: String, content: Data, newestEventTime: String, oldestEventTime: String) {
            self.s3Bucket = s3Bucket
            self.s3Object = s3Object
            self.hashValue = SigV4.hexSHA256(content)
            self.newestEventTime = newestEventTime
            self.oldestEventTime = oldestEventTime
        }
    }

    /// Where the previous digest is and what it hashed to, as a trail remembers it.
    public struct Link: Sendable, Codable, Hashable {
        public var bucket: String
        public var key: String
        public var hashValue: String
        public var signature: String
        public var endTime: String

        public init(bucket: String, key: String, hashValue: String, signature: String, endTime: String) {
            self.bucket = bucket
            self.key = key
            self.hashValue = hashValue
            self.signature = signature
            self.endTime = endTime
        }
    }

    public var awsAccountId: String
    public var digestStartTime: String
    public var digestEndTime: String
    public var digestS3Bucket: String
    public var digestS3Object: String
    public var digestPublicKeyFingerprint: String
    public var digestSignatureAlgorithm = AuditDigest.algorithm
    public var newestEventTime: String
    public var oldestEventTime: String
    public var previousDigestS3Bucket: String?
    public var previousDigestS3Object: String?
    public var previousDigestHashValue: String?
    public var previousDigestHashAlgorithm: String?
    public var previousDigestSignature: String?
    public var logFiles: [LogFile]

    public init(accountId: String, start: String, end: String, bucket: String, key: String, fingerprint: String, logFile: LogFile, previous: Link?) {
        awsAccountId = accountId
        digestStartTime = start
        digestEndTime = end
        digestS3Bucket = bucket
        digestS3Object = key
        digestPublicKeyFingerprint = fingerprint
        newestEventTime = logFile.newestEventTime
        oldestEventTime = logFile.oldestEventTime
        previousDigestS3Bucket = previous?.bucket
        previousDigestS3Object = previous?.key
        previousDigestHashValue = previous?.hashValue
        previousDigestHashAlgorithm = previous == nil ? nil : "SHA-256"
        previousDigestSignature = previous?.signature
        logFiles = [logFile]
    }

    /// What the signature covers, given the SHA-256 (hex) of the digest's uncompressed content.
    public func signingString(hash: String) -> String {
        "\(digestEndTime)\n\(digestS3Bucket)/\(digestS3Object)\n\(hash)\n\(previousDigestSignature ?? "null")"
    }

    /// `[PREFIX/]AWSLogs/ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_REGION_YYYYMMDDTHHmmssZ.json.gz`.
    public static func key(trail: TrailRecord, region: String, at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d/%02d/%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
        let stamp = String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
        let prefix = trail.s3KeyPrefix.map { $0.isEmpty ? "" : "\($0)/" } ?? ""
        let account = trail.accountId
        return "\(prefix)AWSLogs/\(account)/CloudTrail-Digest/\(region)/\(day)/\(account)_CloudTrail-Digest_\(region)_\(trail.name)_\(region)_\(stamp).json.gz"
    }
}
