import Foundation
import Logging
import PortlessCore

/// Records API calls: each becomes an entry of the audit log before its reply is sent, and each call that
/// is not read-only is also published on the event bus as EventBridge's "AWS API Call via CloudTrail".
struct AuditTrail: Sendable {
    static let busDetailType = "AWS API Call via CloudTrail"

    let log: AuditLog
    let region: String
    let bus: EventBus
    let logger: Logger

    /// Appends `call`'s record; throws when it could not be written (the call must then not be answered as done).
    func record(_ call: AuditCall) async throws {
        let record = call.record(region: region)
        let text = try record.encoded()
        do {
            try await log.append(text)
        } catch {
            logger.critical("audit record not written", metadata: ["portless.event": "\(record.eventName)", "error": "\(error)"])
            throw error
        }
        if !record.readOnly { await bus.publish(Self.busEvent(record, text: text)) }
    }

    /// The bus event of a call: `source` is `aws.` + the service (`aws.iam`), the detail is the record.
    static func busEvent(_ record: AuditRecord, text: String) -> EventEnvelope {
        let service = record.eventSource.split(separator: ".").first.map(String.init) ?? record.eventSource
        let detail = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
        return EventEnvelope(detailType: busDetailType, source: "aws.\(service)", account: record.recipientAccountId, time: record.date ?? Date(),
                             region: record.awsRegion, resources: record.resources?.map(\.arn) ?? [], detail: detail)
    }
}
