import Foundation
import PortlessCore

/// The gate of scan result uploads and the reader of what arrives.
///
/// An upload to a result key is admitted only from the account's scan uploader (the signer of the
/// presigned URLs), only for a node of that scan still waiting for its result, only within the scan's
/// window and under the size limit — once: a second upload to the same key is refused. Everything
/// refused is recorded with the scan. A stored result is trusted only if it is what the bundle writes,
/// for the scan, node and bundle its key names; otherwise the node is recorded as malformed, with why.
struct ScanResultIngest: Sendable {
    static let maximumResultSize = 8 << 20

    let store: any Store & ScanStore
    let objects: ObjectStore

    /// Decides a write to a scan bucket before anything is stored; throws the S3 error to send (the
    /// object store records it with the scan through `refuse`).
    func admit(bucket: String, key: String, principal: Principal, size: Int?, now: Date = Date()) async throws {
        guard let target = ScanLocations.result(key: key), ScanUploadSigner.isUploader(principal),
              principal.accountId == ScanLocations.accountId(ofBucket: bucket) else {
            throw S3Error.accessDenied("Only a scan's presigned result URLs may write to \(bucket).")
        }
        guard let scan = try await store.scan(id: target.scanId), scan.accountId == principal.accountId,
              let node = try await store.scanNode(scanId: target.scanId, nodeId: target.nodeId),
              node.accountId == target.accountId else {
            throw S3Error.accessDenied("The key names no node of a scan of this account.")
        }
        guard now <= scan.windowEndsAt, !scan.status.isTerminal else {
            throw S3Error.accessDenied("The upload came after the scan's window closed.")
        }
        guard node.state == .pending else {
            throw S3Error.accessDenied("A result for \(target.nodeId) was already received; the URL is used up.")
        }
        if let size, size > Self.maximumResultSize {
            let reason = "The result is \(size) bytes, over the limit of \(Self.maximumResultSize)."
            _ = try await store.settleScanNode(scanId: target.scanId, outcome: NodeScanOutcome(
                nodeId: node.nodeId, accountId: node.accountId, hostname: node.hostname, state: .malformed, reason: reason, scannedAt: now.wholeSecond))
            throw S3Error("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size")
        }
    }

    /// Records a refused write to a result key with its scan (a key that names no scan is only logged by the caller).
    func refuse(bucket: String, key: String, reason: String, now: Date = Date()) async {
        guard let target = ScanLocations.result(key: key) else { return }
        let refusal = ScanUploadRefusal(key: key, nodeId: target.nodeId, reason: reason, at: now.wholeSecond)
        _ = try? await store.modifyScan(id: target.scanId) { scan in
            guard ScanLocations.bucket(accountId: scan.accountId) == bucket else { return }
            scan.record(refusal)
        }
    }

    /// Reads a stored result: the node's outcome, scanned or malformed.
    func read(bucket: String, key: String) async throws -> (scanId: String, outcome: NodeScanOutcome)? {
        guard let target = ScanLocations.result(key: key), let scan = try await store.scan(id: target.scanId),
              let node = try await store.scanNode(scanId: target.scanId, nodeId: target.nodeId) else { return nil }
        var outcome = NodeScanOutcome(nodeId: node.nodeId, accountId: node.accountId, hostname: node.hostname, state: .malformed,
                                      scannedAt: Date().wholeSecond)
        do {
            guard let data = try await objects.contents(bucket: bucket, key: key, limit: Self.maximumResultSize) else {
                throw Untrusted("The result is larger than \(Self.maximumResultSize) bytes.")
            }
            let file = try ScanResultFile(data: data)
            let header = file.header
            guard header.scanId == target.scanId else { throw Untrusted("The result names scan \(header.scanId), not \(target.scanId).") }
            guard header.nodeId == target.nodeId, header.accountId == target.accountId else {
                throw Untrusted("The result claims node \(header.nodeId) of \(header.accountId) but was uploaded for \(target.nodeId) of \(target.accountId).")
            }
            guard header.bundleSha256 == scan.bundleSha256 else {
                throw Untrusted("The result was made by bundle \(header.bundleSha256), not the scan's \(scan.bundleSha256).")
            }
            outcome.state = .scanned
            outcome.results = file.results
            outcome.hostname = header.hostname
        } catch let error as ScanResultError {
            outcome.reason = "The result is not what the bundle writes: \(error)."
        } catch let error as Untrusted {
            outcome.reason = error.message
        } catch {
            outcome.reason = "The result could not be read: \(error)"
        }
        if let reason = outcome.reason { await refuse(bucket: bucket, key: key, reason: "Malformed result: \(reason)") }
        return (target.scanId, outcome)
    }

    /// Why a well-formed result is still not trusted (it names another scan, node or bundle).
    struct Untrusted: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
