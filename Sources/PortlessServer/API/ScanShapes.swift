import Foundation
import PortlessCore

/// `Portless.StartScan`'s input.
struct StartScanRequest: Decodable, Sendable {
    var targets: [Target]?
    var accountIds: [String]?
    var roleName: String?
    var bundleSha256: String?
    var name: String?
    var windowSeconds: Int?
    var maxConcurrency: String?
    var maxErrors: String?
    var checkTimeoutSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case targets = "Targets", accountIds = "AccountIds", roleName = "RoleName", bundleSha256 = "BundleSha256", name = "Name"
        case windowSeconds = "WindowSeconds", maxConcurrency = "MaxConcurrency", maxErrors = "MaxErrors"
        case checkTimeoutSeconds = "CheckTimeoutSeconds"
    }

    var scanRequest: ScanRequest {
        ScanRequest(targets: targets ?? [], accountIds: accountIds ?? [], roleName: roleName, bundleSha256: bundleSha256, name: name,
                    windowSeconds: windowSeconds, maxConcurrency: maxConcurrency, maxErrors: maxErrors, checkTimeoutSeconds: checkTimeoutSeconds)
    }
}

/// The input of the operations that name one scan.
struct ScanIdRequest: Decodable, Sendable {
    var scanId: String
    var includeNodes: Bool?

    enum CodingKeys: String, CodingKey { case scanId = "ScanId", includeNodes = "IncludeNodes" }
}

/// `Portless.ListScans` / `ListScanBundles` input.
struct ListScansRequest: Decodable, Sendable {
    var maxResults: Int?
    var nextToken: String?

    enum CodingKeys: String, CodingKey { case maxResults = "MaxResults", nextToken = "NextToken" }
}

/// `Portless.PutScanBundle` input: the gzipped tar, base64.
struct PutScanBundleRequest: Decodable, Sendable {
    var archive: String

    enum CodingKeys: String, CodingKey { case archive = "Archive" }
}

/// A scan as the API shows it.
struct ScanShape: Encodable, Sendable {
    var scan: ScanRecord
    var counts: [NodeScanState: Int]

    enum CodingKeys: String, CodingKey {
        case scanId = "ScanId", name = "Name", status = "Status", targets = "Targets", accounts = "Accounts", bundleSha256 = "BundleSha256"
        case requestedAt = "RequestedAt", windowEndsAt = "WindowEndsAt", finishedAt = "FinishedAt", maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors", associationId = "AssociationId", startedBy = "StartedBy", nodeCounts = "NodeCounts"
        case refusedUploads = "RefusedUploads", refusedUploadCount = "RefusedUploadCount"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scan.scanId, forKey: .scanId)
        try container.encode(scan.name, forKey: .name)
        try container.encode(scan.status.rawValue, forKey: .status)
        try container.encode(scan.targets, forKey: .targets)
        try container.encode(scan.accounts.map(AccountShape.init), forKey: .accounts)
        try container.encode(scan.bundleSha256, forKey: .bundleSha256)
        try container.encode(scan.requestedAt, forKey: .requestedAt)
        try container.encode(scan.windowEndsAt, forKey: .windowEndsAt)
        try container.encodeIfPresent(scan.finishedAt, forKey: .finishedAt)
        try container.encode(scan.maxConcurrency, forKey: .maxConcurrency)
        try container.encode(scan.maxErrors, forKey: .maxErrors)
        try container.encodeIfPresent(scan.associationId, forKey: .associationId)
        try container.encode(scan.startedBy, forKey: .startedBy)
        try container.encode(Dictionary(uniqueKeysWithValues: NodeScanState.allCases.map { ($0.rawValue, counts[$0, default: 0]) }),
                             forKey: .nodeCounts)
        try container.encode(scan.refusals.map(RefusalShape.init), forKey: .refusedUploads)
        try container.encode(scan.refusalCount, forKey: .refusedUploadCount)
    }

    struct AccountShape: Encodable {
        var account: ScanAccount
        enum CodingKeys: String, CodingKey { case accountId = "AccountId", roleName = "RoleName", commandId = "CommandId", error = "Error" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(account.accountId, forKey: .accountId)
            try container.encodeIfPresent(account.roleName, forKey: .roleName)
            try container.encodeIfPresent(account.commandId, forKey: .commandId)
            try container.encodeIfPresent(account.error, forKey: .error)
        }
    }

    struct RefusalShape: Encodable {
        var refusal: ScanUploadRefusal
        enum CodingKeys: String, CodingKey { case key = "Key", nodeId = "NodeId", reason = "Reason", at = "At" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(refusal.key, forKey: .key)
            try container.encodeIfPresent(refusal.nodeId, forKey: .nodeId)
            try container.encode(refusal.reason, forKey: .reason)
            try container.encode(refusal.at, forKey: .at)
        }
    }
}

/// One node's part of a scan, with its check counts.
struct ScanNodeShape: Encodable, Sendable {
    var node: NodeScanOutcome

    enum CodingKeys: String, CodingKey {
        case nodeId = "NodeId", accountId = "AccountId", hostname = "Hostname", state = "State", reason = "Reason"
        case scannedAt = "ScannedAt", checkCounts = "CheckCounts"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(node.nodeId, forKey: .nodeId)
        try container.encode(node.accountId, forKey: .accountId)
        try container.encode(node.hostname, forKey: .hostname)
        try container.encode(node.state.rawValue, forKey: .state)
        try container.encodeIfPresent(node.reason, forKey: .reason)
        try container.encodeIfPresent(node.scannedAt, forKey: .scannedAt)
        let counts = Dictionary(grouping: node.results, by: \.status).mapValues(\.count)
        try container.encode(Dictionary(uniqueKeysWithValues: CheckStatus.allCases.map { ($0.rawValue, counts[$0, default: 0]) }),
                             forKey: .checkCounts)
    }
}

/// A bundle version as the API shows it.
struct BundleShape: Encodable, Sendable {
    var bundle: BundleRecord

    enum CodingKeys: String, CodingKey {
        case sha256 = "Sha256", checkIds = "CheckIds", size = "Size", pushedAt = "PushedAt", pushedBy = "PushedBy"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bundle.sha256, forKey: .sha256)
        try container.encode(bundle.checkIds, forKey: .checkIds)
        try container.encode(bundle.size, forKey: .size)
        try container.encode(bundle.pushedAt, forKey: .pushedAt)
        try container.encode(bundle.pushedBy, forKey: .pushedBy)
    }
}

/// `Portless.GetScanReport` input: the scan, the format (`json`, `html`, `csv`, `findings`) and the language (`ko`, `en`).
struct ScanReportRequest: Decodable, Sendable {
    var scanId: String
    var format: String?
    var language: String?

    enum CodingKeys: String, CodingKey { case scanId = "ScanId", format = "Format", language = "Language" }
}
