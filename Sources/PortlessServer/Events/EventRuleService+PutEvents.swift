import Foundation
import PortlessCore

extension EventRuleService {
    /// One PutEvents entry.
    struct CustomEvent: Sendable {
        var time: Date?
        var source: String?
        var resources: [String]
        var detailType: String?
        var detail: String?
        var eventBusName: String?
    }

    /// One entry's outcome: the event's ID, or why it was refused.
    enum PutEventResult: Sendable {
        case published(eventId: String)
        case failed(code: String, message: String)
    }

    /// Sources only a service may send: AWS's own, and Portless's.
    static let reservedSourcePrefixes = ["aws.", "portless."]

    /// Publishes custom events on the caller's bus; each entry is checked on its own, as PutEvents does.
    func putEvents(_ entries: [CustomEvent], principal: Principal, now: Date = Date()) async throws -> [PutEventResult] {
        guard (1...10).contains(entries.count) else {
            throw ConstraintViolation.withoutValue(.validation, field: "Entries", entries.isEmpty ? .minLength(1) : .maxLength(10))
        }
        var results: [PutEventResult] = []
        for entry in entries {
            switch check(entry, account: principal.accountId) {
            case .refused(let failure):
                results.append(failure)
            case .accepted(let detail):
                let event = EventEnvelope(detailType: entry.detailType ?? "", source: entry.source ?? "", account: principal.accountId,
                                          time: entry.time ?? now, region: region, resources: entry.resources, detail: detail)
                await bus.publish(event)
                results.append(.published(eventId: event.id))
            }
        }
        return results
    }

    /// An entry checked: its detail, or the result that refuses it.
    private enum Checked {
        case accepted(JSONValue)
        case refused(PutEventResult)
    }

    private func check(_ entry: CustomEvent, account: String) -> Checked {
        func invalid(_ name: String) -> PutEventResult {
            .failed(code: "InvalidArgument", message: "Parameter \(name) is not valid. Reason: \(name) is a required argument.")
        }
        guard let source = entry.source, !source.isEmpty else { return .refused(invalid("Source")) }
        guard let type = entry.detailType, !type.isEmpty else { return .refused(invalid("DetailType")) }
        guard let detail = entry.detail, !detail.isEmpty else { return .refused(invalid("Detail")) }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(detail.utf8)), value.objectValue != nil else {
            return .refused(.failed(code: "MalformedDetail", message: "Detail is malformed."))
        }
        if let bus = entry.eventBusName, (try? EventRuleValidation.bus(bus, region: region, account: account)) == nil {
            return .refused(.failed(code: "ResourceNotFoundException", message: "Event bus \(bus) does not exist."))
        }
        if Self.reservedSourcePrefixes.contains(where: { source.hasPrefix($0) }) {
            return .refused(.failed(code: "NotAuthorizedForSourceException", message: "Not authorized for the source."))
        }
        return .accepted(value)
    }
}
