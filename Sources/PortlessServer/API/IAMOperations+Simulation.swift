import Foundation
import PortlessCore

extension IAMOperations {
    /// SimulatePrincipalPolicy and SimulateCustomPolicy: the evaluator's decisions with the matching statements.
    static let simulationActions: [String: Handler] = [
        "SimulatePrincipalPolicy": { iam, p, principal in
            let source = try p.required("PolicySourceArn")
            let simulated = try await iam.simulatedPrincipal(source, caller: principal)
            let results = try await iam.simulator.simulate(try simulationInput(p), as: simulated, onlyGivenPolicies: false)
            return evaluationResults(results)
        },
        "SimulateCustomPolicy": { iam, p, principal in
            let input = try simulationInput(p)
            guard !input.policies.isEmpty else {
                throw ConstraintViolation.error(.validationError, value: nil, field: "PolicyInputList", .notNull)
            }
            // The policies are evaluated for an IAM user of the caller's account, whoever the caller is.
            let user = Principal(accountId: principal.accountId, userName: "simulated-user", accessKeyId: "simulation:custom",
                                 iamUserId: "AIDASIMULATEDUSER0000")
            return evaluationResults(try await iam.simulator.simulate(input, as: user, onlyGivenPolicies: true))
        },
    ]

    /// The user or role `arn` names, in the caller's account, as the evaluator would see it sign a request.
    func simulatedPrincipal(_ arn: String, caller: Principal) async throws -> Principal {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        let invalid = PortlessError(.invalidInput, "PolicySourceArn must name a user or role of your account: \(arn)", field: "PolicySourceArn")
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[4] == caller.accountId else { throw invalid }
        let name = String(parts[5].split(separator: "/").last ?? "")
        if parts[5].hasPrefix("user/") {
            guard let user = try await store.user(accountId: caller.accountId, name: name) else { throw IAMEntity.noSuchUser(name) }
            return Principal(accountId: user.accountId, userName: user.userName, accessKeyId: "simulation:\(user.arn)", iamUserId: user.userId)
        }
        if parts[5].hasPrefix("role/") {
            let role = try await roles.get(accountId: caller.accountId, name: name)
            let session = AssumedRoleSession(roleName: role.roleName, roleId: role.roleId, rolePath: role.path, sessionName: "simulation")
            return Principal(accountId: role.accountId, userName: "simulation", accessKeyId: "simulation:\(role.arn)", assumedRole: session,
                             isTemporary: true, session: SessionContext(issuedAt: Date()))
        }
        throw invalid
    }

    /// ActionNames, ResourceArns, PolicyInputList, ResourcePolicy and ContextEntries of a simulation request.
    static func simulationInput(_ p: QueryParameters) throws -> PolicySimulator.Input {
        let actions = p.members("ActionNames")
        guard !actions.isEmpty else { throw ConstraintViolation.error(.validationError, value: nil, field: "ActionNames", .notNull) }
        var context: [String: [ConditionValue]] = [:]
        var index = 1
        while let key = p["ContextEntries.member.\(index).ContextKeyName"] {
            let type = p["ContextEntries.member.\(index).ContextKeyType"] ?? "string"
            context[key] = try p.members("ContextEntries.member.\(index).ContextKeyValues").map { try contextValue($0, type: type, key: key) }
            index += 1
        }
        return PolicySimulator.Input(actions: actions, resources: p.members("ResourceArns"), policies: p.members("PolicyInputList"),
                                     resourcePolicy: p["ResourcePolicy"], context: context)
    }

    /// A context value by its `ContextKeyType` (`string`, `numeric`, `boolean`, `date`, `ip`, `binary` and their lists).
    static func contextValue(_ text: String, type: String, key: String) throws -> ConditionValue {
        let base = type.hasSuffix("List") ? String(type.dropLast(4)) : type
        switch base {
        case "string": return .string(text)
        case "numeric":
            guard let number = Double(text) else { throw badContext(key, text, type) }
            return .number(number)
        case "boolean":
            guard text == "true" || text == "false" else { throw badContext(key, text, type) }
            return .bool(text == "true")
        case "date": return .string(text)
        case "ip": return .ip(text)
        case "binary":
            guard let data = Data(base64Encoded: text) else { throw badContext(key, text, type) }
            return .binary(data)
        default:
            throw PortlessError(.invalidInput, "ContextKeyType \(type) is not one of IAM's context key types.", field: "ContextKeyType")
        }
    }

    private static func badContext(_ key: String, _ text: String, _ type: String) -> PortlessError {
        PortlessError(.invalidInput, "Context value '\(text)' of \(key) is not a \(type).", field: "ContextKeyValues")
    }

    /// `EvaluationResults`, `IsTruncated`.
    static func evaluationResults(_ results: [PolicySimulator.Result]) -> [XMLTag] {
        let members = results.map { result in
            var children = [
                XMLTag("EvalActionName", result.action),
                XMLTag("EvalResourceName", result.resource),
                XMLTag("EvalDecision", result.decision.rawValue),
                XMLTag("MatchedStatements", children: result.matched.map { statement in
                    XMLTag("member", children: [
                        XMLTag("SourcePolicyId", sourcePolicyId(statement.policyName)),
                        XMLTag("SourcePolicyType", sourcePolicyType(statement)),
                    ])
                }),
                XMLTag("MissingContextValues", children: []),
                XMLTag("OrganizationsDecisionDetail", children: [XMLTag("AllowedByOrganizations", result.allowedByOrganizations ? "true" : "false")]),
            ]
            if let boundary = result.allowedByBoundary {
                children.append(XMLTag("PermissionsBoundaryDecisionDetail", children: [
                    XMLTag("AllowedByPermissionsBoundary", boundary ? "true" : "false"),
                ]))
            }
            return XMLTag("member", children: children)
        }
        return [XMLTag("EvaluationResults", children: members), XMLTag("IsTruncated", "false")]
    }

    /// IAM's `SourcePolicyId`: an inline policy's name, a managed policy's name, or the input's own label.
    static func sourcePolicyId(_ name: String) -> String {
        if name.contains("/inline/") || name.hasPrefix("arn:") { return String(name.split(separator: "/").last ?? Substring(name)) }
        return name
    }

    /// IAM's `SourcePolicyType`: `user`, `group`, `role` (inline), `aws-managed`, `user-managed`, `resource` or `none`.
    static func sourcePolicyType(_ statement: MatchedStatement) -> String {
        let name = statement.policyName
        if statement.kind.namesPrincipals { return "resource" }
        if name.hasPrefix("arn:aws:iam::aws:") { return "aws-managed" }
        if name.hasPrefix("arn:") { return "user-managed" }
        for kind in ["user", "group", "role"] where name.hasPrefix("\(kind)/") { return kind }
        return "none"
    }
}
