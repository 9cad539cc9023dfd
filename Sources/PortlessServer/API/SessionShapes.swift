import Foundation
import PortlessCore

/// StartSession's input.
struct StartSessionRequest: Decodable {
    var target: String
    var documentName: String?
    var parameters: [String: [String]]?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case target = "Target", documentName = "DocumentName", parameters = "Parameters", reason = "Reason"
    }
}

/// StartSession's and ResumeSession's reply.
struct OpenedSessionShape: Encodable {
    var SessionId: String
    var TokenValue: String?
    var StreamUrl: String?

    init(_ opened: SessionService.Opened) {
        SessionId = opened.sessionId
        TokenValue = opened.tokenValue
        StreamUrl = opened.streamUrl
    }
}

/// ResumeSession's, TerminateSession's and GetSessionTranscript's input.
struct SessionIdRequest: Decodable {
    var sessionId: String
    enum CodingKeys: String, CodingKey { case sessionId = "SessionId" }
}

/// GetConnectionStatus's input.
struct ConnectionStatusRequest: Decodable {
    var target: String
    enum CodingKeys: String, CodingKey { case target = "Target" }
}

/// DescribeSessions' input.
struct DescribeSessionsRequest: Decodable {
    var state: String
    var maxResults: Int?
    var nextToken: String?
    var filters: [Filter]?

    struct Filter: Decodable {
        var key: String
        var value: String
    }

    enum CodingKeys: String, CodingKey { case state = "State", maxResults = "MaxResults", nextToken = "NextToken", filters = "Filters" }

    static let filterKeys = ["InvokedAfter", "InvokedBefore", "Target", "Owner", "Status", "SessionId", "AccessType"]

    /// The request as a store query (SSM's filter keys and values).
    func query() throws -> SessionQuery {
        guard state == "Active" || state == "History" else {
            throw ConstraintViolation.error(.validation, value: state, field: "state", .enumeration(["Active", "History"]))
        }
        var query = SessionQuery(active: state == "Active")
        for filter in filters ?? [] {
            guard (1...400).contains(filter.value.count) else {
                throw ConstraintViolation.error(.validation, value: filter.value, field: "filters.member.value",
                                                filter.value.isEmpty ? .minLength(1) : .maxLength(400))
            }
            switch filter.key {
            case "InvokedAfter": query.startedAfter = try Self.date(filter.value)
            case "InvokedBefore": query.startedBefore = try Self.date(filter.value)
            case "Target": query.target = filter.value
            case "Owner": query.owner = filter.value
            case "SessionId": query.sessionId = filter.value
            case "Status":
                guard let status = SessionStatus(rawValue: filter.value) else {
                    throw PortlessError(.validation, "The filter value \(filter.value) is not a session status.", field: "Filters")
                }
                query.status = status
            case "AccessType":
                guard ["Standard", "JustInTime"].contains(filter.value) else {
                    throw PortlessError(.validation, "The filter value \(filter.value) is not an access type.", field: "Filters")
                }
                // Every Portless session is Standard access: JustInTime matches none (no session has an empty ID).
                if filter.value == "JustInTime" { query.sessionId = "" }
            default:
                throw ConstraintViolation.error(.validation, value: filter.key, field: "filters.member.key", .enumeration(Self.filterKeys))
            }
        }
        return query
    }

    private static func date(_ text: String) throws -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw PortlessError(.validation, "The filter value \(text) is not an ISO 8601 date and time.", field: "Filters")
        }
        return date
    }
}

/// One session as DescribeSessions lists it.
struct SessionShape: Encodable {
    var SessionId: String
    var Target: String
    var Status: String
    var StartDate: Date
    var EndDate: Date?
    var DocumentName: String
    var Owner: String
    var Reason: String?
    var Details: String?
    var OutputUrl: [String: String]
    var MaxSessionDuration: String?
    var AccessType: String

    init(_ record: SessionRecord) {
        SessionId = record.sessionId
        Target = record.target
        Status = record.status.rawValue
        StartDate = record.startDate
        EndDate = record.endDate
        DocumentName = record.documentName
        Owner = record.owner
        Reason = record.reason
        Details = record.details
        OutputUrl = [:]
        MaxSessionDuration = record.maxSessionDuration
        AccessType = "Standard"
    }
}
