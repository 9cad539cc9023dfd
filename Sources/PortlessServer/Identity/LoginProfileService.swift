import Foundation
import PortlessCore

/// Console passwords of IAM users (login profiles), kept only as ``PasswordHasher`` hashes.
///
/// New passwords must meet IAM's default password policy: at least 8 characters, of at least three of
/// the kinds upper-case letters, lower-case letters, digits and other characters.
struct LoginProfileService: Sendable {
    let store: any IdentityStore
    let hasher: PasswordHasher

    func create(accountId: String, userName: String, password: String, resetRequired: Bool, now: Date = Date()) async throws -> (UserRecord, LoginProfileRecord) {
        try IAMValidation.userName(userName)
        let hash = try Self.hash(password, with: hasher)
        let profile = LoginProfileRecord(passwordHash: hash, createDate: now.wholeSecond, passwordResetRequired: resetRequired)
        let exists = PortlessError(aws: .entityAlreadyExists, "Login Profile for user \(userName) already exists.", field: "UserName")
        guard let user = try await store.modifyUser(accountId: accountId, name: userName, { user in
            guard user.loginProfile == nil else { throw exists }
            user.loginProfile = profile
        }) else { throw IAMEntity.noSuchUser(userName) }
        return (user, profile)
    }

    func get(accountId: String, userName: String) async throws -> (UserRecord, LoginProfileRecord) {
        try IAMValidation.userName(userName)
        guard let user = try await store.user(accountId: accountId, name: userName) else { throw IAMEntity.noSuchUser(userName) }
        guard let profile = user.loginProfile else { throw Self.notFound(userName) }
        return (user, profile)
    }

    func update(accountId: String, userName: String, password: String?, resetRequired: Bool?) async throws {
        try IAMValidation.userName(userName)
        let hash = try password.map { try Self.hash($0, with: hasher) }
        let missing = Self.notFound(userName)
        let updated = try await store.modifyUser(accountId: accountId, name: userName) { user in
            guard var profile = user.loginProfile else { throw missing }
            if let hash { profile.passwordHash = hash }
            if let resetRequired { profile.passwordResetRequired = resetRequired }
            user.loginProfile = profile
        }
        guard updated != nil else { throw IAMEntity.noSuchUser(userName) }
    }

    func delete(accountId: String, userName: String) async throws {
        try IAMValidation.userName(userName)
        let missing = Self.notFound(userName)
        let updated = try await store.modifyUser(accountId: accountId, name: userName) { user in
            guard user.loginProfile != nil else { throw missing }
            user.loginProfile = nil
        }
        guard updated != nil else { throw IAMEntity.noSuchUser(userName) }
    }

    /// `ChangePassword`: an IAM user replaces its own password, proving the old one; clears PasswordResetRequired.
    func changePassword(principal: Principal, oldPassword: String, newPassword: String) async throws {
        try IAMValidation.password(oldPassword, field: "OldPassword")
        try IAMValidation.password(newPassword, field: "NewPassword")
        guard principal.assumedRole == nil, !principal.isRoot, !principal.isTemporary else {
            throw PortlessError(.invalidUserType, "Only an IAM user can change its own password with ChangePassword.", field: "OldPassword")
        }
        let (user, profile) = try await get(accountId: principal.accountId, userName: principal.userName)
        guard hasher.verify(oldPassword, against: profile.passwordHash) else {
            throw PortlessError(.accessDeniedQuery, "The old password is not the user's current password.", field: "OldPassword")
        }
        let hash = try Self.hash(newPassword, with: hasher, field: "NewPassword")
        let stale = profile.passwordHash
        let changed = PortlessError(.accessDeniedQuery, "The password changed meanwhile; try again.", field: "OldPassword")
        _ = try await store.modifyUser(accountId: principal.accountId, name: user.userName) { user in
            guard user.loginProfile?.passwordHash == stale else { throw changed }
            user.loginProfile?.passwordHash = hash
            user.loginProfile?.passwordResetRequired = false
        }
    }

    /// Whether `password` is `userName`'s console password (for the web console's sign-in).
    func verify(accountId: String, userName: String, password: String) async throws -> Bool {
        guard let profile = try await store.user(accountId: accountId, name: userName)?.loginProfile else { return false }
        return hasher.verify(password, against: profile.passwordHash)
    }

    /// Checks `password` against the model and the default password policy, then hashes it.
    static func hash(_ password: String, with hasher: PasswordHasher, field: String = "Password") throws -> String {
        try IAMValidation.password(password, field: field)
        let kinds = [
            password.contains { $0.isUppercase }, password.contains { $0.isLowercase }, password.contains { $0.isNumber },
            password.contains { !$0.isLetter && !$0.isNumber },
        ].filter { $0 }.count
        guard password.count >= 8, kinds >= 3 else {
            throw PortlessError(aws: .passwordPolicyViolation, "Password does not conform to the account password policy.", field: field)
        }
        return try hasher.hash(password)
    }

    static func notFound(_ userName: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "Login Profile for User \(userName) cannot be found.", field: "UserName")
    }
}
