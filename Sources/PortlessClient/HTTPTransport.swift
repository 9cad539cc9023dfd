public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

/// One HTTP exchange over URLSession, for the API client and agent registration.
public enum HTTPTransport {
    public static func send(_ request: URLRequest, session: URLSession = .shared) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw ClientError.transport("No HTTP response from \(request.url?.absoluteString ?? "server").")
        }
        return (data, http)
    }

    /// Decodes an AWS JSON error body (`__type`, `message`) into `ClientError.service`.
    public static func serviceError(data: Data, status: Int) -> ClientError {
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let type = (object?["__type"] as? String).map { $0.split(separator: "#").last.map(String.init) ?? $0 } ?? "HTTP\(status)"
        let message = object?["message"] as? String ?? object?["Message"] as? String ?? String(decoding: data, as: UTF8.self)
        return .service(code: type, message: message, status: status)
    }
}
