public import Foundation
public import PortlessClient
public import PortlessCore

/// A real `portless server` process on loopback, with a signed client for its root account.
public struct TestServer: Sendable {
    public let url: String
    public let dataDirectory: URL
    public let process: TestProcess
    public let client: SSMClient
    /// The CA fingerprint when started with `--tls auto`.
    public let fingerprint: String?

    /// Calls an `AmazonSSM.` operation.
    public func ssm(_ operation: String, _ input: [String: JSONValue] = [:]) async throws -> JSONValue {
        try await client.call("AmazonSSM.\(operation)", .object(input))
    }
}

/// Starts a server in a fresh temporary data directory, runs `body`, and stops it.
public func withServer<T>(tls: Bool = false, _ body: (TestServer) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portless-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var arguments = ["server", "--data-dir", directory.appendingPathComponent("data").path, "--listen", "127.0.0.1:0"]
    if tls { arguments += ["--tls", "auto"] }
    let process = try TestProcess(executable: try PortlessBinary.path(), arguments: arguments,
                                  stderrFile: directory.appendingPathComponent("server.log"))
    do {
        let line = try await process.waitForLine(containing: "listening on ")
        let url = String(line[line.range(of: "listening on ")!.upperBound...])
        let fingerprint = process.lines.first { $0.hasPrefix("TLS CA fingerprint: ") }
            .flatMap { $0.split(separator: " ").first { $0.hasPrefix("sha256:") } }.map(String.init)
        let caBundle = tls ? directory.appendingPathComponent("data/tls/ca.pem").path : nil
        let configuration = try ClientConfiguration.resolve(endpoint: url, caBundle: caBundle, environment: [
            "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("data/credentials").path,
            "AWS_DEFAULT_REGION": "us-east-1",
        ])
        let server = TestServer(url: url, dataDirectory: directory, process: process,
                                client: SSMClient(configuration: configuration), fingerprint: fingerprint)
        let result = try await body(server)
        await process.stop()
        return result
    } catch {
        await process.stop()
        throw error
    }
}
