public import Foundation
public import PortlessCore

/// A SigV4-signed client for the AWS JSON 1.1 APIs (`AmazonSSM.*`, `Portless.*`, `Logs_20140328.*`, ...).
public struct SSMClient: Sendable {
    public let configuration: ClientConfiguration

    public init(configuration: ClientConfiguration) { self.configuration = configuration }

    /// Calls `target` (e.g. `AmazonSSM.SendCommand`) with a JSON body, signed for `service`, and returns the JSON reply.
    public func call(_ target: String, _ input: JSONValue = .object([:]), service: String = "ssm") async throws -> JSONValue {
        let body = Array(try WireCoding.encoder().encode(input))
        let host = Self.hostHeader(configuration.endpoint)
        var headers: [(name: String, value: String)] = [
            ("host", host), ("content-type", "application/x-amz-json-1.1"), ("x-amz-target", target),
        ]
        let signer = SigV4Signer(accessKeyId: configuration.credentials.accessKeyId,
                                 secretAccessKey: configuration.credentials.secretAccessKey,
                                 sessionToken: configuration.credentials.sessionToken,
                                 region: configuration.region, service: service)
        headers += signer.sign(method: "POST", path: "/", query: "", headers: headers, body: body, date: Date())
        let (status, data) = try await HTTPTransport.send(url: configuration.endpoint, method: "POST", headers: headers,
                                                          body: body, caBundle: configuration.caBundle)
        guard status == 200 else { throw HTTPTransport.serviceError(data: data, status: status) }
        return try WireCoding.decoder().decode(JSONValue.self, from: data)
    }

    /// `host[:port]` as it goes in the Host header.
    static func hostHeader(_ url: URL) -> String {
        let host = url.host ?? "localhost"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return url.port.map { "\(bracketed):\($0)" } ?? bracketed
    }
}
