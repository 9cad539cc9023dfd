import Foundation
import PortlessCore

/// `AmazonSSM.CreateActivation` input.
struct CreateActivationRequest: Decodable, Sendable {
    var description: String?
    var defaultInstanceName: String?
    var iamRole: String
    var registrationLimit: Int?
    var expirationDate: Date?
    var tags: [Tag]?
    enum CodingKeys: String, CodingKey {
        case description = "Description", defaultInstanceName = "DefaultInstanceName", iamRole = "IamRole"
        case registrationLimit = "RegistrationLimit", expirationDate = "ExpirationDate", tags = "Tags"
    }
}

struct CreateActivationResponse: Encodable, Sendable {
    var activationId: String
    var activationCode: String
    enum CodingKeys: String, CodingKey { case activationId = "ActivationId", activationCode = "ActivationCode" }
}

/// `AmazonSSM.DescribeActivations` input.
struct DescribeActivationsRequest: Decodable, Sendable {
    struct Filter: Decodable, Sendable {
        var filterKey: String?
        var filterValues: [String]?
        enum CodingKeys: String, CodingKey { case filterKey = "FilterKey", filterValues = "FilterValues" }
    }
    var filters: [Filter]?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey { case filters = "Filters", maxResults = "MaxResults", nextToken = "NextToken" }
}

/// SSM's `Activation` shape.
struct ActivationShape: Encodable, Sendable {
    var record: ActivationRecord
    var now: Date

    enum CodingKeys: String, CodingKey {
        case activationId = "ActivationId", description = "Description", defaultInstanceName = "DefaultInstanceName"
        case iamRole = "IamRole", registrationLimit = "RegistrationLimit", registrationsCount = "RegistrationsCount"
        case expirationDate = "ExpirationDate", expired = "Expired", createdDate = "CreatedDate", tags = "Tags"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.activationId, forKey: .activationId)
        try container.encodeIfPresent(record.description, forKey: .description)
        try container.encodeIfPresent(record.defaultInstanceName, forKey: .defaultInstanceName)
        try container.encode(record.iamRole, forKey: .iamRole)
        try container.encode(record.registrationLimit, forKey: .registrationLimit)
        try container.encode(record.registrationsCount, forKey: .registrationsCount)
        try container.encode(record.expirationDate, forKey: .expirationDate)
        try container.encode(record.isExpired(at: now), forKey: .expired)
        try container.encode(record.createdDate, forKey: .createdDate)
        try container.encode(record.tags, forKey: .tags)
    }
}

struct DeleteActivationRequest: Decodable, Sendable {
    var activationId: String
    enum CodingKeys: String, CodingKey { case activationId = "ActivationId" }
}
