public import Foundation

/// A long-term access key; the secret is kept sealed under the server's keyring.
public struct AccessKeyRecord: Sendable, Codable, Hashable {
    public var accessKeyId: String
    public var accountId: String
    /// The IAM user's name, or `root` for the account's root key.
    public var userName: String
    public var sealedSecret: Data
    public var createdAt: Date
    /// An inactive key is refused like an unknown one.
    public var status: AccessKeyStatus
    /// The IAM user's ID (`AIDA…`); nil for root.
    public var userId: String?
    /// The IAM user's path (part of its ARN); nil for root.
    public var userPath: String?
    /// When, with which service and in which region the key last signed a request (recorded at most once a minute).
    public var lastUsed: AccessKeyLastUse?

    public init(accessKeyId: String, accountId: String, userName: String, sealedSecret: Data, createdAt: Date,
                status: AccessKeyStatus = .active, userId: String? = nil, userPath: String? = nil) {
        self.accessKeyId = accessKeyId
        self.accountId = accountId
        self.userName = userName
        self.sealedSecret = sealedSecret
        self.createdAt = createdAt
        self.status = status
        self.userId = userId
        self.userPath = userPath
    }
}

/// IAM's access key status.
public enum AccessKeyStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case active = "Active"
    case inactive = "Inactive"
}

/// The last use of an access key.
public struct AccessKeyLastUse: Sendable, Codable, Hashable {
    public var date: Date
    /// The signing scope's service, e.g. `ssm`.
    public var serviceName: String
    public var region: String

    public init(date: Date, serviceName: String, region: String) {
        self.date = date
        self.serviceName = serviceName
        self.region = region
    }
}

/// A tag on a resource.
public struct Tag: Sendable, Codable, Hashable {
    public var key: String
    public var value: String

    enum CodingKeys: String, CodingKey { case key = "Key", value = "Value" }

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// An activation: the one-time secret with which nodes register.
public struct ActivationRecord: Sendable, Codable, Hashable {
    public var activationId: String
    public var accountId: String
    /// Hex SHA-256 of the activation code; the code itself is shown once and never stored.
    public var codeHash: String
    public var iamRole: String
    public var registrationLimit: Int
    public var registrationsCount: Int
    public var expirationDate: Date
    public var defaultInstanceName: String?
    public var description: String?
    public var tags: [Tag]
    public var createdDate: Date

    public init(activationId: String, accountId: String, codeHash: String, iamRole: String, registrationLimit: Int,
                registrationsCount: Int, expirationDate: Date, defaultInstanceName: String?, description: String?,
                tags: [Tag], createdDate: Date) {
        self.activationId = activationId
        self.accountId = accountId
        self.codeHash = codeHash
        self.iamRole = iamRole
        self.registrationLimit = registrationLimit
        self.registrationsCount = registrationsCount
        self.expirationDate = expirationDate
        self.defaultInstanceName = defaultInstanceName
        self.description = description
        self.tags = tags
        self.createdDate = createdDate
    }

    public func isExpired(at now: Date) -> Bool { expirationDate <= now }
}

/// A registered node.
public struct NodeRecord: Sendable, Codable, Hashable {
    public var instanceId: String
    public var accountId: String
    public var activationId: String
    public var iamRole: String
    /// Raw Ed25519 public key.
    public var publicKey: Data
    public var name: String?
    public var info: NodeInfo
    public var registrationDate: Date
    public var lastPingDateTime: Date?
    public var online: Bool

    public init(instanceId: String, accountId: String, activationId: String, iamRole: String, publicKey: Data,
                name: String?, info: NodeInfo, registrationDate: Date, lastPingDateTime: Date?, online: Bool) {
        self.instanceId = instanceId
        self.accountId = accountId
        self.activationId = activationId
        self.iamRole = iamRole
        self.publicKey = publicKey
        self.name = name
        self.info = info
        self.registrationDate = registrationDate
        self.lastPingDateTime = lastPingDateTime
        self.online = online
    }
}

/// A command sent to a set of nodes.
public struct CommandRecord: Sendable, Codable, Hashable {
    public var commandId: String
    public var accountId: String
    public var documentName: String
    public var documentVersion: String
    public var comment: String
    public var parameters: [String: [String]]
    public var instanceIds: [String]
    public var targets: [Target]
    public var requestedDateTime: Date
    public var expiresAfter: Date
    public var timeoutSeconds: Int
    public var status: CommandStatus
    public var statusDetails: String
    public var maxConcurrency: String
    public var maxErrors: String
    public var targetCount: Int
    public var completedCount: Int
    public var errorCount: Int
    public var deliveryTimedOutCount: Int
    public var cancelRequested: Bool
    /// How many invocations are in each status, by raw status value.
    public var invocationCounts: [String: Int]
    /// Where each step's full output is written, if anywhere.
    public var outputS3BucketName: String?
    public var outputS3KeyPrefix: String?
    /// Where step output also goes in CloudWatch Logs, if anywhere.
    public var cloudWatchOutput: CloudWatchOutput?
    public var plan: CommandPlan

    public init(commandId: String, accountId: String, documentName: String, documentVersion: String, comment: String,
                parameters: [String: [String]], instanceIds: [String], targets: [Target], requestedDateTime: Date,
                expiresAfter: Date, timeoutSeconds: Int, status: CommandStatus, statusDetails: String,
                maxConcurrency: String, maxErrors: String, targetCount: Int, plan: CommandPlan) {
        self.commandId = commandId
        self.accountId = accountId
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.comment = comment
        self.parameters = parameters
        self.instanceIds = instanceIds
        self.targets = targets
        self.requestedDateTime = requestedDateTime
        self.expiresAfter = expiresAfter
        self.timeoutSeconds = timeoutSeconds
        self.status = status
        self.statusDetails = statusDetails
        self.maxConcurrency = maxConcurrency
        self.maxErrors = maxErrors
        self.targetCount = targetCount
        self.completedCount = 0
        self.errorCount = 0
        self.deliveryTimedOutCount = 0
        self.cancelRequested = false
        self.invocationCounts = [:]
        self.plan = plan
    }

    /// When an undelivered invocation of this command stops waiting for its node.
    public var deliveryDeadline: Date { requestedDateTime.addingTimeInterval(TimeInterval(timeoutSeconds)) }
}

/// One node's invocation of a command.
public struct InvocationRecord: Sendable, Codable, Hashable {
    public var commandId: String
    public var instanceId: String
    public var instanceName: String
    public var status: InvocationStatus
    public var statusDetails: String
    public var requestedDateTime: Date
    public var responseCode: Int
    /// When rate control released the invocation to its node; nil while it waits its turn.
    public var dispatchedAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var steps: [StepReport]
    /// Variables only this node's steps see, over the command's own (a scan's per-node upload URL).
    /// Kept out of every API reply.
    public var environment: [String: String]?

    public init(commandId: String, instanceId: String, instanceName: String, requestedDateTime: Date) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.instanceName = instanceName
        self.status = .pending
        self.statusDetails = InvocationStatus.pending.defaultDetails
        self.requestedDateTime = requestedDateTime
        self.responseCode = -1
        self.steps = []
    }
}
