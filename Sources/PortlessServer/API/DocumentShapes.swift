import Foundation
import PortlessCore

/// `AmazonSSM.CreateDocument` input.
struct CreateDocumentRequest: Decodable, Sendable {
    var content: String
    var name: String
    var versionName: String?
    var documentType: String?
    var documentFormat: String?
    var targetType: String?
    var displayName: String?
    var tags: [Tag]?
    enum CodingKeys: String, CodingKey {
        case content = "Content", name = "Name", versionName = "VersionName", documentType = "DocumentType"
        case documentFormat = "DocumentFormat", targetType = "TargetType", displayName = "DisplayName", tags = "Tags"
    }
}

/// `AmazonSSM.UpdateDocument` input.
struct UpdateDocumentRequest: Decodable, Sendable {
    var content: String
    var name: String
    var versionName: String?
    var documentVersion: String?
    var documentFormat: String?
    var targetType: String?
    enum CodingKeys: String, CodingKey {
        case content = "Content", name = "Name", versionName = "VersionName", documentVersion = "DocumentVersion"
        case documentFormat = "DocumentFormat", targetType = "TargetType"
    }
}

/// `GetDocument`, `DescribeDocument`, `DeleteDocument` and `ListDocumentVersions` input.
struct DocumentNameRequest: Decodable, Sendable {
    var name: String
    var documentVersion: String?
    var versionName: String?
    var documentFormat: String?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case name = "Name", documentVersion = "DocumentVersion", versionName = "VersionName"
        case documentFormat = "DocumentFormat", maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// `AmazonSSM.ListDocuments` input.
struct ListDocumentsRequest: Decodable, Sendable {
    struct Filter: Decodable, Sendable {
        var key: String
        var values: [String]?
        enum CodingKeys: String, CodingKey { case key = "Key", values = "Values" }
    }
    struct LegacyFilter: Decodable, Sendable {
        var key: String
        var value: String
        enum CodingKeys: String, CodingKey { case key = "key", value = "value" }
    }
    var documentFilterList: [LegacyFilter]?
    var filters: [Filter]?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case documentFilterList = "DocumentFilterList", filters = "Filters", maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// `AmazonSSM.DescribeDocumentPermission` and `ModifyDocumentPermission` input.
struct DocumentPermissionRequest: Decodable, Sendable {
    var name: String
    var permissionType: String
    var accountIdsToAdd: [String]?
    var accountIdsToRemove: [String]?
    var sharedDocumentVersion: String?
    var maxResults: Int?
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case name = "Name", permissionType = "PermissionType", accountIdsToAdd = "AccountIdsToAdd"
        case accountIdsToRemove = "AccountIdsToRemove", sharedDocumentVersion = "SharedDocumentVersion"
        case maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// SSM's `DocumentDescription`, for one version of a document.
struct DocumentDescriptionShape: Encodable, Sendable {
    var entry: DocumentEntry
    var version: DocumentVersionRecord
    var tags: [Tag]

    enum CodingKeys: String, CodingKey {
        case name = "Name", owner = "Owner", hash = "Hash", hashType = "HashType", status = "Status"
        case documentVersion = "DocumentVersion", defaultVersion = "DefaultVersion", latestVersion = "LatestVersion"
        case versionName = "VersionName", description = "Description", parameters = "Parameters"
        case platformTypes = "PlatformTypes", documentType = "DocumentType", schemaVersion = "SchemaVersion"
        case documentFormat = "DocumentFormat", createdDate = "CreatedDate", tags = "Tags", targetType = "TargetType"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let facts = DocumentFacts(version.tree, type: entry.record.documentType)
        try container.encode(entry.record.name, forKey: .name)
        try container.encode(entry.owner, forKey: .owner)
        try container.encode(version.hash, forKey: .hash)
        try container.encode("Sha256", forKey: .hashType)
        try container.encode("Active", forKey: .status)
        try container.encode(String(version.version), forKey: .documentVersion)
        try container.encode(String(entry.record.defaultVersion), forKey: .defaultVersion)
        try container.encode(String(entry.record.latestVersion), forKey: .latestVersion)
        try container.encodeIfPresent(version.versionName, forKey: .versionName)
        try container.encodeIfPresent(facts.description, forKey: .description)
        try container.encode(facts.parameters, forKey: .parameters)
        try container.encode(facts.platformTypes, forKey: .platformTypes)
        try container.encode(entry.record.documentType, forKey: .documentType)
        try container.encode(facts.schemaVersion, forKey: .schemaVersion)
        try container.encode(version.format.rawValue, forKey: .documentFormat)
        try container.encode(version.createdDate, forKey: .createdDate)
        try container.encode(tags, forKey: .tags)
        try container.encodeIfPresent(entry.record.targetType, forKey: .targetType)
    }
}

/// SSM's `DocumentIdentifier`, a ListDocuments entry (described by its default version).
struct DocumentIdentifierShape: Encodable, Sendable {
    var entry: DocumentEntry
    var tags: [Tag]

    enum CodingKeys: String, CodingKey {
        case name = "Name", createdDate = "CreatedDate", owner = "Owner", versionName = "VersionName"
        case platformTypes = "PlatformTypes", documentVersion = "DocumentVersion", documentType = "DocumentType"
        case schemaVersion = "SchemaVersion", documentFormat = "DocumentFormat", targetType = "TargetType", tags = "Tags"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.record.name, forKey: .name)
        try container.encode(entry.record.createdDate, forKey: .createdDate)
        try container.encode(entry.owner, forKey: .owner)
        if let version = entry.defaultVersion {
            let facts = DocumentFacts(version.tree, type: entry.record.documentType)
            try container.encodeIfPresent(version.versionName, forKey: .versionName)
            try container.encode(facts.platformTypes, forKey: .platformTypes)
            try container.encode(String(version.version), forKey: .documentVersion)
            try container.encode(facts.schemaVersion, forKey: .schemaVersion)
            try container.encode(version.format.rawValue, forKey: .documentFormat)
        }
        try container.encode(entry.record.documentType, forKey: .documentType)
        try container.encodeIfPresent(entry.record.targetType, forKey: .targetType)
        try container.encode(tags, forKey: .tags)
    }
}

/// SSM's `DocumentVersionInfo`, a ListDocumentVersions entry.
struct DocumentVersionInfoShape: Encodable, Sendable {
    var record: DocumentRecord
    var version: DocumentVersionRecord

    enum CodingKeys: String, CodingKey {
        case name = "Name", documentVersion = "DocumentVersion", versionName = "VersionName", createdDate = "CreatedDate"
        case isDefaultVersion = "IsDefaultVersion", documentFormat = "DocumentFormat", status = "Status"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.name, forKey: .name)
        try container.encode(String(version.version), forKey: .documentVersion)
        try container.encodeIfPresent(version.versionName, forKey: .versionName)
        try container.encode(version.createdDate, forKey: .createdDate)
        try container.encode(version.version == record.defaultVersion, forKey: .isDefaultVersion)
        try container.encode(version.format.rawValue, forKey: .documentFormat)
        try container.encode("Active", forKey: .status)
    }
}

/// `AmazonSSM.GetDocument` output.
struct GetDocumentResponse: Encodable, Sendable {
    var name: String
    var createdDate: Date
    var versionName: String?
    var documentVersion: String
    var content: String
    var documentType: DocumentType
    var documentFormat: String
    enum CodingKeys: String, CodingKey {
        case name = "Name", createdDate = "CreatedDate", versionName = "VersionName", documentVersion = "DocumentVersion"
        case content = "Content", documentType = "DocumentType", documentFormat = "DocumentFormat", status = "Status"
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(createdDate, forKey: .createdDate)
        try container.encodeIfPresent(versionName, forKey: .versionName)
        try container.encode(documentVersion, forKey: .documentVersion)
        try container.encode("Active", forKey: .status)
        try container.encode(content, forKey: .content)
        try container.encode(documentType, forKey: .documentType)
        try container.encode(documentFormat, forKey: .documentFormat)
    }
}

/// `DocumentDefaultVersionDescription`, the UpdateDocumentDefaultVersion reply.
struct DocumentDefaultVersionShape: Encodable, Sendable {
    var name: String
    var defaultVersion: String
    var defaultVersionName: String?
    enum CodingKeys: String, CodingKey { case name = "Name", defaultVersion = "DefaultVersion", defaultVersionName = "DefaultVersionName" }
}

/// `DescribeDocumentPermission` output.
struct DocumentPermissionResponse: Encodable, Sendable {
    struct Sharing: Encodable, Sendable {
        var accountId: String
        var sharedDocumentVersion: String
        enum CodingKeys: String, CodingKey { case accountId = "AccountId", sharedDocumentVersion = "SharedDocumentVersion" }
    }
    var accountIds: [String]
    var accountSharingInfoList: [Sharing]
    var nextToken: String?
    enum CodingKeys: String, CodingKey {
        case accountIds = "AccountIds", accountSharingInfoList = "AccountSharingInfoList", nextToken = "NextToken"
    }
}

/// `AmazonSSM.UpdateDocumentDefaultVersion` input.
struct UpdateDocumentDefaultVersionRequest: Decodable, Sendable {
    var name: String
    var documentVersion: String
    enum CodingKeys: String, CodingKey { case name = "Name", documentVersion = "DocumentVersion" }
}
