/// Persistence for Parameter Store: each parameter's current record and its version history. Every method is atomic.
public protocol ParameterStore: Sendable {
    /// The current (highest) version of `name`.
    func parameter(accountId: String, name: String) async throws -> ParameterRecord?
    /// Every kept version of `name`, oldest first.
    func parameterVersions(accountId: String, name: String) async throws -> [ParameterRecord]
    /// The current record of every parameter of `accountId` whose name starts with `prefix` (all when nil), by name.
    func parameters(accountId: String, prefix: String?) async throws -> [ParameterRecord]
    /// Reads every kept version of `name` (oldest first; empty when there is none), lets `body` return the versions to keep
    /// instead (nil: leave them) and a result, and writes the change, all in one transaction. Keeping `[]` deletes the
    /// parameter and its tags.
    func modifyParameter<T: Sendable>(accountId: String, name: String,
                                      _ body: @Sendable ([ParameterRecord]) throws -> (versions: [ParameterRecord]?, result: T)) async throws -> T
}
