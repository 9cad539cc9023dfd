import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PortlessClient
import PortlessCore

/// Signed S3 requests to the server child: SigV4 in headers (Core's `SigV4Signer`), presigned URLs
/// (Core's `S3Presigner`), over AsyncHTTPClient. Large transfers use `HTTPClient.shared`;
/// small ones a client of its own that allows `connections` HTTP/1.1 connections to the server
/// (the shared client allows 8 per host), so that N concurrent clients really are N connections.
final class S3BenchClient: Sendable {
    let endpoint: URL
    let host: String
    let signer: SigV4Signer
    let presigner: S3Presigner
    let small: HTTPClient

    init(server: ServerChild, connections: Int) throws {
        let configuration = server.client.configuration
        guard let endpoint = URL(string: server.url), let hostName = endpoint.host, let port = endpoint.port else {
            throw BenchError("unusable server URL \(server.url)")
        }
        self.endpoint = endpoint
        host = "\(hostName):\(port)"
        let credentials = configuration.credentials
        signer = SigV4Signer(accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                             sessionToken: credentials.sessionToken, region: configuration.region, service: "s3")
        presigner = S3Presigner(endpoint: endpoint, accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                                sessionToken: credentials.sessionToken, region: configuration.region)
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        clientConfiguration.timeout.connect = .seconds(10)
        small = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: clientConfiguration)
    }

    func shutdown() async {
        try? await small.shutdown()
    }

    func path(_ bucket: String, _ key: String? = nil) -> String {
        key.map { "/\(bucket)/" + SigV4URIEncoding.encode($0, keepSlash: true) } ?? "/\(bucket)"
    }

    /// The headers of a header-signed request; `payloadHash` nil means the SHA-256 of `body`.
    func signedHeaders(method: String, path: String, body: [UInt8], payloadHash: String? = nil) -> HTTPHeaders {
        var headers: [(name: String, value: String)] = [("host", host)]
        if let payloadHash { headers.append(("x-amz-content-sha256", payloadHash)) }
        headers += signer.sign(method: method, path: path, query: "", headers: headers, body: body, date: Date())
        return HTTPHeaders(headers)
    }

    /// CreateBucket (an existing bucket of this account is fine).
    func createBucket(_ bucket: String) async throws {
        var request = HTTPClientRequest(url: endpoint.absoluteString + path(bucket))
        request.method = .PUT
        request.headers = signedHeaders(method: "PUT", path: path(bucket), body: [])
        request.body = .bytes(ByteBuffer())
        let response = try await small.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok || response.status == .conflict else {
            throw BenchError("CreateBucket \(bucket): \(response.status) \(String(buffer: body))")
        }
    }

    /// One small PUT signed in headers (payload hash signed); throws unless 200.
    func putSmall(bucket: String, key: String, body: [UInt8]) async throws {
        let path = path(bucket, key)
        var request = HTTPClientRequest(url: endpoint.absoluteString + path)
        request.method = .PUT
        request.headers = signedHeaders(method: "PUT", path: path, body: body)
        request.body = .bytes(body)
        try await expectOK(request, what: "PUT \(key)")
    }

    /// One small GET signed in headers; returns the body.
    func getSmall(bucket: String, key: String, limit: Int) async throws -> ByteBuffer {
        let path = path(bucket, key)
        var request = HTTPClientRequest(url: endpoint.absoluteString + path)
        request.method = .GET
        request.headers = signedHeaders(method: "GET", path: path, body: [])
        return try await expectOK(request, what: "GET \(key)", limit: limit)
    }

    /// One PUT to a presigned URL, no credentials.
    func putPresigned(url: URL, body: [UInt8]) async throws {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .PUT
        request.body = .bytes(body)
        try await expectOK(request, what: "presigned PUT \(url.path)")
    }

    @discardableResult
    private func expectOK(_ request: HTTPClientRequest, what: String, limit: Int = 1 << 20) async throws -> ByteBuffer {
        let response = try await small.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: limit)
        guard response.status == .ok else {
            throw BenchError("\(what): \(response.status) \(String(buffer: body).prefix(300))")
        }
        return body
    }
}
