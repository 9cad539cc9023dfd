import Foundation
import PortlessCore

/// Turns ListCommands / ListCommandInvocations filters into a store query, checking each.
enum CommandQueryParser {
    static func query(from request: ListCommandsRequest) throws -> CommandQuery {
        var query = CommandQuery()
        query.commandId = request.commandId
        if let instanceId = request.instanceId {
            guard Identifiers.isNodeID(instanceId) else {
                throw PortlessError(.invalidInstanceId, "'\(instanceId)' is not a valid managed node ID.", field: "InstanceId")
            }
            query.instanceId = instanceId
        }
        for (index, filter) in (request.filters ?? []).enumerated() {
            let field = "Filters[\(index)]"
            switch filter.key {
            case "InvokedAfter", "InvokedBefore":
                guard let date = try? Date(filter.value, strategy: .iso8601) else {
                    throw PortlessError(.invalidFilterValue, "'\(filter.value)' is not an ISO 8601 time, e.g. 2026-11-25T00:00:00Z.", field: "\(field).value")
                }
                if filter.key == "InvokedAfter" { query.invokedAfter = date } else { query.invokedBefore = date }
            case "Status":
                if CommandStatus(rawValue: filter.value) != nil || InvocationStatus(rawValue: filter.value) != nil {
                    query.status = filter.value
                } else if let details = StatusDetails.fromFilterValue(filter.value) {
                    query.statusDetails = details
                } else {
                    throw PortlessError(.invalidFilterValue, "'\(filter.value)' is not a command status.", field: "\(field).value")
                }
            case "ExecutionStage":
                guard filter.value == "Executing" || filter.value == "Complete" else {
                    throw PortlessError(.invalidFilterValue, "ExecutionStage must be Executing or Complete.", field: "\(field).value")
                }
                query.executing = filter.value == "Executing"
            case "DocumentName":
                query.documentName = filter.value
            default:
                throw PortlessError(.invalidFilterKey, "Filter key '\(filter.key)' is not supported.", field: "\(field).key")
            }
        }
        return query
    }
}
