import Foundation
import Logging
import PortlessCore

/// CloudTrail trails: their settings, logging state, and delivery of the account's records as gzipped
/// `{"Records":[…]}` log files to the trail's bucket under CloudTrail's key layout.
struct TrailService: Sendable {
    let store: any TrailStore
    let objects: ObjectStore
    let log: AuditLog
    let region: String
    let logger: Logger

    struct CreateInput: Sendable {
        var name: String
        var bucket: String
        var prefix: String?
        var includeGlobalServiceEvents: Bool
        var isMultiRegionTrail: Bool
        var logFileValidation: Bool
    }

    /// Creates a trail (not yet logging, as CloudTrail's CreateTrail) delivering to a bucket of the caller's account.
    func create(_ input: CreateInput, principal: Principal, now: Date = Date()) async throws -> TrailRecord {
        try TrailRecord.validateName(input.name)
        if let prefix = input.prefix, prefix.count > 200 { throw PortlessError.CloudTrail.prefixTooLong }
        let bucket: BucketRecord
        do {
            bucket = try await objects.bucket(input.bucket)
        } catch {
            throw PortlessError.CloudTrail.noBucket(input.bucket)
        }
        guard bucket.accountId == principal.accountId else { throw PortlessError.CloudTrail.bucketPolicy(input.bucket) }
        let trail = TrailRecord(accountId: principal.accountId, name: input.name, s3BucketName: input.bucket, s3KeyPrefix: input.prefix,
                                includeGlobalServiceEvents: input.includeGlobalServiceEvents, isMultiRegionTrail: input.isMultiRegionTrail,
                                logFileValidationEnabled: input.logFileValidation, createdAt: now)
        try await store.insertTrail(trail, region: region)
        return trail
    }

    /// The trail `nameOrArn` names in the caller's account.
    func trail(_ nameOrArn: String, principal: Principal) async throws -> TrailRecord {
        let name = TrailRecord.name(from: nameOrArn)
        let arn = "arn:aws:cloudtrail:\(region):\(principal.accountId):trail/\(name)"
        guard !nameOrArn.hasPrefix("arn:") || nameOrArn == arn, let trail = try await store.trail(accountId: principal.accountId, name: name) else {
            throw PortlessError.CloudTrail.trailNotFound(arn: nameOrArn.hasPrefix("arn:") ? nameOrArn : arn, account: principal.accountId)
        }
        return trail
    }

    /// The caller's trails, or those of `names` that exist (DescribeTrails skips unknown names).
    func trails(_ names: [String]?, principal: Principal) async throws -> [TrailRecord] {
        let all = try await store.trails(accountId: principal.accountId)
        guard let names, !names.isEmpty else { return all }
        let wanted = Set(names.map(TrailRecord.name(from:)))
        return all.filter { wanted.contains($0.name) }
    }

    /// Starts logging: records appended from now on are delivered.
    func startLogging(_ nameOrArn: String, principal: Principal, now: Date = Date()) async throws {
        var trail = try await trail(nameOrArn, principal: principal)
        guard !trail.isLogging else { return }
        trail.isLogging = true
        trail.startLoggingTime = now
        trail.deliveredThrough = await log.lastSequence
        try await store.updateTrail(trail)
    }

    /// Stops logging, after delivering what was recorded while it logged.
    func stopLogging(_ nameOrArn: String, principal: Principal, now: Date = Date()) async throws {
        var trail = try await trail(nameOrArn, principal: principal)
        guard trail.isLogging else { return }
        trail = await deliver(trail, now: now)
        trail.isLogging = false
        trail.stopLoggingTime = now
        try await store.updateTrail(trail)
    }

    func delete(_ nameOrArn: String, principal: Principal) async throws {
        let trail = try await trail(nameOrArn, principal: principal)
        try await store.deleteTrail(accountId: trail.accountId, name: trail.name)
    }

    /// Delivers every logging trail's new records.
    func deliverAll(now: Date = Date()) async {
        do {
            for trail in try await store.trails(accountId: nil) where trail.isLogging {
                let delivered = await deliver(trail, now: now)
                if delivered != trail, let current = try await store.trail(accountId: trail.accountId, name: trail.name), current.isLogging {
                    var updated = current
                    updated.deliveredThrough = delivered.deliveredThrough
                    updated.latestDeliveryTime = delivered.latestDeliveryTime
                    updated.latestDeliveryError = delivered.latestDeliveryError
                    updated.lastDigest = delivered.lastDigest
                    updated.latestDigestDeliveryTime = delivered.latestDigestDeliveryTime
                    try await store.updateTrail(updated)
                }
            }
        } catch {
            logger.error("trail delivery failed", metadata: ["error": "\(error)"])
        }
    }

    /// Writes the trail's records appended since its last delivery as one log file; returns the trail as it
    /// then stands (the error kept, and the records kept for the next attempt, when the write fails).
    func deliver(_ trail: TrailRecord, now: Date) async -> TrailRecord {
        var trail = trail
        let entries = log.directory.entries(after: trail.deliveredThrough)
        guard let last = entries.last else { return trail }
        let records = entries.compactMap { entry -> (text: String, time: String)? in
            guard let record = try? AuditRecord.decode(entry.record), record.recipientAccountId == trail.accountId else { return nil }
            return (entry.record, record.eventTime)
        }
        if !records.isEmpty {
            do {
                let content = Data(("{\"Records\":[" + records.map(\.text).joined(separator: ",") + "]}").utf8)
                let key = trail.logFileKey(region: region, at: now, unique: String(Identifiers.uuid().replacingOccurrences(of: "-", with: "").prefix(16)))
                try await objects.put(bucket: trail.s3BucketName, key: key, data: Data(try Gzip.compress(Array(content))), accountId: trail.accountId,
                                      contentType: "application/x-gzip")
                trail.latestDeliveryTime = now
                trail.latestDeliveryError = nil
                if trail.logFileValidationEnabled {
                    let times = records.map(\.time).sorted()
                    let logFile = TrailDigestFile.LogFile(s3Bucket: trail.s3BucketName, s3Object: key, content: content,
                                                          newestEventTime: times.last ?? "", oldestEventTime: times.first ?? "")
                    try await deliverDigest(of: logFile, for: &trail, now: now)
                }
            } catch {
                trail.latestDeliveryError = (error as? S3Error)?.code ?? "\(error)"
                logger.warning("trail delivery failed", metadata: ["portless.trail": "\(trail.name)", "error": "\(error)"])
                return trail
            }
        }
        trail.deliveredThrough = last.sequence
        return trail
    }

    /// Writes the digest file over `logFile`, linked to the trail's previous digest, its signature in the object's
    /// `signature` metadata as CloudTrail stores it. Digest keys name the second; a second digest within the same second
    /// is dated a second later, so that it never replaces the first.
    private func deliverDigest(of logFile: TrailDigestFile.LogFile, for trail: inout TrailRecord, now: Date) async throws {
        var now = now
        while TrailDigestFile.key(trail: trail, region: region, at: now) == trail.lastDigest?.key { now += 1 }
        let key = TrailDigestFile.key(trail: trail, region: region, at: now)
        let start = trail.lastDigest?.endTime ?? AuditRecord.timestamp(trail.startLoggingTime ?? now)
        let digest = TrailDigestFile(accountId: trail.accountId, start: start, end: AuditRecord.timestamp(now), bucket: trail.s3BucketName, key: key,
                                     fingerprint: log.keyFingerprint, logFile: logFile, previous: trail.lastDigest)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let content = try encoder.encode(digest)
        let hash = SigV4.hexSHA256(content)
        let signature = try await log.sign(Data(digest.signingString(hash: hash).utf8)).map { String(format: "%02x", $0) }.joined()
        try await objects.put(bucket: trail.s3BucketName, key: key, data: Data(try Gzip.compress(Array(content))), accountId: trail.accountId,
                              contentType: "application/x-gzip", userMetadata: ["signature": signature, "signature-algorithm": AuditDigest.algorithm])
        trail.lastDigest = TrailDigestFile.Link(bucket: trail.s3BucketName, key: key, hashValue: hash, signature: signature, endTime: digest.digestEndTime)
        trail.latestDigestDeliveryTime = now
    }
}
