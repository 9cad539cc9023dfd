public import Foundation

/// What a target's `Arn` names, and so how its events are delivered. Adding a kind is a case here and a branch in the
/// server's one delivery dispatch.
public enum EventTargetKind: Sendable, Hashable {
    /// An `https://` or `http://` URL: the input is POSTed to it (a webhook, e.g. Slack's).
    case webhook(URL)
    /// `arn:aws:ssm:REGION:ACCOUNT:document/NAME`: Run Command sends the document.
    case runCommand(documentName: String)
    /// `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]`: each event is written to the group, in a stream named by its ID.
    case logGroup(name: String)

    /// The kind `arn` names in `account`, or the reason Portless cannot deliver to it.
    public static func of(_ arn: String, region: String, account: String) -> Result<EventTargetKind, EventTargetRefusal> {
        if arn.hasPrefix("https://") || arn.hasPrefix("http://") {
            guard let url = URL(string: arn), url.host?.isEmpty == false else { return .failure(EventTargetRefusal("The webhook URL \(arn) is not valid.")) }
            return .success(.webhook(url))
        }
        let documentPrefix = "arn:aws:ssm:\(region):\(account):document/"
        if arn.hasPrefix(documentPrefix), arn.count > documentPrefix.count {
            return .success(.runCommand(documentName: String(arn.dropFirst(documentPrefix.count))))
        }
        let groupPrefix = "arn:aws:logs:\(region):\(account):log-group:"
        if arn.hasPrefix(groupPrefix) {
            let rest = arn.dropFirst(groupPrefix.count)
            let name = String(rest.hasSuffix(":*") ? rest.dropLast(2) : rest)
            guard (try? LogNames.checkGroupName(name)) != nil else { return .failure(EventTargetRefusal("The log group in \(arn) is not a valid name.")) }
            return .success(.logGroup(name: name))
        }
        return .failure(EventTargetRefusal(
            "Portless cannot deliver to \(arn): a target is an http(s) webhook URL, or an SSM document or CloudWatch Logs log group ARN of this region and account (\(documentPrefix)NAME, \(groupPrefix)NAME)."))
    }
}

/// Why a target cannot be delivered to.
public struct EventTargetRefusal: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
