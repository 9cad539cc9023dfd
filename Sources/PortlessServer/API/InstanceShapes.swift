import Foundation
import PortlessCore

/// `AmazonSSM.DescribeInstanceInformation` input.
struct DescribeInstanceInformationRequest: Decodable, Sendable {
    struct Filter: Decodable, Sendable {
        var key: String
        var values: [String]
        enum CodingKeys: String, CodingKey { case key = "Key", values = "Values" }
    }
    struct LegacyFilter: Decodable, Sendable {
        var key: String
        var valueSet: [String]
        enum CodingKeys: String, CodingKey { case key = "key", valueSet = "valueSet" }
    }
    var instanceInformationFilterList: [LegacyFilter]?
    var filters: [Filter]?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case instanceInformationFilterList = "InstanceInformationFilterList", filters = "Filters"
        case maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// SSM's `InstanceInformation` shape.
struct InstanceInformationShape: Encodable, Sendable {
    var node: NodeRecord
    var pingStatus: String
    var latestAgentVersion: String

    enum CodingKeys: String, CodingKey {
        case instanceId = "InstanceId", pingStatus = "PingStatus", lastPingDateTime = "LastPingDateTime"
        case agentVersion = "AgentVersion", isLatestVersion = "IsLatestVersion", platformType = "PlatformType"
        case platformName = "PlatformName", platformVersion = "PlatformVersion", activationId = "ActivationId"
        case iamRole = "IamRole", registrationDate = "RegistrationDate", resourceType = "ResourceType", name = "Name"
        case ipAddress = "IPAddress", computerName = "ComputerName"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(node.instanceId, forKey: .instanceId)
        try container.encode(pingStatus, forKey: .pingStatus)
        try container.encodeIfPresent(node.lastPingDateTime, forKey: .lastPingDateTime)
        try container.encode(node.info.agentVersion, forKey: .agentVersion)
        try container.encode(node.info.agentVersion == latestAgentVersion, forKey: .isLatestVersion)
        try container.encode(node.info.platformType, forKey: .platformType)
        try container.encode(node.info.platformName, forKey: .platformName)
        try container.encode(node.info.platformVersion, forKey: .platformVersion)
        try container.encode(node.activationId, forKey: .activationId)
        try container.encode(node.iamRole, forKey: .iamRole)
        try container.encode(node.registrationDate, forKey: .registrationDate)
        try container.encode("ManagedInstance", forKey: .resourceType)
        try container.encodeIfPresent(node.name, forKey: .name)
        try container.encode(node.info.ipAddress, forKey: .ipAddress)
        try container.encode(node.info.hostname, forKey: .computerName)
    }
}

/// `AddTagsToResource`, `ListTagsForResource` and `RemoveTagsFromResource` input.
struct TagResourceRequest: Decodable, Sendable {
    var resourceType: String
    var resourceId: String
    var tags: [Tag]?
    var tagKeys: [String]?
    enum CodingKeys: String, CodingKey {
        case resourceType = "ResourceType", resourceId = "ResourceId", tags = "Tags", tagKeys = "TagKeys"
    }
}
