public import Foundation

/// A user's console password: only its slow hash (``PasswordHasher``) is kept.
public struct LoginProfileRecord: Sendable, Codable, Hashable {
    public var passwordHash: String
    public var createDate: Date
    public var passwordResetRequired: Bool

    public init(passwordHash: String, createDate: Date, passwordResetRequired: Bool) {
        self.passwordHash = passwordHash
        self.createDate = createDate
        self.passwordResetRequired = passwordResetRequired
    }
}
