import PortlessCore

/// Decides the user a session runs as on the node, as Session Manager does: with run-as support enabled in
/// the preferences, the principal's `SSMSessionRunAs` tag, else the preferences' default user; otherwise (or
/// when neither names one) the unprivileged `portless-user` the agent creates.
struct SessionRunAs: Sendable {
    static let tagKey = "SSMSessionRunAs"
    static let defaultUser = "portless-user"

    let sources: PolicySources

    func user(for principal: Principal, preferences: SessionPreferences) async throws -> String {
        guard preferences.runAsEnabled else { return Self.defaultUser }
        let tags = try await sources.applied(to: principal).principalTags
        let named = tags.first { $0.key == Self.tagKey }?.value ?? preferences.runAsDefaultUser
        guard let named, !named.isEmpty else { return Self.defaultUser }
        guard SessionValidation.isUserName(named) else { throw PortlessError.Sessions.invalidRunAsUser(named) }
        return named
    }
}
