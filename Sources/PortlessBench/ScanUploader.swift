import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PortlessCore

/// What a simulated agent does with a scan order: uploads a result file for its node through the order's
/// presigned URL, as the scan document's last step does with curl, over up to `connections` connections.
final class ScanUploader: Sendable {
    let client: HTTPClient
    let checks: [CheckResult]
    let tracker: ScanUploadTracker

    init(connections: Int, tracker: ScanUploadTracker) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        // Uploads queue for the shared connections; the wait for one counts against the connect timeout.
        configuration.timeout.connect = .seconds(120)
        client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        checks = ScanResultFixture.checks()
        self.tracker = tracker
    }

    /// Uploads node `index`'s result (`instanceId`) to the order's URL; true when the server took it.
    func upload(_ order: InvocationOrder, instanceId: String, index: Int) async -> Bool {
        guard let url = order.environment["SSM_uploadUrl"], let scanId = order.environment["SSM_scanId"],
              let sha = order.environment["SSM_bundleSha256"], let accountId = order.environment["SSM_accountId"] else {
            tracker.failed("node \(index): scan order without upload URL")
            return false
        }
        let body = ScanResultFixture.file(scanId: scanId, nodeId: instanceId, accountId: accountId, bundleSha256: sha, hostname: "bench-\(index)",
                                          checks: checks, variant: index)
        var request = HTTPClientRequest(url: url)
        request.method = .PUT
        request.headers.add(name: "Content-Length", value: String(body.count))
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .seconds(60))
            _ = try await response.body.collect(upTo: 1 << 16)
            guard response.status == .ok else {
                tracker.failed("node \(index): upload answered \(response.status.code)")
                return false
            }
            tracker.uploaded(at: ContinuousClock.now)
            return true
        } catch {
            tracker.failed("node \(index): upload failed: \(error)")
            return false
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}
