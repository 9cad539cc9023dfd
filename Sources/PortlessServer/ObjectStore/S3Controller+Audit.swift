import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension S3Controller {
    /// Serves the request and records it — presigned uses and their refusals included — before the reply is sent;
    /// when the record cannot be written the caller gets S3's `InternalError` instead.
    func handle(_ request: Request, context: some Hummingbird.RequestContext) async -> Response {
        let capture = AuditCapture()
        var response = await AuditCapture.$current.withValue(capture) { await serve(request, context: context) }
        let requestId = response.headers[S3Headers.requestId] ?? Identifiers.uuid()
        response.headers[S3Headers.requestId] = requestId
        let call = Self.auditCall(request, capture: capture.snapshot, requestId: requestId,
                                  facts: CallFacts(context: context, secureTransport: secureTransport))
        do {
            try await audit.record(call)
            return response
        } catch {
            return S3XML.error(.internalError, resource: request.uri.path, isHead: request.method == .head)
        }
    }

    /// The request as CloudTrail records S3 calls: the event name from the S3 action (`GetObject`, `ListBuckets`),
    /// bucket and key as parameters, whether it was signed in the header or presigned, with SigV4 or S3's legacy SigV2
/// (`additionalEventData`),
    /// object calls as data events.
    static func auditCall(_ request: Request, capture: AuditCapture.State, requestId: String, facts: CallFacts) -> AuditCall {
        let rawQuery = request.uri.query ?? ""
        let target = try? S3Target(path: request.uri.path, query: rawQuery)
        let action = target.flatMap { S3Access.of(request.method, $0) }?.action.replacingOccurrences(of: "s3:", with: "")
        let eventName = action == "ListAllMyBuckets" ? "ListBuckets" : action ?? request.method.rawValue
        let presigned: SigV4PresignedQuery? = try? SigV4PresignedQuery(query: rawQuery)
        let legacy = presigned == nil ? LegacyPresignedQuery(query: rawQuery) : nil
        let accessKeyId = presigned?.accessKeyId ?? legacy?.accessKeyId
            ?? request.headers[.authorization].flatMap { try? SigV4Authorization(header: $0) }?.accessKeyId
        var parameters: [String: JSONValue] = [:]
        for (name, value) in target?.query ?? [:] where !name.lowercased().hasPrefix("x-amz-") && name != "Signature" && name != "AWSAccessKeyId" {
            parameters[name] = .string(value)
        }
        var resources: [AuditResource] = []
        if let bucket = target?.bucket {
            parameters["bucketName"] = .string(bucket)
            resources.append(AuditResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)"))
            if let key = target?.key {
                parameters["key"] = .string(key)
                resources.append(AuditResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(bucket)/\(key)"))
            }
        }
        if let host = request.head.authority { parameters["Host"] = .string(host) }
        let method: JSONValue = .string(presigned != nil || legacy != nil ? "QueryString" : "AuthHeader")
        return AuditCall(eventSource: AuditCall.eventSource(service: "s3"), eventName: eventName,
                         readOnly: request.method == .get || request.method == .head, managementEvent: target?.key == nil,
                         capture: capture, accessKeyId: accessKeyId, sourceIp: facts.sourceIp, userAgent: request.headers[.userAgent],
                         requestParameters: .object(parameters), additionalEventData: .object(["AuthenticationMethod": method, "SignatureVersion": .string(legacy != nil ? "SigV2" : "SigV4")]),
                         resources: resources.isEmpty ? nil : resources, requestId: requestId)
    }
}
