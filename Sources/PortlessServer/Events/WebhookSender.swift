import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PortlessCore

/// POSTs a target's input to its webhook URL, EventBridge API-destination style: JSON body, the target's
/// `HttpParameters` headers and query string, a 5-second timeout; any answer but 2xx is a failure.
struct WebhookSender: Sendable {
    static let timeout = TimeAmount.seconds(5)
    let client: HTTPClient

    func post(_ input: String, to url: URL, parameters: EventTarget.HttpParameters?) async throws {
        var address = url.absoluteString
        if let query = parameters?.queryStringParameters, !query.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) {
            let added = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            components.queryItems = (components.queryItems ?? []) + added
            address = components.string ?? address
        }
        var request = HTTPClientRequest(url: address)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Portless-EventBridge")
        for (name, value) in parameters?.headerParameters ?? [:] { request.headers.replaceOrAdd(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: input))
        let response = try await client.execute(request, timeout: Self.timeout)
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            throw EventTargetRefusal("The webhook answered HTTP \(response.status.code).")
        }
    }
}
