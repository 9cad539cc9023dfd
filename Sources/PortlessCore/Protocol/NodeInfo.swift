/// What an agent reports about its node.
public struct NodeInfo: Sendable, Hashable, Codable {
    public var hostname: String
    public var ipAddress: String
    public var platformType: String
    public var platformName: String
    public var platformVersion: String
    public var agentVersion: String

    public init(hostname: String, ipAddress: String, platformType: String, platformName: String,
                platformVersion: String, agentVersion: String) {
        self.hostname = hostname
        self.ipAddress = ipAddress
        self.platformType = platformType
        self.platformName = platformName
        self.platformVersion = platformVersion
        self.agentVersion = agentVersion
    }
}
