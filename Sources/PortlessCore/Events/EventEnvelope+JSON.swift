public import Foundation

extension EventEnvelope {
    /// The event as patterns and targets see it: EventBridge's JSON object, `time` in whole-second UTC.
    public var json: JSONValue {
        .object([
            "version": .string(version), "id": .string(id), "detail-type": .string(detailType), "source": .string(source),
            "account": .string(account), "time": .string(Self.timeText(time)), "region": .string(region),
            "resources": .array(resources.map(JSONValue.string)), "detail": detail,
        ])
    }

    /// `2026-01-02T03:04:05Z`, as EventBridge writes an event's `time`.
    public static func timeText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}
