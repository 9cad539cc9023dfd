/// A node SendCommand chose: its ID and the host name its invocation is listed under.
public struct TargetedNode: Sendable, Hashable {
    public var instanceId: String
    public var hostname: String

    public init(instanceId: String, hostname: String) {
        self.instanceId = instanceId
        self.hostname = hostname
    }
}
