import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// One HTTP exchange through AsyncHTTPClient's shared client, trusting an extra CA bundle when given.
enum HTTPTransport {
    static let maxResponseSize = 64 << 20

    static func send(url: URL, method: String, headers: [(name: String, value: String)], body: [UInt8],
                     caBundle: String?) async throws -> (status: Int, body: Data) {
        var tls: TLSConfiguration?
        if let caBundle {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .file(caBundle)
            tls = configuration
        }
        var request = try HTTPClient.Request(url: url.absoluteString, method: HTTPMethod(rawValue: method),
                                             headers: HTTPHeaders(headers), body: .bytes(body), tlsConfiguration: tls)
        request.headers.replaceOrAdd(name: "content-length", value: String(body.count))
        do {
            let response = try await HTTPClient.shared.execute(request: request, deadline: .now() + .seconds(60)).get()
            let data = response.body.map { Data($0.readableBytesView) } ?? Data()
            guard data.count <= maxResponseSize else { throw ClientError.transport("The reply from \(url) is too large.") }
            return (Int(response.status.code), data)
        } catch let error as ClientError {
            throw error
        } catch {
            throw ClientError.transport("Could not reach \(url.absoluteString): \(error)")
        }
    }

    /// Decodes an AWS JSON error body (`__type`, `message`) into `ClientError.service`.
    static func serviceError(data: Data, status: Int) -> ClientError {
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let type = (object?["__type"] as? String).map { $0.split(separator: "#").last.map(String.init) ?? $0 } ?? "HTTP\(status)"
        let message = object?["message"] as? String ?? object?["Message"] as? String ?? String(decoding: data, as: UTF8.self)
        return .service(code: type, message: message, status: status)
    }
}
