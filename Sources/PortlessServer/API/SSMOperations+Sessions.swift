import Foundation
import PortlessCore

extension SSMOperations {
    static let sessionOperations: Set<String> = ["StartSession", "ResumeSession", "TerminateSession", "DescribeSessions", "GetConnectionStatus"]

    /// Session Manager: StartSession, ResumeSession, TerminateSession, DescribeSessions, GetConnectionStatus.
    func handleSession(_ operation: String, body: Data, principal: Principal, facts: CallFacts) async throws -> Data {
        let input = body.isEmpty ? Data("{}".utf8) : body
        func encode<T: Encodable>(_ value: T) throws -> Data { try WireCoding.encoder().encode(value) }
        switch operation {
        case "StartSession":
            let request = try WireCoding.decode(StartSessionRequest.self, from: input)
            let opened = try await sessions.start(target: request.target, documentName: request.documentName, parameters: request.parameters ?? [:],
                                                  reason: request.reason, principal: principal, facts: facts)
            return try encode(OpenedSessionShape(opened))
        case "ResumeSession":
            let request = try WireCoding.decode(SessionIdRequest.self, from: input)
            try SessionValidation.sessionIdField(request.sessionId)
            return try encode(OpenedSessionShape(try await sessions.resume(sessionId: request.sessionId, principal: principal)))
        case "TerminateSession":
            let request = try WireCoding.decode(SessionIdRequest.self, from: input)
            return try encode(["SessionId": try await sessions.terminate(sessionId: request.sessionId, principal: principal)])
        case "DescribeSessions":
            let request = try WireCoding.decode(DescribeSessionsRequest.self, from: input)
            let limit = try Pagination.limit(request.maxResults, range: 1...200, defaultValue: 20)
            let offset = try Pagination.offset(from: request.nextToken)
            let found = try await sessions.describe(accountId: principal.accountId, query: try request.query())
            let page = Pagination.page(found, offset: offset, limit: limit)
            return try encode(ListReply(key: "Sessions", items: page.items.map(SessionShape.init), nextToken: page.nextToken))
        case "GetConnectionStatus":
            let request = try WireCoding.decode(ConnectionStatusRequest.self, from: input)
            let connected = try await sessions.connectionStatus(target: request.target, principal: principal)
            return try encode(["Target": request.target, "Status": connected ? "connected" : "notconnected"])
        default:
            throw PortlessError(.unknownOperation, "Operation AmazonSSM.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }
}
