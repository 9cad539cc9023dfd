import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PortlessCore

/// Writes S3's XML replies and errors, and reads the few XML bodies S3 requests carry.
enum S3XML {
    static let namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    static func escape(_ text: String) -> String { XMLTag.escape(text) }

    /// `<name>escaped value</name>`.
    static func element(_ name: String, _ value: String) -> String {
        "<\(name)>\(escape(value))</\(name)>"
    }

    /// A whole document with S3's namespace on the root element.
    static func document(_ root: String, _ inner: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root) xmlns=\"\(namespace)\">\(inner)</\(root)>"
    }

    static func response(_ xml: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/xml"
        headers[S3Headers.requestId] = Identifiers.uuid()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    /// S3's `<Error>` reply; HEAD requests get the status only.
    static func error(_ error: S3Error, resource: String, isHead: Bool) -> Response {
        let requestId = Identifiers.uuid()
        var headers = HTTPFields()
        headers[S3Headers.requestId] = requestId
        if isHead {
            headers[.contentLength] = "0"
            return Response(status: .init(code: error.status), headers: headers)
        }
        var inner = element("Code", error.code) + element("Message", error.message)
        for (name, value) in error.details.sorted(by: { $0.key < $1.key }) { inner += element(name, value) }
        inner += element("Resource", resource) + element("RequestId", requestId)
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\(inner)</Error>"
        headers[.contentType] = "application/xml"
        return Response(status: .init(code: error.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    /// `2026-11-22T10:11:12.000Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// `Sun, 22 Nov 2026 10:11:12 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    // MARK: Reading

    /// The inner text of every `<name>…</name>` in `xml`, in order (not nested in one another).
    static func elements(_ name: String, in xml: Substring) -> [Substring] {
        var results: [Substring] = []
        var rest = xml[...]
        let open = "<\(name)>", close = "</\(name)>"
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else { break }
            results.append(rest[start.upperBound..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return results
    }

    /// The unescaped text of the first `<name>` in `xml`.
    static func value(_ name: String, in xml: Substring) -> String? {
        elements(name, in: xml).first.map { unescape(String($0)) }
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        out += rest
        return out
    }

    /// Whether `body` looks like a well-formed document whose root is `root`.
    static func hasRoot(_ root: String, _ body: String) -> Bool {
        var text = Substring(body.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = text[end.upperBound...].drop(while: \.isWhitespace) }
        return (text.hasPrefix("<\(root)>") || text.hasPrefix("<\(root) ")) && text.hasSuffix("</\(root)>")
    }
}
