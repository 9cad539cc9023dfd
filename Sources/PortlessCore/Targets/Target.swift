/// A SendCommand target: a key (`InstanceIds`, `tag:<key>`, `tag-key`) and the values it takes.
public struct Target: Sendable, Hashable, Codable {
    public var key: String
    public var values: [String]

    enum CodingKeys: String, CodingKey { case key = "Key", values = "Values" }

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }
}
