import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PortlessCore

/// Builds AWS JSON 1.1 replies and AWS-shaped error replies.
enum APIResponse {
    static let contentType = "application/x-amz-json-1.1"

    static func json<T: Encodable>(_ value: T) throws -> Response {
        json(data: try WireCoding.encoder().encode(value))
    }

    static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[HTTPField.Name("x-amzn-RequestId")!] = Identifiers.uuid()
        if status == .ok { AuditCapture.current?.noteReply(data) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"__type": code, "message": ...}` with the code's HTTP status and the error's wire message (AWS's text
    /// as is); unexpected errors become a 500 that reveals nothing.
    static func error(_ error: any Error, logger: Logger) -> Response {
        let failure = Self.failure(from: error, logger: logger)
        AuditCapture.current?.noteFailure(code: failure.code.rawValue, message: failure.wireMessage)
        let body: [String: String] = ["__type": failure.code.rawValue, "message": failure.wireMessage]
        let data = (try? WireCoding.encoder().encode(body)) ?? Data()
        return json(data: data, status: HTTPResponse.Status(code: failure.code.httpStatus))
    }

    /// Any error as a `PortlessError`: an unexpected one is logged and becomes an
    /// `InternalServerError` that reveals nothing.
    static func failure(from error: any Error, logger: Logger) -> PortlessError {
        switch error {
        case let error as PortlessError:
            return error
        case let error as HTTPError where error.status == .contentTooLarge:
            return PortlessError(.requestTooLarge, "The request body is larger than this operation accepts.")
        default:
            logger.error("request failed", metadata: ["error": "\(error)"])
            return PortlessError(.internalServerError, "The server could not complete the request.")
        }
    }

    /// Reads the whole body, refusing more than `limit` bytes.
    static func collect(_ request: inout Request, upTo limit: Int) async throws -> Data {
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw PortlessError(.requestTooLarge, "The request body is larger than \(limit) bytes.")
        } catch is NIOTooManyBytesError {
            throw PortlessError(.requestTooLarge, "The request body is larger than \(limit) bytes.")
        }
    }
}
