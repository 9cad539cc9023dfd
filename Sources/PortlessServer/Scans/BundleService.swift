import Foundation
import PortlessCore

/// Check bundle versions: pushed by operators (`Portless.PutScanBundle`) or the one the server ships, each
/// stored in the account's scan bucket under its SHA-256, which every scan names.
struct BundleService: Sendable {
    let store: any ScanStore
    let objects: ObjectStore
    /// The bundle shipped with the server, used by an account that has pushed none.
    let builtin: ScanBundle?

    /// Stores a bundle version in `accountId` (pushing one the account has changes nothing).
    func push(_ bundle: ScanBundle, accountId: String, by pushedBy: String, now: Date = Date()) async throws -> BundleRecord {
        if let existing = try await store.bundle(accountId: accountId, sha256: bundle.sha256) { return existing }
        let bucket = ScanLocations.bucket(accountId: accountId)
        try await objects.ensureBucket(bucket, accountId: accountId)
        _ = try await objects.put(bucket: bucket, key: ScanLocations.bundleKey(sha256: bundle.sha256), data: Data(bundle.archive),
                                  accountId: accountId, contentType: "application/gzip")
        let record = BundleRecord(accountId: accountId, sha256: bundle.sha256, checkIds: bundle.checkIds, size: bundle.archive.count,
                                  pushedAt: now.wholeSecond, pushedBy: pushedBy)
        try await store.insertBundle(record)
        return record
    }

    /// The version a scan runs: the one named, else the account's newest, else the shipped bundle.
    func resolve(sha256: String?, accountId: String) async throws -> BundleRecord {
        if let sha256 {
            guard let record = try await store.bundle(accountId: accountId, sha256: sha256.lowercased()) else {
                throw PortlessError(.invalidParameters, "Bundle \(sha256) was not pushed to this account.", field: "BundleSha256")
            }
            return record
        }
        if let newest = try await store.bundles(accountId: accountId).first { return newest }
        guard let builtin else {
            throw PortlessError(.invalidParameters, "No check bundle: push one with `portless scan bundle push DIR`.", field: "BundleSha256")
        }
        return try await push(builtin, accountId: accountId, by: "portless")
    }

    func list(accountId: String) async throws -> [BundleRecord] {
        try await store.bundles(accountId: accountId)
    }
}
