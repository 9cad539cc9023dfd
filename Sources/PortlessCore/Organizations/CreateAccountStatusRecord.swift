public import Foundation

/// One `CreateAccount` request and how it ended (`CreateAccountStatus`).
public struct CreateAccountStatusRecord: Sendable, Codable, Hashable {
    public enum State: String, Sendable, Codable { case inProgress = "IN_PROGRESS", succeeded = "SUCCEEDED", failed = "FAILED" }
    /// Why a request failed (the subset of `CreateAccountFailureReason` Portless can meet).
    public enum FailureReason: String, Sendable, Codable { case emailAlreadyExists = "EMAIL_ALREADY_EXISTS", internalFailure = "INTERNAL_FAILURE" }

    /// `car-` and 8–32 lower-case alphanumerics.
    public var id: String
    public var accountName: String
    public var state: State
    public var requestedAt: Date
    public var completedAt: Date?
    public var accountId: String?
    public var failureReason: FailureReason?

    public init(id: String, accountName: String, state: State, requestedAt: Date, completedAt: Date?, accountId: String?,
                failureReason: FailureReason?) {
        self.id = id
        self.accountName = accountName
        self.state = state
        self.requestedAt = requestedAt
        self.completedAt = completedAt
        self.accountId = accountId
        self.failureReason = failureReason
    }
}
