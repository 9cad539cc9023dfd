import Foundation
import PortlessCore

extension Authorizer {
    /// Decides `operation` of `service` from the operation table before it runs; an operation the table does
    /// not know is denied.
    func authorize(service: String, operation: String, fields: RequestFields, principal: Principal, facts: CallFacts) async throws {
        guard let rule = OperationTable.rule(service: service, operation: operation) else {
            throw PortlessError(aws: .accessDenied,
                                "User: \(principal.arn) is not authorized to perform: \(service):\(operation) because no authorization rule covers it")
        }
        guard rule.decidedBy == .table else { return }
        let input = OperationRule.Input(fields: fields, principal: principal, resolver: resolver, region: region)
        var facts = facts
        if let field = rule.requestTagsField { facts.requestTags = fields.tags(field) }
        if let keys = rule.keys?(input) { facts.keys.merge(keys) { _, new in new } }
        try await require(AccessCheck(rule.action, try await rule.resources(input), facts: facts), by: principal)
    }
}
