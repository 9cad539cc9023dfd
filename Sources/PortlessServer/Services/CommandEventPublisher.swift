import Foundation
import PortlessCore

/// Publishes Run Command status changes on the event bus in EventBridge's shape.
struct CommandEventPublisher: Sendable {
    let bus: EventBus
    let region: String

    func commandChanged(_ command: CommandRecord) async {
        await bus.publish(CommandEvents.commandStatusChanged(command, region: region, at: Date()))
    }

    func invocationChanged(_ invocation: InvocationRecord, command: CommandRecord) async {
        await bus.publish(CommandEvents.invocationStatusChanged(invocation, command: command, region: region, at: Date()))
    }
}
