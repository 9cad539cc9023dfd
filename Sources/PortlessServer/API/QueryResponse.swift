import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PortlessCore

/// Builds Query-protocol (STS, IAM) XML replies and `<ErrorResponse>` errors.
enum QueryResponse {
    static let contentType = "text/xml"

    /// `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`;
    /// `result` nil means the action has no result element (e.g. `DeleteRole`).
    static func success(action: String, namespace: String, result: [XMLTag]?, requestId: String) -> Response {
        AuditCapture.current?.noteQueryResult(result ?? [])
        var children: [XMLTag] = []
        if let result { children.append(XMLTag("\(action)Result", children: result)) }
        children.append(XMLTag("ResponseMetadata", children: [XMLTag("RequestId", requestId)]))
        let root = XMLTag("\(action)Response", attributes: ["xmlns": namespace], children: children)
        return response(root, status: .ok, requestId: requestId)
    }

    /// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`
    /// with the code's HTTP status; JSON-protocol codes raised by shared code become their Query names.
    /// Unexpected errors become a 500 that reveals nothing (and are logged).
    static func error(_ error: any Error, namespace: String?, requestId: String, logger: Logger) -> Response {
        var failure = APIResponse.failure(from: error, logger: logger)
        failure.code = queryCode(failure.code)
        AuditCapture.current?.noteFailure(code: failure.code.rawValue, message: failure.wireMessage)
        let errorElement = XMLTag("Error", children: [
            XMLTag("Type", failure.code.httpStatus >= 500 ? "Receiver" : "Sender"),
            XMLTag("Code", failure.code.rawValue),
            XMLTag("Message", failure.wireMessage),
        ])
        let root = XMLTag("ErrorResponse", attributes: namespace.map { ["xmlns": $0] } ?? [:],
                          children: [errorElement, XMLTag("RequestId", requestId)])
        return response(root, status: HTTPResponse.Status(code: failure.code.httpStatus), requestId: requestId)
    }

    /// The Query protocol's name for a code that shared code (SigV4, the key resolver) raises in JSON 1.1 terms.
    static func queryCode(_ code: PortlessError.Code) -> PortlessError.Code {
        switch code {
        case .unrecognizedClient: .invalidClientTokenId
        case .invalidSignature: .signatureDoesNotMatch
        case .incompleteSignature: .incompleteSignatureQuery
        case .missingAuthenticationToken: .missingAuthenticationTokenQuery
        case .expiredTokenException: .expiredToken
        case .accessDenied: .accessDeniedQuery
        case .validation, .serialization, .invalidParameters: .validationError
        default: code
        }
    }

    private static func response(_ root: XMLTag, status: HTTPResponse.Status, requestId: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[HTTPField.Name("x-amzn-RequestId")!] = requestId
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: root.document())))
    }
}
