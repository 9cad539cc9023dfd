public import Foundation
public import PortlessCore

/// A SigV4-signed client for the AWS Query protocol (IAM, STS): form parameters in, XML out.
public struct QueryClient: Sendable {
    public let configuration: ClientConfiguration
    /// The signing service (`iam` or `sts`) and the API version its actions belong to.
    public let service: String
    public let version: String

    public init(configuration: ClientConfiguration, service: String, version: String) {
        self.configuration = configuration
        self.service = service
        self.version = version
    }

    /// Calls `action` with `parameters` and returns the XML reply; an `ErrorResponse` becomes `ClientError.service`.
    public func call(_ action: String, _ parameters: [(String, String)] = []) async throws -> XMLReply {
        let form = ([("Action", action), ("Version", version)] + parameters)
            .map { "\(SigV4URIEncoding.encode($0.0, keepSlash: false))=\(SigV4URIEncoding.encode($0.1, keepSlash: false))" }
            .joined(separator: "&")
        let body = Array(form.utf8)
        var headers: [(name: String, value: String)] = [
            ("host", SSMClient.hostHeader(configuration.endpoint)), ("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
        ]
        let signer = SigV4Signer(accessKeyId: configuration.credentials.accessKeyId,
                                 secretAccessKey: configuration.credentials.secretAccessKey,
                                 sessionToken: configuration.credentials.sessionToken, region: configuration.region, service: service)
        headers += signer.sign(method: "POST", path: "/", query: "", headers: headers, body: body, date: Date())
        let (status, data) = try await HTTPTransport.send(url: configuration.endpoint, method: "POST", headers: headers,
                                                          body: body, caBundle: configuration.caBundle)
        let reply = XMLReply(String(decoding: data, as: UTF8.self))
        guard status == 200 else {
            throw ClientError.service(code: reply.first("Code") ?? "HTTP\(status)", message: reply.first("Message") ?? reply.text, status: status)
        }
        return reply
    }
}

/// Just enough of an XML reply to read Query-protocol results: the text of elements by name, and the
/// `<member>` blocks of a list.
public struct XMLReply: Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The unescaped text of the first `<name>` element.
    public func first(_ name: String) -> String? { elements(name).first.map { Self.unescape($0.text) } }

    /// Every `<name>…</name>` element, outermost first (elements of the same name are not nested in Query replies).
    public func elements(_ name: String) -> [XMLReply] {
        var result: [XMLReply] = []
        var rest = text[...]
        while let open = rest.range(of: "<\(name)>"), let close = rest[open.upperBound...].range(of: "</\(name)>") {
            result.append(XMLReply(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// The `<member>` elements directly inside the first `<name>` element.
    public func members(of name: String) -> [XMLReply] {
        guard let list = elements(name).first else { return [] }
        var result: [XMLReply] = []
        var depth = 0
        var start: String.Index?
        var index = list.text.startIndex
        while index < list.text.endIndex {
            let rest = list.text[index...]
            if rest.hasPrefix("<member>") {
                if depth == 0 { start = list.text.index(index, offsetBy: 8) }
                depth += 1
                index = list.text.index(index, offsetBy: 8)
            } else if rest.hasPrefix("</member>") {
                depth -= 1
                if depth == 0, let begin = start { result.append(XMLReply(String(list.text[begin..<index]))) }
                index = list.text.index(index, offsetBy: 9)
            } else {
                index = list.text.index(after: index)
            }
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
