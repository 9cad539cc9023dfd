import Foundation
import PortlessCore

extension SSMOperations {
    /// The compliance operations: PutComplianceItems, ListComplianceItems, ListComplianceSummaries,
    /// ListResourceComplianceSummaries.
    func handleCompliance(_ operation: String, body: Data, principal: Principal) async throws -> Data {
        let input = body.isEmpty ? Data("{}".utf8) : body
        func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
        switch operation {
        case "PutComplianceItems":
            let request = try WireCoding.decode(PutComplianceItemsRequest.self, from: input)
            try await compliance.put(try request.put(), accountId: principal.accountId)
            return Data("{}".utf8)
        case "ListComplianceItems", "ListComplianceSummaries", "ListResourceComplianceSummaries":
            let request = try WireCoding.decode(ListComplianceRequest.self, from: input)
            let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
            let offset = try Pagination.offset(from: request.nextToken)
            let account = principal.accountId
            switch operation {
            case "ListComplianceItems":
                let filters = try request.parsedFilters(allowed: ComplianceFilter.Key.items)
                let page = try await compliance.items(accountId: account, resourceIds: request.resourceIds, resourceTypes: request.resourceTypes,
                                                      filters: filters, offset: offset, limit: limit)
                return try encode(ListReply(key: "ComplianceItems", items: page.items.map { ComplianceItemShape(resource: $0.0, stored: $0.1) },
                                            nextToken: page.nextToken))
            case "ListComplianceSummaries":
                let filters = try request.parsedFilters(allowed: ComplianceFilter.Key.summaries)
                let page = try await compliance.typeSummaries(accountId: account, filters: filters, offset: offset, limit: limit)
                return try encode(ListReply(key: "ComplianceSummaryItems", items: page.items.map(ComplianceSummaryItemShape.init),
                                            nextToken: page.nextToken))
            default:
                let filters = try request.parsedFilters(allowed: ComplianceFilter.Key.summaries)
                let page = try await compliance.resourceSummaries(accountId: account, filters: filters, offset: offset, limit: limit)
                return try encode(ListReply(key: "ResourceComplianceSummaryItems", items: page.items.map(ResourceComplianceSummaryItemShape.init),
                                            nextToken: page.nextToken))
            }
        default:
            throw PortlessError(.unknownOperation, "Operation AmazonSSM.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }
}
