import Crypto
public import Foundation
import PortlessCore

/// Buckets and objects under `DATA_DIR/objects/`.
///
/// Layout: `buckets/<name>/bucket.json`, `buckets/<name>/meta/<sha256(key)>.json` (an
/// `ObjectMetadata` naming its blob), `buckets/<name>/data/<uuid>` (the bytes), `tmp/` (uploads in
/// flight), `uploads/<uploadId>/` (multipart uploads). A write stages the bytes in `tmp/`, renames
/// them into `data/`, then atomically replaces the metadata file: a reader sees the old object or the
/// new one, never a part. Object keys never become paths (file names are hashes).
public actor ObjectStore {
    /// The single-PUT (and single-part) size limit, 5 GiB unless configured lower.
    public nonisolated let maximumObjectSize: Int
    nonisolated let root: URL
    private var buckets: [String: BucketRecord] = [:]
    private var indexes: [String: [String: ObjectMetadata]] = [:]
    private var sortedKeys: [String: [String]] = [:]

    /// Opens (creating if needed) the store under `dataDirectory/objects`; leftovers of interrupted uploads in `tmp/` are removed.
    public init(dataDirectory: URL, maximumObjectSize: Int = 5 << 30) throws {
        self.root = dataDirectory.appendingPathComponent("objects")
        self.maximumObjectSize = maximumObjectSize
        let manager = FileManager.default
        try? manager.removeItem(at: root.appendingPathComponent("tmp"))
        for directory in ["tmp", "buckets", "uploads"] {
            try manager.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true,
                                        attributes: [.posixPermissions: 0o700])
        }
        let names = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent("buckets").path)) ?? []
        for name in names {
            let file = root.appendingPathComponent("buckets").appendingPathComponent(name).appendingPathComponent("bucket.json")
            if let data = try? Data(contentsOf: file), let record = try? JSONDecoder().decode(BucketRecord.self, from: data) {
                buckets[record.name] = record
            }
        }
    }

    // MARK: Paths

    nonisolated func bucketDirectory(_ bucket: String) -> URL {
        root.appendingPathComponent("buckets").appendingPathComponent(bucket)
    }

    nonisolated func blobURL(bucket: String, blob: String) -> URL {
        bucketDirectory(bucket).appendingPathComponent("data").appendingPathComponent(blob)
    }

    nonisolated func metadataURL(bucket: String, key: String) -> URL {
        let name = SigV4.hexSHA256(Array(key.utf8))
        return bucketDirectory(bucket).appendingPathComponent("meta").appendingPathComponent(name + ".json")
    }

    /// A fresh path in `tmp/` for staging an upload.
    nonisolated func temporaryURL() -> URL {
        root.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
    }

    nonisolated var uploadsDirectory: URL { root.appendingPathComponent("uploads") }

    // MARK: Buckets

    /// Creates a bucket owned by `accountId`.
    func createBucket(_ name: String, accountId: String) throws {
        guard S3Names.isValidBucketName(name) else { throw S3Error.invalidBucketName(name) }
        if let existing = buckets[name] {
            if existing.accountId == accountId {
                throw S3Error("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.",
                              details: ["BucketName": name])
            }
            throw S3Error("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                          details: ["BucketName": name])
        }
        let directory = bucketDirectory(name)
        let manager = FileManager.default
        for sub in ["meta", "data"] {
            try manager.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true,
                                        attributes: [.posixPermissions: 0o700])
        }
        let record = BucketRecord(name: name, accountId: accountId, created: Date())
        try JSONEncoder().encode(record).write(to: directory.appendingPathComponent("bucket.json"), options: .atomic)
        buckets[name] = record
        indexes[name] = [:]
        sortedKeys[name] = []
    }

    /// The bucket, if `accountId` may use it: NoSuchBucket (or InvalidBucketName), AccessDenied for another account's bucket.
    func requireBucket(_ name: String, accountId: String) throws -> BucketRecord {
        guard let record = buckets[name] else {
            throw S3Names.isValidBucketName(name) ? S3Error.noSuchBucket(name) : S3Error.invalidBucketName(name)
        }
        guard record.accountId == accountId else { throw S3Error.accessDenied() }
        return record
    }

    /// The bucket named `name`, whoever owns it (authorization decides who may use it).
    func bucket(_ name: String) throws -> BucketRecord {
        guard let record = buckets[name] else {
            throw S3Names.isValidBucketName(name) ? S3Error.noSuchBucket(name) : S3Error.invalidBucketName(name)
        }
        return record
    }

    /// Replaces (or, with nil, removes) a bucket's policy.
    func setPolicy(_ policy: String?, bucket name: String) throws {
        var record = try bucket(name)
        record.policy = policy
        try JSONEncoder().encode(record).write(to: bucketDirectory(name).appendingPathComponent("bucket.json"), options: .atomic)
        buckets[name] = record
    }

    /// The buckets of `accountId`, by name.
    func listBuckets(accountId: String) -> [BucketRecord] {
        buckets.values.filter { $0.accountId == accountId }.sorted { $0.name < $1.name }
    }

    /// Deletes an empty bucket (BucketNotEmpty otherwise).
    func deleteBucket(_ name: String, accountId: String) throws {
        _ = try requireBucket(name, accountId: accountId)
        guard try index(name).isEmpty else {
            throw S3Error("BucketNotEmpty", 409, "The bucket you tried to delete is not empty", details: ["BucketName": name])
        }
        try FileManager.default.removeItem(at: bucketDirectory(name))
        buckets[name] = nil
        indexes[name] = nil
        sortedKeys[name] = nil
    }

    // MARK: Objects

    private func index(_ bucket: String) throws -> [String: ObjectMetadata] {
        if let index = indexes[bucket] { return index }
        var index: [String: ObjectMetadata] = [:]
        let directory = bucketDirectory(bucket).appendingPathComponent("meta")
        let decoder = JSONDecoder()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasSuffix(".json") {
            if let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
               let metadata = try? decoder.decode(ObjectMetadata.self, from: data) {
                index[metadata.key] = metadata
            }
        }
        indexes[bucket] = index
        return index
    }

    /// The metadata of `key`, or NoSuchKey.
    func metadata(bucket: String, key: String) throws -> ObjectMetadata {
        guard let metadata = try index(bucket)[key] else { throw S3Error.noSuchKey(key) }
        return metadata
    }

    /// Makes a staged file the object `metadata.key`: moves it into `data/` under a fresh blob name,
    /// atomically writes the metadata, then removes the blob it replaced.
    func commit(bucket: String, staged: URL, metadata: ObjectMetadata) throws -> ObjectMetadata {
        guard buckets[bucket] != nil else {
            try? FileManager.default.removeItem(at: staged)
            throw S3Error.noSuchBucket(bucket)
        }
        var metadata = metadata
        metadata.blob = UUID().uuidString
        let blob = blobURL(bucket: bucket, blob: metadata.blob)
        do {
            try FileManager.default.moveItem(at: staged, to: blob)
            try JSONEncoder().encode(metadata).write(to: metadataURL(bucket: bucket, key: metadata.key), options: .atomic)
        } catch {
            try? FileManager.default.removeItem(at: staged)
            try? FileManager.default.removeItem(at: blob)
            throw error
        }
        _ = try index(bucket)
        // Changed in place: a copy of the whole index per PUT made N uploads cost O(N²).
        let previous = indexes[bucket]?.updateValue(metadata, forKey: metadata.key)
        if previous == nil { sortedKeys[bucket] = nil }
        if let previous { try? FileManager.default.removeItem(at: blobURL(bucket: bucket, blob: previous.blob)) }
        return metadata
    }

    /// Deletes `key` if it exists; returns whether it did.
    @discardableResult
    func delete(bucket: String, key: String) throws -> Bool {
        _ = try index(bucket)
        guard let previous = indexes[bucket]?.removeValue(forKey: key) else { return false }
        try? FileManager.default.removeItem(at: metadataURL(bucket: bucket, key: key))
        try? FileManager.default.removeItem(at: blobURL(bucket: bucket, blob: previous.blob))
        sortedKeys[bucket] = nil
        return true
    }

    /// One ListObjectsV2 page and the metadata of its keys.
    func list(bucket: String, prefix: String, delimiter: String?, marker: String?, maxKeys: Int) throws -> (ObjectListing, [ObjectMetadata]) {
        let index = try index(bucket)
        let keys: [String]
        if let cached = sortedKeys[bucket] {
            keys = cached
        } else {
            keys = index.keys.sorted(by: ObjectListing.precedes)
            sortedKeys[bucket] = keys
        }
        let listing = ObjectListing(sortedKeys: keys, prefix: prefix, delimiter: delimiter, marker: marker, maxKeys: maxKeys)
        return (listing, listing.keys.compactMap { index[$0] })
    }

    // MARK: Server-side API

    /// Stores `data` as `bucket/key` for `accountId` (command output, trail log files), with `userMetadata` as its
    /// `x-amz-meta-*`. The bucket must exist and belong to the account; nothing is created otherwise.
    @discardableResult
    public func put(bucket: String, key: String, data: Data, accountId: String, contentType: String = "text/plain",
                    userMetadata: [String: String] = [:]) throws -> String {
        _ = try requireBucket(bucket, accountId: accountId)
        if let problem = S3Names.keyProblem(key) { throw S3Error.invalidArgument(problem, name: "key") }
        guard data.count <= maximumObjectSize else { throw S3Error.entityTooLarge(maximumObjectSize) }
        let staged = temporaryURL()
        try data.write(to: staged)
        let md5 = Insecure.MD5.hash(data: data)
        var crc = CRC32()
        data.withUnsafeBytes { crc.update($0) }
        var metadata = ObjectMetadata(key: key, blob: "", size: data.count, etag: S3ETag.quoted(md5: md5), lastModified: Date(),
                                      contentType: contentType, checksumCRC32: crc.base64)
        metadata.userMetadata = userMetadata
        return try commit(bucket: bucket, staged: staged, metadata: metadata).etag
    }
}
