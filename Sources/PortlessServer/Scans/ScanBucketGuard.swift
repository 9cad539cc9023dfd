import Logging
import PortlessCore

/// Puts the scan service in front of writes to the scan buckets.
struct ScanBucketGuard: ObjectWriteGuard {
    let scans: ScanService
    let logger: Logger

    func guards(bucket: String) -> Bool { ScanLocations.isScanBucket(bucket) }

    func admit(bucket: String, key: String, principal: Principal, size: Int?) async throws {
        try await scans.results.admit(bucket: bucket, key: key, principal: principal, size: size)
    }

    func stored(bucket: String, key: String) async {
        do {
            try await scans.resultStored(bucket: bucket, key: key)
        } catch {
            logger.error("scan result could not be recorded", metadata: ["portless.key": "\(key)", "error": "\(error)"])
        }
    }

    func refused(bucket: String, key: String, reason: String) async {
        logger.info("scan upload refused", metadata: ["portless.key": "\(key)", "portless.reason": "\(reason)"])
        await scans.results.refuse(bucket: bucket, key: key, reason: reason)
    }
}
