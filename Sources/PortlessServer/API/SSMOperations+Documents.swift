import Foundation
import PortlessCore

extension SSMOperations {
    /// The document operations: CreateDocument, GetDocument, DescribeDocument, ListDocuments, ListDocumentVersions,
    /// UpdateDocument, UpdateDocumentDefaultVersion, DeleteDocument, DescribeDocumentPermission, ModifyDocumentPermission.
    func handleDocument(_ operation: String, body: Data, principal: Principal) async throws -> Data {
        let input = body.isEmpty ? Data("{}".utf8) : body
        func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T { try WireCoding.decode(T.self, from: input) }
        func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
        switch operation {
        case "CreateDocument":
            return try encode(["DocumentDescription": try await documents.create(try decode(), principal: principal)])
        case "UpdateDocument":
            return try encode(["DocumentDescription": try await documents.update(try decode(), principal: principal)])
        case "GetDocument":
            return try encode(try await documents.get(try decode(), principal: principal))
        case "DescribeDocument":
            return try encode(["Document": try await documents.describe(try decode(), principal: principal)])
        case "ListDocuments":
            let page = try await documents.list(try decode(), principal: principal)
            return try encode(ListReply(key: "DocumentIdentifiers", items: page.items, nextToken: page.nextToken))
        case "ListDocumentVersions":
            let page = try await documents.listVersions(try decode(), principal: principal)
            return try encode(ListReply(key: "DocumentVersions", items: page.items, nextToken: page.nextToken))
        case "UpdateDocumentDefaultVersion":
            let request: UpdateDocumentDefaultVersionRequest = try decode()
            let reply = try await documents.updateDefaultVersion(name: request.name, documentVersion: request.documentVersion, principal: principal)
            return try encode(["Description": reply])
        case "DeleteDocument":
            try await documents.delete(try decode(), principal: principal)
            return Data("{}".utf8)
        case "DescribeDocumentPermission":
            return try encode(try await documents.describePermission(try decode(), principal: principal))
        case "ModifyDocumentPermission":
            try await documents.modifyPermission(try decode(), principal: principal)
            return Data("{}".utf8)
        default:
            throw PortlessError(.unknownOperation, "Operation AmazonSSM.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }
}
