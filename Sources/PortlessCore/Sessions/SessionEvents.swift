public import Foundation

/// The events sessions publish under source `aws.ssm`. AWS publishes none for sessions (it records the API
/// calls in CloudTrail), so these are Portless's own: a session's status changes, and every command line typed
/// into an interactive session, for rules that watch for things like `sudo su`.
public enum SessionEvents {
    public static let source = "aws.ssm"
    public static let stateDetailType = "Portless Session State-change Notification"
    public static let commandLineDetailType = "Portless Session Command Line"

    /// `session` reached its current status.
    public static func stateChanged(_ session: SessionRecord, region: String, at time: Date) -> EventEnvelope {
        var detail = common(session)
        detail["status"] = .string(session.status.rawValue)
        detail["document-name"] = .string(session.documentName)
        if let reason = session.reason { detail["reason"] = .string(reason) }
        if let details = session.details { detail["details"] = .string(details) }
        return envelope(stateDetailType, session, detail: detail, region: region, at: time)
    }

    /// `line` was typed into `session` and entered.
    public static func commandLine(_ line: String, session: SessionRecord, region: String, at time: Date) -> EventEnvelope {
        var detail = common(session)
        detail["command-line"] = .string(line)
        return envelope(commandLineDetailType, session, detail: detail, region: region, at: time)
    }

    private static func common(_ session: SessionRecord) -> [String: JSONValue] {
        var detail: [String: JSONValue] = [
            "session-id": .string(session.sessionId),
            "target": .string(session.target),
            "owner": .string(session.owner),
        ]
        if let user = session.runAsUser { detail["run-as-user"] = .string(user) }
        return detail
    }

    private static func envelope(_ detailType: String, _ session: SessionRecord, detail: [String: JSONValue], region: String,
                                 at time: Date) -> EventEnvelope {
        EventEnvelope(detailType: detailType, source: source, account: session.accountId, time: time, region: region,
                      resources: [ARN.session(region: region, account: session.accountId, id: session.sessionId),
                                  ARN.managedInstance(region: region, account: session.accountId, id: session.target)],
                      detail: .object(detail))
    }
}
