import Foundation
import PortlessCore

/// Every member a Parameter Store request may carry.
struct ParameterRequest: Decodable, Sendable {
    var name: String?
    var names: [String]?
    var value: String?
    var type: String?
    var description: String?
    var keyId: String?
    var overwrite: Bool?
    var allowedPattern: String?
    var tags: [Tag]?
    var tier: String?
    var policies: String?
    var dataType: String?
    var withDecryption: Bool?
    var path: String?
    var recursive: Bool?
    var parameterFilters: [ParameterFilter]?
    var filters: [ParameterFilter]?
    var maxResults: Int?
    var nextToken: String?
    var parameterVersion: Int?
    var labels: [String]?

    enum CodingKeys: String, CodingKey {
        case name = "Name", names = "Names", value = "Value", type = "Type", description = "Description", keyId = "KeyId"
        case overwrite = "Overwrite", allowedPattern = "AllowedPattern", tags = "Tags", tier = "Tier", policies = "Policies"
        case dataType = "DataType", withDecryption = "WithDecryption", path = "Path", recursive = "Recursive"
        case parameterFilters = "ParameterFilters", filters = "Filters", maxResults = "MaxResults", nextToken = "NextToken"
        case parameterVersion = "ParameterVersion", labels = "Labels"
    }
}

/// `Parameter`: a value as GetParameter(s) and GetParametersByPath return it.
struct ParameterShape: Encodable {
    var name: String
    var type: String
    var value: String
    var version: Int
    var selector: String?
    var lastModifiedDate: Date
    var arn: String
    var dataType: String

    enum CodingKeys: String, CodingKey {
        case name = "Name", type = "Type", value = "Value", version = "Version", selector = "Selector"
        case lastModifiedDate = "LastModifiedDate", arn = "ARN", dataType = "DataType"
    }

    init(_ record: ParameterRecord, selector: String? = nil, region: String) {
        name = record.name
        type = record.type.rawValue
        value = record.value
        version = record.version
        self.selector = selector
        lastModifiedDate = record.lastModifiedDate
        arn = ParameterNames.arn(region: region, account: record.accountId, name: record.name)
        dataType = record.dataType
    }
}

/// `ParameterInlinePolicy`.
struct ParameterPolicyShape: Encodable {
    var policyText: String
    var policyType: String
    var policyStatus = "Pending"
    enum CodingKeys: String, CodingKey { case policyText = "PolicyText", policyType = "PolicyType", policyStatus = "PolicyStatus" }
}

/// `ParameterMetadata` (DescribeParameters) and `ParameterHistory` (with value and labels, without ARN).
struct ParameterMetadataShape: Encodable {
    var name: String
    var arn: String?
    var type: String
    var keyId: String?
    var lastModifiedDate: Date
    var lastModifiedUser: String
    var description: String?
    var allowedPattern: String?
    var version: Int
    var tier: String
    var policies: [ParameterPolicyShape]
    var dataType: String
    var value: String?
    var labels: [String]?

    enum CodingKeys: String, CodingKey {
        case name = "Name", arn = "ARN", type = "Type", keyId = "KeyId", lastModifiedDate = "LastModifiedDate", lastModifiedUser = "LastModifiedUser"
        case description = "Description", allowedPattern = "AllowedPattern", version = "Version", tier = "Tier", policies = "Policies"
        case dataType = "DataType", value = "Value", labels = "Labels"
    }

    init(_ record: ParameterRecord, region: String, history: Bool = false) {
        name = record.name
        arn = history ? nil : ParameterNames.arn(region: region, account: record.accountId, name: record.name)
        type = record.type.rawValue
        keyId = record.keyId
        lastModifiedDate = record.lastModifiedDate
        lastModifiedUser = record.lastModifiedUser
        description = record.description
        allowedPattern = record.allowedPattern
        version = record.version
        tier = record.tier.rawValue
        policies = record.policies.map { ParameterPolicyShape(policyText: $0.text, policyType: $0.kind.rawValue) }
        dataType = record.dataType
        if history {
            value = record.value
            labels = record.labels
        }
    }
}
