public import Foundation

/// Names one invocation: a command and a node.
public struct InvocationKey: Sendable, Hashable {
    public var commandId: String
    public var instanceId: String
    public init(commandId: String, instanceId: String) {
        self.commandId = commandId
        self.instanceId = instanceId
    }
}

/// Filters for listing commands and invocations.
public struct CommandQuery: Sendable {
    public var commandId: String?
    public var instanceId: String?
    public var status: String?
    /// A StatusDetails value to match (e.g. `Delivery Timed Out`).
    public var statusDetails: String?
    /// Only commands still executing (true) or only finished ones (false).
    public var executing: Bool?
    public var documentName: String?
    public var invokedAfter: Date?
    public var invokedBefore: Date?
    public init() {}
}

/// The persistence boundary: one implementation (SQLKit) serves SQLite and PostgreSQL.
///
/// Every method is atomic. Listing methods return items in a stable order with an opaque offset.
public protocol Store: Sendable {
    // Accounts and keys.
    func rootAccountId() async throws -> String?
    func createRootAccount(accountId: String, key: AccessKeyRecord) async throws
    func accessKey(id: String) async throws -> AccessKeyRecord?

    // Activations.
    func insertActivation(_ activation: ActivationRecord) async throws
    func activation(id: String) async throws -> ActivationRecord?
    func activations(accountId: String) async throws -> [ActivationRecord]
    func deleteActivation(id: String) async throws
    /// Checks the activation with `admit`, counts one registration and stores the node, all or nothing.
    func registerNode(_ node: NodeRecord, activationId: String,
                      admit: @Sendable (ActivationRecord) throws -> Void) async throws

    // Nodes.
    func node(id: String) async throws -> NodeRecord?
    /// Whether some node already registered with this public key.
    func nodeExists(publicKey: Data) async throws -> Bool
    func nodes(accountId: String) async throws -> [NodeRecord]
    func updateNode(_ node: NodeRecord) async throws
    /// Marks every node offline (at server start, before agents reconnect).
    func markAllNodesOffline() async throws

    // Tags.
    func tags(resourceType: String, resourceId: String) async throws -> [Tag]
    func addTags(_ tags: [Tag], resourceType: String, resourceId: String) async throws
    func removeTags(keys: [String], resourceType: String, resourceId: String) async throws
    /// Every tag on resources of `resourceType`, by resource ID.
    func allTags(resourceType: String) async throws -> [String: [Tag]]
    /// The nodes of `accountId` that meet every condition (every node of the account when there is
    /// none), oldest registration first; resolved through indexes, without reading the other nodes.
    func targetNodes(accountId: String, meeting conditions: [TargetCondition]) async throws -> [TargetedNode]

    // Commands.
    func insertCommand(_ command: CommandRecord, invocations: [InvocationRecord]) async throws
    func command(id: String) async throws -> CommandRecord?
    /// Reads the command and all its invocations, lets `body` change them, and writes them back, atomically.
    func modifyCommand<T: Sendable>(id: String,
                                    _ body: @Sendable (inout CommandRecord, inout [InvocationRecord]) throws -> T) async throws
        -> (command: CommandRecord, invocations: [InvocationRecord], result: T)?
    func commands(accountId: String, query: CommandQuery, offset: Int, limit: Int) async throws -> [CommandRecord]
    func invocation(commandId: String, instanceId: String) async throws -> InvocationRecord?
    func invocations(commandId: String) async throws -> [InvocationRecord]
    func invocations(accountId: String, query: CommandQuery, offset: Int, limit: Int) async throws -> [InvocationRecord]
    /// Reads invocations and their commands, lets `body` change them, and writes them back, all in
    /// one transaction: `body` gets each one's index in `keys`; each command is read and written
    /// once however many of its invocations change, and of a command only its status and counters
    /// may change. Results line up with `keys` (nil where there is no such invocation).
    func modifyInvocations<T: Sendable>(_ keys: [InvocationKey],
                                        _ body: @Sendable (Int, inout InvocationRecord, inout CommandRecord) throws -> T) async throws
        -> [(invocation: InvocationRecord, command: CommandRecord, result: T)?]
    /// Marks invocations as released to their nodes by rate control, all in one transaction.
    func markDispatched(commandId: String, instanceIds: [String], at date: Date) async throws
    /// Commands not yet in a terminal state, oldest first (to resume dispatch after a restart).
    func openCommands() async throws -> [CommandRecord]
    /// Invocations of `instanceId` that have not reached a terminal state, oldest first.
    func openInvocations(instanceId: String) async throws -> [InvocationRecord]
    /// Pending invocations whose command's delivery deadline is before `now`.
    func overdueInvocations(now: Date) async throws -> [InvocationRecord]
}
