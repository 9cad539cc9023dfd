public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import PortlessCore

/// A SigV4-signed client for the AWS JSON 1.1 API (`AmazonSSM.*`, `Portless.*`).
public struct SSMClient: Sendable {
    public let configuration: ClientConfiguration

    public init(configuration: ClientConfiguration) { self.configuration = configuration }

    /// Calls `target` (e.g. `AmazonSSM.SendCommand`) with a JSON body and returns the JSON reply.
    public func call(_ target: String, _ input: JSONValue = .object([:])) async throws -> JSONValue {
        let body = Array(try WireCoding.encoder().encode(input))
        var request = URLRequest(url: configuration.endpoint)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.timeoutInterval = 60
        let host = Self.hostHeader(configuration.endpoint)
        var headers: [(name: String, value: String)] = [
            ("host", host), ("content-type", "application/x-amz-json-1.1"), ("x-amz-target", target),
        ]
        let signer = SigV4Signer(accessKeyId: configuration.credentials.accessKeyId,
                                 secretAccessKey: configuration.credentials.secretAccessKey,
                                 sessionToken: configuration.credentials.sessionToken,
                                 region: configuration.region, service: "ssm")
        headers += signer.sign(method: "POST", path: "/", query: "", headers: headers, body: body, date: Date())
        for (name, value) in headers where name != "host" { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await HTTPTransport.send(request)
        guard response.statusCode == 200 else { throw HTTPTransport.serviceError(data: data, status: response.statusCode) }
        return try WireCoding.decoder().decode(JSONValue.self, from: data)
    }

    /// `host[:port]` as it goes in the Host header.
    static func hostHeader(_ url: URL) -> String {
        let host = url.host ?? "localhost"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return url.port.map { "\(bracketed):\($0)" } ?? bracketed
    }
}
