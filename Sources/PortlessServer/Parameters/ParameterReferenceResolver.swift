import Foundation
import PortlessCore

/// Resolves `{{ssm:NAME}}` in a command at SendCommand: the caller must be allowed `ssm:GetParameters` on every
/// parameter named; a SecureString or a missing parameter refuses the command, as SSM does.
struct ParameterReferenceResolver: Sendable {
    let parameters: ParameterService
    let authorizer: Authorizer

    /// The value of each name (with its selector) in `names`.
    func resolve(_ names: [String], principal: Principal, facts: CallFacts) async throws -> [String: String] {
        guard !names.isEmpty else { return [:] }
        var resources: [ResourceRef] = []
        for name in names {
            resources.append(try await authorizer.resolver.parameter(ParameterSelector.name(of: name), account: principal.accountId))
        }
        try await authorizer.require(AccessCheck("ssm:GetParameters", resources, facts: facts), by: principal)
        var values: [String: String] = [:]
        let caller = KMSCaller(principal: principal, facts: facts)
        for name in names {
            let read: ParameterService.ReadParameter
            do {
                read = try await parameters.get(name, withDecryption: false, caller: caller)
            } catch let error as PortlessError where [.parameterNotFound, .parameterVersionNotFound, .validation].contains(error.code) {
                throw ParameterErrors.unresolvableReference(name)
            }
            guard read.record.type != .secureString else { throw ParameterErrors.unresolvableReference(name) }
            values[name] = read.record.value
        }
        return values
    }
}
