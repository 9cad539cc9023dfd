import Foundation
import PortlessCore

/// The one place a matched event is handed to its target: renders the target's input, then dispatches by the kind of
/// target its `Arn` names.
struct EventTargetDispatcher: Sendable {
    let webhooks: WebhookSender
    let runCommand: RunCommandTargetSender
    let logs: LogService
    let region: String

    /// Delivers `event` (ingested at `ingestedAt`) to `target` of `rule`; throws why it could not.
    func deliver(_ event: JSONValue, ingestedAt: Date, to target: EventTarget, of rule: EventRuleRecord) async throws {
        let input = EventInput.render(target, event: event,
                                      rule: .init(name: rule.name, arn: rule.arn(region: region), ingestionTime: ingestedAt))
        switch EventTargetKind.of(target.arn, region: region, account: rule.accountId) {
        case .failure(let refusal):
            throw refusal
        case .success(.webhook(let url)):
            try await webhooks.post(input, to: url, parameters: target.httpParameters)
        case .success(.runCommand(let document)):
            _ = try await runCommand.send(document: document, target: target, rule: rule, event: event, input: input)
        case .success(.logGroup(let group)):
            // As EventBridge writes to a log group: one stream per event, named by the event's ID.
            try await logs.deliver(accountId: rule.accountId, groupName: group, streamName: event["id"]?.stringValue ?? Identifiers.uuid(),
                                   messages: [input])
        }
    }
}
