import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension APIController {
    /// Signing names of the JSON 1.1 services by target prefix, for a request whose `Authorization` header
    /// does not name one (an unsigned or malformed request).
    static let auditServices = ["AmazonSSM": "ssm", "AWSOrganizationsV20161128": "organizations", "TrentService": "kms", "AWSEvents": "events",
                                "Logs_20140328": "logs", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101": "cloudtrail"]

    /// Records the call `response` answers — before it is sent — and returns it; when the record cannot be
    /// written the caller gets a 500 instead, so no answered call goes unrecorded.
    func audited(_ request: Request, body: Data, response: Response, capture: AuditCapture, context: some Hummingbird.RequestContext) async -> Response {
        let call = Self.auditCall(request, body: body, response: response, capture: capture.snapshot,
                                  facts: CallFacts(context: context, secureTransport: secureTransport))
        do {
            try await audit.record(call)
            return response
        } catch {
            return APIResponse.error(PortlessError(.internalServerError, "The server could not complete the request."), logger: context.logger)
        }
    }

    /// The call as the audit sees it: the event source from the SigV4 signing name (`Portless.` operations under
    /// `portless`), the event name from `X-Amz-Target` or the Query `Action`, the redacted parameters, and for a
    /// write that succeeded its redacted reply.
    static func auditCall(_ request: Request, body: Data, response: Response, capture: AuditCapture.State, facts: CallFacts) -> AuditCall {
        let target = request.headers[HTTPField.Name("X-Amz-Target")!] ?? ""
        let authorization = request.headers[.authorization].flatMap { try? SigV4Authorization(header: $0) }
        let service: String
        let eventName: String
        let parameters: JSONValue?
        if target.isEmpty {
            let form = try? QueryParameters(formBody: String(decoding: body, as: UTF8.self))
            eventName = form?["Action"] ?? ""
            service = authorization?.scope.service ?? "sts"
            parameters = form.map { AuditRedaction.queryParameters($0.values) }
        } else {
            let prefix = target.split(separator: ".").dropLast().joined(separator: ".")
            eventName = target.split(separator: ".").last.map(String.init) ?? target
            service = target.hasPrefix(PortlessOperations.targetPrefix) ? "portless"
                : authorization?.scope.service ?? auditServices[prefix] ?? prefix.lowercased()
            parameters = body.isEmpty ? nil : (try? JSONDecoder().decode(JSONValue.self, from: body)).map(AuditRedaction.redact)
        }
        let reply: JSONValue? = if let result = capture.queryResult {
            AuditRedaction.redact(AuditXML.json(result))
        } else {
            capture.reply.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }.map(AuditRedaction.redact)
        }
        return AuditCall(eventSource: AuditCall.eventSource(service: service), eventName: eventName, readOnly: AuditRecord.isReadOnly(eventName),
                         capture: capture, accessKeyId: authorization?.accessKeyId, sourceIp: facts.sourceIp,
                         userAgent: request.headers[.userAgent], requestParameters: parameters, responseElements: reply,
                         requestId: response.headers[HTTPField.Name("x-amzn-RequestId")!] ?? Identifiers.uuid())
    }
}
