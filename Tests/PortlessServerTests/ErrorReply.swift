import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// The code, HTTP status and message of an error reply, from any of the wire shapes: JSON 1.1
/// (`__type`, `message`), Query `<ErrorResponse>` and S3 `<Error>` XML.
struct ErrorReply: Sendable, Equatable, CustomStringConvertible {
    var status: Int
    var code: String
    var message: String

    init(_ response: TestResponse) {
        let text = String(buffer: response.body)
        status = response.status.code
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            code = object["__type"] as? String ?? ""
            message = object["message"] as? String ?? ""
        } else {
            code = Self.element("Code", in: text)
            message = Self.element("Message", in: text)
        }
    }

    var description: String { "\(status) \(code): \(message)" }

    /// The text of the first `<name>` element, with XML's five entities decoded.
    private static func element(_ name: String, in xml: String) -> String {
        guard let start = xml.range(of: "<\(name)>"), let end = xml.range(of: "</\(name)>", range: start.upperBound..<xml.endIndex) else {
            return ""
        }
        return String(xml[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
