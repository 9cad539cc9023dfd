import Foundation

/// Where a command's output also goes: a CloudWatch Logs group (SendCommand's `CloudWatchOutputConfig`).
public struct CloudWatchOutput: Sendable, Hashable, Codable {
    /// The group named by the caller; nil: SSM's default `aws/ssm/DOCUMENT`.
    public var groupName: String?
    public var enabled: Bool

    public init(groupName: String?, enabled: Bool) {
        self.groupName = groupName
        self.enabled = enabled
    }

    /// The group output of a command of `documentName` is written to, as SSM names its default.
    public func group(documentName: String) -> String {
        if let groupName, !groupName.isEmpty { return groupName }
        return "aws/ssm/" + documentName
    }

    /// The stream of one step's stdout or stderr on one node: `COMMAND/NODE/STEP/stdout`, SSM's layout, with
    /// the `:` stream names may not hold written `-` (`aws:runShellScript` → `aws-runShellScript`).
    public static func streamName(commandId: String, instanceId: String, stepName: String, stream: String) -> String {
        [commandId, instanceId, stepName.replacingOccurrences(of: ":", with: "-"), stream].joined(separator: "/")
    }
}
