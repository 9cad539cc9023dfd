import Foundation
import PortlessCore
import NIOCore
import PortlessClient

/// `count` small objects through the object store from `clients` concurrent connections: PUT and GET
/// signed in headers (payload hash signed), then presigned PUTs with no credentials (the URLs are
/// made before the clock starts, as a server handing them to nodes would). Beside them: writing and
/// reading back the same number of files of the same size directly on disk, one after another.
struct SmallObjectMeasurement: Sendable {
    let server: ServerChild
    let client: S3BenchClient
    let directory: URL
    let count: Int
    let size: Int
    let clients: Int
    let timeout: Double

    static let bucket = "bench-small"
    /// Presigned uploads go to a bucket of their own, so they do not start with the signed PUTs' objects in it.
    static let presignedBucket = "bench-presigned"

    static func fileName(_ index: Int) -> String { String(format: "%05d", index) }

    func body(_ index: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 | 1
        for position in bytes.indices {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            bytes[position] = UInt8(truncatingIfNeeded: state)
        }
        return bytes
    }

    func run() async throws -> [S3PhaseResult] {
        let files = directory.appendingPathComponent("small-files")
        defer { try? FileManager.default.removeItem(at: files) }
        let diskWrite = try DiskBaseline.writeSmallFiles(in: files, count: count, body: body)
        let diskRead = try DiskBaseline.readSmallFiles(in: files, count: count, size: size)
        log(String(format: "disk: %d files written in %.2f s, read in %.2f s", count, diskWrite, diskRead))
        try await client.createBucket(Self.bucket)
        try await client.createBucket(Self.presignedBucket)
        let bodies = (0..<count).map(body)
        let writeName = "create+write+close, one at a time"

        var span = try ServerSpan.begin(pid: server.pid)
        let (putSeconds, putLatency) = try await concurrently("PUT") { index in
            try await client.putSmall(bucket: Self.bucket, key: "signed/" + Self.fileName(index), body: bodies[index])
        }
        let putUsage = try span.end()

        span = try ServerSpan.begin(pid: server.pid)
        let (getSeconds, getLatency) = try await concurrently("GET") { index in
            let got = try await client.getSmall(bucket: Self.bucket, key: "signed/" + Self.fileName(index), limit: size + 1)
            guard got.readableBytesView.elementsEqual(bodies[index]) else { throw BenchError("GET \(index): wrong body") }
        }
        let getUsage = try span.end()

        let presignStart = ContinuousClock.now
        let urls = try (0..<count).map { try client.presigner.upload(bucket: Self.presignedBucket, key: "presigned/" + Self.fileName($0)) }
        log(String(format: "%d upload URLs presigned in %.2f s (not timed below)", count, (ContinuousClock.now - presignStart).seconds))
        span = try ServerSpan.begin(pid: server.pid)
        let (presignedSeconds, presignedLatency) = try await concurrently("presigned PUT") { index in
            try await client.putPresigned(url: urls[index], body: bodies[index])
        }
        let presignedUsage = try span.end()
        for index in [0, count / 2, count - 1] {
            let got = try await client.getSmall(bucket: Self.presignedBucket, key: "presigned/" + Self.fileName(index), limit: size + 1)
            guard got.readableBytesView.elementsEqual(bodies[index]) else { throw BenchError("presigned object \(index): wrong body") }
        }

        let label = "\(count) × \(size) B"
        let from = "\(clients) clients"
        return [
            S3PhaseResult(name: "\(label) PUT, SigV4 header, \(from)", seconds: putSeconds, bytes: count * size, operations: count,
                          baselineSeconds: diskWrite, baselineName: writeName, latencyMs: putLatency, usage: putUsage, date: Date()),
            S3PhaseResult(name: "\(label) GET, SigV4 header, \(from)", seconds: getSeconds, bytes: count * size, operations: count,
                          baselineSeconds: diskRead, baselineName: "open+read+close, one at a time", latencyMs: getLatency,
                          usage: getUsage, date: Date()),
            S3PhaseResult(name: "\(label) presigned PUT, no credentials, \(from)", seconds: presignedSeconds, bytes: count * size,
                          operations: count, baselineSeconds: diskWrite, baselineName: writeName, latencyMs: presignedLatency,
                          usage: presignedUsage, date: Date()),
        ]
    }

    /// Runs `operation` for every index from `clients` workers; the wall time and per-request latencies.
    private func concurrently(_ what: String, _ operation: @escaping @Sendable (Int) async throws -> Void) async throws -> (Double, LatencySummary) {
        let next = IndexDispenser()
        let total = count
        let progress = Progress(label: what, total: count)
        let deadline = ContinuousClock.now + .seconds(timeout)
        let start = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var mine: [Double] = []
                    while true {
                        let index = next.take()
                        guard index < total else { break }
                        guard ContinuousClock.now < deadline else { throw BenchError("\(what): not done within \(timeout) s") }
                        let began = ContinuousClock.now
                        try await operation(index)
                        mine.append((ContinuousClock.now - began).seconds * 1000)
                        progress.advance()
                    }
                    return mine
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        return ((ContinuousClock.now - start).seconds, LatencySummary(milliseconds: latencies))
    }
}
