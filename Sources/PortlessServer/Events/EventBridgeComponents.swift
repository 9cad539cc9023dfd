import AsyncHTTPClient
import Logging
import PortlessCore
import PortlessStore
import ServiceLifecycle

/// EventBridge's parts, made once for the application: the rule service the API calls, and the services that route
/// events, deliver them and fire schedules.
struct EventBridgeComponents: Sendable {
    let rules: EventRuleService
    let services: [any Service]

    init(store: SQLStore, bus: EventBus, commands: CommandService, logs: LogService, authorizer: Authorizer, region: String, logger: Logger) {
        let catalog = EventRuleCatalog(store: store)
        let allowsSeconds = EventScheduleLimits.allowsSeconds()
        rules = EventRuleService(store: store, catalog: catalog, bus: bus, region: region, allowsSecondSchedules: allowsSeconds)
        let dispatcher = EventTargetDispatcher(webhooks: WebhookSender(client: .shared),
                                               runCommand: RunCommandTargetSender(commands: commands, store: store, authorizer: authorizer),
                                               logs: logs,
                                               region: region)
        let deliveries = EventDeliveryService(store: store, catalog: catalog, dispatcher: dispatcher, logger: logger)
        services = [
            EventRuleEngine(bus: bus, catalog: catalog, store: store, deliveries: deliveries, logger: logger),
            deliveries,
            EventScheduler(store: store, catalog: catalog, deliveries: deliveries, region: region, allowsSecondSchedules: allowsSeconds, logger: logger),
        ]
    }
}
