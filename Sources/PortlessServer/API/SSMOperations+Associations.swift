import Foundation
import PortlessCore

extension SSMOperations {
    static let associationOperations: Set<String> = [
        "CreateAssociation", "UpdateAssociation", "DescribeAssociation", "ListAssociations", "DeleteAssociation",
        "ListAssociationVersions", "DescribeAssociationExecutions", "DescribeAssociationExecutionTargets", "StartAssociationsOnce",
    ]

    /// The State Manager association operations.
    func handleAssociation(_ operation: String, body: Data, principal: Principal) async throws -> Data {
        let input = body.isEmpty ? Data("{}".utf8) : body
        func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T { try WireCoding.decode(T.self, from: input) }
        func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
        switch operation {
        case "CreateAssociation":
            let record = try await associations.create(try decode(), principal: principal)
            return try encode(["AssociationDescription": AssociationDescriptionShape(record: record)])
        case "UpdateAssociation":
            let record = try await associations.update(try decode(), principal: principal)
            return try encode(["AssociationDescription": AssociationDescriptionShape(record: record)])
        case "DescribeAssociation":
            let record = try await associations.describe(try decode(), principal: principal)
            return try encode(["AssociationDescription": AssociationDescriptionShape(record: record)])
        case "ListAssociations":
            let page = try await associations.list(try decode(), principal: principal)
            return try encode(ListReply(key: "Associations", items: page.items.map { AssociationDescriptionShape(record: $0, listed: true) },
                                        nextToken: page.nextToken))
        case "DeleteAssociation":
            try await associations.delete(try decode(), principal: principal)
            return Data("{}".utf8)
        case "ListAssociationVersions":
            let page = try await associations.listVersions(try decode(), principal: principal)
            return try encode(ListReply(key: "AssociationVersions", items: page.items.map(AssociationVersionShape.init), nextToken: page.nextToken))
        case "DescribeAssociationExecutions":
            let page = try await associations.executions(try decode(), principal: principal)
            return try encode(ListReply(key: "AssociationExecutions", items: page.items.map(AssociationExecutionShape.init),
                                        nextToken: page.nextToken))
        case "DescribeAssociationExecutionTargets":
            let page = try await associations.executionTargets(try decode(), principal: principal)
            return try encode(ListReply(key: "AssociationExecutionTargets",
                                        items: page.items.map { AssociationExecutionTargetShape(execution: page.execution, target: $0) },
                                        nextToken: page.nextToken))
        case "StartAssociationsOnce":
            try await associations.startOnce(try decode(), principal: principal)
            return Data("{}".utf8)
        default:
            throw PortlessError(.unknownOperation, "Operation AmazonSSM.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }
}
