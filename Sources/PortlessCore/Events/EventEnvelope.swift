public import Foundation

/// An event in EventBridge's envelope, as rules and targets will see it.
public struct EventEnvelope: Sendable, Hashable, Codable {
    public var version: String
    public var id: String
    public var detailType: String
    public var source: String
    public var account: String
    public var time: Date
    public var region: String
    public var resources: [String]
    public var detail: JSONValue

    enum CodingKeys: String, CodingKey {
        case version, id, source, account, time, region, resources, detail
        case detailType = "detail-type"
    }

    public init(detailType: String, source: String, account: String, time: Date, region: String,
                resources: [String], detail: JSONValue) {
        self.version = "0"
        self.id = Identifiers.uuid()
        self.detailType = detailType
        self.source = source
        self.account = account
        self.time = time
        self.region = region
        self.resources = resources
        self.detail = detail
    }
}
