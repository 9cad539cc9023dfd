import Foundation
import PortlessCore

/// One call as the hooks see it, before it becomes a record: which operation of which service, what it
/// was asked, and how it ended (the capture).
struct AuditCall: Sendable {
    var eventSource: String
    var eventName: String
    var readOnly: Bool
    var managementEvent = true
    var capture: AuditCapture.State
    /// The access key named by the request, for a caller that could not be identified.
    var accessKeyId: String?
    /// The account the call concerns when no principal is known (a node's registration).
    var account: String?
    var sourceIp: String?
    var userAgent: String?
    var requestParameters: JSONValue?
    var responseElements: JSONValue?
    var additionalEventData: JSONValue?
    var resources: [AuditResource]?
    var requestId: String

    /// `ssm` → `ssm.amazonaws.com`: the event source of a SigV4 signing name.
    static func eventSource(service: String) -> String { "\(service).amazonaws.com" }

    /// The record of this call, made at `now` in `region`.
    func record(region: String, now: Date = Date()) -> AuditRecord {
        let principal = capture.signer ?? capture.claimed
        let identity = principal.map(AuditIdentity.init(principal:)) ?? .unknown(accessKeyId: accessKeyId)
        var record = AuditRecord(userIdentity: identity, eventTime: now, eventSource: eventSource, eventName: eventName, awsRegion: region,
                                 sourceIPAddress: sourceIp ?? "", userAgent: userAgent ?? "", requestID: requestId, eventID: Identifiers.uuid(),
                                 readOnly: readOnly, managementEvent: managementEvent, recipientAccountId: principal?.accountId ?? account ?? "")
        record.requestParameters = requestParameters
        record.additionalEventData = additionalEventData
        record.resources = resources
        if let failure = capture.failure {
            record.errorCode = failure.code
            record.errorMessage = failure.message
        } else if !readOnly {
            record.responseElements = responseElements
        }
        return record
    }
}
