import AsyncHTTPClient
import Foundation
import Glibc
import NIOCore
import NIOHTTP1
import Synchronization

/// One large object through the object store: a single PUT streamed from a file
/// (`x-amz-content-sha256: UNSIGNED-PAYLOAD`) and a GET streamed to a file (AsyncHTTPClient's
/// `FileDownloadDelegate`), both over `HTTPClient.shared`, each beside a plain read/write copy of
/// the same file. Each is run `rounds` times; the fastest round of each counts.
struct LargeObjectMeasurement: Sendable {
    let server: ServerChild
    let client: S3BenchClient
    let directory: URL
    let size: Int
    let rounds: Int
    let timeout: Double

    static let bucket = "bench-large"
    static let key = "large/object.bin"

    func run() async throws -> [S3PhaseResult] {
        let source = directory.appendingPathComponent("source.bin").path
        let copy = directory.appendingPathComponent("disk-copy.bin").path
        let download = directory.appendingPathComponent("download.bin").path
        defer {
            for path in [source, copy, download] { try? FileManager.default.removeItem(atPath: path) }
        }
        log("writing a \(size >> 20) MiB source file")
        try DiskBaseline.makeFile(at: source, size: size)
        try await client.createBucket(Self.bucket)

        var diskBest = Double.infinity
        var put: (seconds: Double, usage: ServerUsage)?
        var get: (seconds: Double, usage: ServerUsage)?
        for round in 1...rounds {
            // Each timed phase starts with no dirty pages left by the one before (sync(2)), so that
            // none of them is throttled by another's writeback.
            sync()
            let disk = try DiskBaseline.copy(from: source, to: copy)
            try FileManager.default.removeItem(atPath: copy)
            diskBest = min(diskBest, disk)

            sync()
            var span = try ServerSpan.begin(pid: server.pid)
            let putSeconds = try await putObject(from: source)
            let putUsage = try span.end()
            if putSeconds < put?.seconds ?? .infinity { put = (putSeconds, putUsage) }

            sync()
            span = try ServerSpan.begin(pid: server.pid)
            let getSeconds = try await getObject(to: download)
            let getUsage = try span.end()
            if getSeconds < get?.seconds ?? .infinity { get = (getSeconds, getUsage) }
            if round == 1 {
                guard try DiskBaseline.same(source, download) else { throw BenchError("the downloaded object differs from the uploaded file") }
            }
            try FileManager.default.removeItem(atPath: download)
            log(String(format: "round %d: disk copy %.2f s, PUT %.2f s (%.0f %% of the disk copy), GET %.2f s", round, disk, putSeconds,
                       disk / putSeconds * 100, getSeconds))
        }
        guard let put, let get else { throw BenchError("no rounds ran") }
        let mib = size >> 20
        let baseline = "read/write 1 MiB chunks, no fsync"
        return [
            S3PhaseResult(name: "\(mib) MiB PUT, UNSIGNED-PAYLOAD, streamed from a file", seconds: put.seconds, bytes: size, operations: 1,
                          baselineSeconds: diskBest, baselineName: baseline, latencyMs: nil, usage: put.usage, date: Date()),
            S3PhaseResult(name: "\(mib) MiB GET, streamed to a file", seconds: get.seconds, bytes: size, operations: 1,
                          baselineSeconds: diskBest, baselineName: baseline, latencyMs: nil, usage: get.usage, date: Date()),
        ]
    }

    /// A single PUT of the file, body streamed in 1 MiB chunks; the seconds until the server's 200.
    private func putObject(from source: String) async throws -> Double {
        let path = client.path(Self.bucket, Self.key)
        var request = HTTPClientRequest(url: client.endpoint.absoluteString + path)
        request.method = .PUT
        request.headers = client.signedHeaders(method: "PUT", path: path, body: [], payloadHash: "UNSIGNED-PAYLOAD")
        request.body = .stream(FileChunks(path: source, chunkSize: 1 << 20), length: .known(Int64(size)))
        let start = ContinuousClock.now
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(timeout)))
        let body = try await response.body.collect(upTo: 1 << 20)
        let seconds = (ContinuousClock.now - start).seconds
        guard response.status == .ok else { throw BenchError("large PUT: \(response.status) \(String(buffer: body).prefix(300))") }
        return seconds
    }

    /// A GET of the object into `destination` through a streaming response delegate; the seconds until
    /// the last byte is written.
    private func getObject(to destination: String) async throws -> Double {
        let path = client.path(Self.bucket, Self.key)
        let status = Mutex<UInt>(0)
        let delegate = try FileDownloadDelegate(path: destination, reportHead: { _, head in
            status.withLock { $0 = head.status.code }
        })
        let request = try HTTPClient.Request(url: client.endpoint.absoluteString + path, method: .GET,
                                             headers: client.signedHeaders(method: "GET", path: path, body: []))
        let start = ContinuousClock.now
        let progress = try await HTTPClient.shared.execute(request: request, delegate: delegate,
                                                           deadline: .now() + .seconds(Int64(timeout))).get()
        let seconds = (ContinuousClock.now - start).seconds
        let code = status.withLock { $0 }
        guard code == 200 else { throw BenchError("large GET: HTTP \(code)") }
        guard progress.receivedBytes == size else { throw BenchError("large GET: \(progress.receivedBytes) of \(size) bytes") }
        return seconds
    }
}
