import Foundation

/// Turns policy JSON into compiled statements, refusing what IAM refuses at write time (in IAM's order:
/// syntax, version, legacy parsing, Sid uniqueness, actions, resources, principals).
struct PolicyParser {
    static let topElements: Set<String> = ["Version", "Id", "Statement"]
    static let statementElements: Set<String> = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                                  "Resource", "NotResource", "Condition"]

    let kind: PolicyKind

    func parse(_ json: String) throws(PolicyDocumentError) -> (version: String, statements: [PolicyStatement]) {
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), let object = root.objectValue else {
            throw .syntax
        }
        guard Set(object.keys).isSubset(of: Self.topElements) else { throw .syntax }
        if let id = object["Id"], id.stringValue == nil { throw .syntax }
        let raw: [[String: JSONValue]]
        switch object["Statement"] {
        case .object(let single)?: raw = [single]
        case .array(let list)?:
            let objects = list.compactMap(\.objectValue)
            guard !objects.isEmpty, objects.count == list.count else { throw .syntax }
            raw = objects
        default: throw .syntax
        }
        for statement in raw { try checkSyntax(statement) }
        guard let version = object["Version"] else { throw .version }
        guard let text = version.stringValue, text == "2012-10-17" || text == "2008-10-17" else { throw .syntax }
        for statement in raw { try checkLegacy(statement) }
        var sids = Set<String>()
        for statement in raw {
            if let sid = statement["Sid"]?.stringValue, !sid.isEmpty, !sids.insert(sid).inserted { throw .duplicateSid }
        }
        for statement in raw {
            guard let actions = strings(statement["Action"] ?? statement["NotAction"]), !actions.isEmpty else { throw .missingAction }
        }
        for statement in raw { try checkResources(statement) }
        for statement in raw { try checkPrincipals(statement) }
        for statement in raw {
            for action in strings(statement["Action"] ?? statement["NotAction"]) ?? [] { try checkAction(action) }
        }
        let variables = text == "2012-10-17"
        return (text, raw.map { compile($0, variables: variables) })
    }

    // MARK: Checks

    private func checkSyntax(_ statement: [String: JSONValue]) throws(PolicyDocumentError) {
        guard Set(statement.keys).isSubset(of: Self.statementElements) else { throw .syntax }
        for (a, b) in [("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")]
        where statement[a] != nil && statement[b] != nil { throw .syntax }
        guard let effect = statement["Effect"]?.stringValue, PolicyStatement.Effect(rawValue: effect) != nil else { throw .syntax }
        for name in ["Action", "NotAction", "Resource", "NotResource"] {
            if let value = statement[name], strings(value) == nil { throw .syntax }
        }
        if let sid = statement["Sid"], sid.stringValue == nil { throw .syntax }
        if let condition = statement["Condition"] {
            guard let blocks = condition.objectValue else { throw .syntax }
            for (name, block) in blocks {
                guard let keys = block.objectValue else { throw .syntax }
                for value in keys.values where conditionValues(value) == nil { throw .syntax }
                guard ConditionOperator.parse(name) != nil else { throw .unknownOperator }
            }
        }
        if let principal = statement["Principal"] ?? statement["NotPrincipal"] {
            switch principal {
            case .string("*"): break
            case .object(let map):
                for (type, value) in map {
                    guard ["AWS", "Service", "Federated", "CanonicalUser"].contains(type), let names = strings(value), !names.isEmpty else {
                        throw .syntax
                    }
                }
            default: throw .syntax
            }
        }
    }

    private func checkLegacy(_ statement: [String: JSONValue]) throws(PolicyDocumentError) {
        for (name, block) in statement["Condition"]?.objectValue ?? [:] {
            guard let (_, op, _) = ConditionOperator.parse(name), op.operandKind == .date else { continue }
            for value in (block.objectValue?.values.compactMap(conditionValues) ?? []).joined() where ConditionDate.seconds(value) == nil {
                throw .legacyParsing
            }
        }
    }

    private func checkResources(_ statement: [String: JSONValue]) throws(PolicyDocumentError) {
        let resources = strings(statement["Resource"] ?? statement["NotResource"])
        switch kind {
        case .trust:
            guard resources == nil else { throw .prohibitedResource }
        case .serviceControl:
            break
        case .identity, .resource, .permissionsBoundary, .session, .keyPolicy:
            guard let resources, !resources.isEmpty else { throw .missingResource }
        }
        for resource in resources ?? [] where resource != "*" {
            let parts = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count >= 3, parts[0] == "arn", !parts[1].isEmpty else { throw .resourceFormat(resource) }
            guard !parts[2].isEmpty, !parts[2].contains(where: { $0 == "*" || $0 == "?" }) else { throw .vendorPattern }
        }
    }

    private func checkPrincipals(_ statement: [String: JSONValue]) throws(PolicyDocumentError) {
        let principal = statement["Principal"] ?? statement["NotPrincipal"]
        guard kind.namesPrincipals else {
            if principal != nil { throw .principalNotAllowed }
            return
        }
        guard let principal else { throw .missingPrincipal }
        for name in strings(principal.objectValue?["AWS"]) ?? [] where name != "*" && !Self.isAccountId(name) {
            let parts = name.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "iam" || parts[2] == "sts", Self.isAccountId(String(parts[4])) else {
                throw .invalidPrincipal("AWS", name)
            }
        }
    }

    private func checkAction(_ action: String) throws(PolicyDocumentError) {
        guard action != "*" else { return }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1 else { throw .missingVendor }
        guard parts.count == 2 else { throw .extraColon }
        let vendor = parts[0]
        guard !vendor.isEmpty, vendor.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || "-.*?".unicodeScalars.contains($0) }) else {
            throw .invalidVendor(String(vendor))
        }
    }

    // MARK: Compiling

    private func compile(_ statement: [String: JSONValue], variables: Bool) -> PolicyStatement {
        let actionTexts = strings(statement["Action"] ?? statement["NotAction"]) ?? []
        let actionsNegated = statement["Action"] == nil
        var services: Set<String>? = []
        for action in actionTexts {
            let vendor = action.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? "*"
            if actionsNegated || action == "*" || vendor.contains(where: { $0 == "*" || $0 == "?" }) {
                services = nil
            } else {
                services?.insert(vendor)
            }
        }
        let resourceTexts = strings(statement["Resource"] ?? statement["NotResource"])
        let principal = statement["Principal"] ?? statement["NotPrincipal"]
        return PolicyStatement(
            sid: statement["Sid"]?.stringValue,
            effect: statement["Effect"]?.stringValue == "Deny" ? .deny : .allow,
            actions: actionTexts.map { WildcardPattern($0, ignoresCase: true) },
            actionsNegated: actionsNegated,
            services: services,
            resources: resourceTexts.map { $0.map { PolicyStatement.ResourcePattern($0, variables: variables) } },
            resourcesNegated: statement["NotResource"] != nil,
            principals: principal.map(Self.principals),
            principalsNegated: statement["NotPrincipal"] != nil,
            conditions: conditions(statement["Condition"]?.objectValue ?? [:], variables: variables)
        )
    }

    private func conditions(_ blocks: [String: JSONValue], variables: Bool) -> [ConditionClause] {
        var clauses: [ConditionClause] = []
        for (name, block) in blocks.sorted(by: { $0.key < $1.key }) {
            guard let (qualifier, op, ifExists) = ConditionOperator.parse(name) else { continue }
            for (key, value) in (block.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                clauses.append(ConditionClause(qualifier: qualifier, op: op, ifExists: ifExists, key: key,
                                               values: conditionValues(value) ?? [], variables: variables))
            }
        }
        return clauses
    }

    private static func principals(_ value: JSONValue) -> PolicyPrincipals {
        var principals = PolicyPrincipals()
        guard let map = value.objectValue else {
            principals.everyone = value.stringValue == "*"
            return principals
        }
        for name in strings(map["AWS"]) ?? [] {
            if name == "*" { principals.everyAWSPrincipal = true }
            principals.aws.insert(isAccountId(name) ? "arn:aws:iam::\(name):root" : name)
        }
        principals.services = Set(strings(map["Service"]) ?? [])
        principals.federated = Set(strings(map["Federated"]) ?? [])
        return principals
    }

    // MARK: Value shapes

    static func isAccountId(_ text: String) -> Bool { text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// A string or a list of strings.
    private func strings(_ value: JSONValue?) -> [String]? { Self.strings(value) }

    private static func strings(_ value: JSONValue?) -> [String]? {
        switch value {
        case .string(let text)?: [text]
        case .array(let list)?:
            list.allSatisfy { $0.stringValue != nil } ? list.compactMap(\.stringValue) : nil
        default: nil
        }
    }

    /// A condition value: a string, number or boolean, or a list of them, as text.
    private func conditionValues(_ value: JSONValue) -> [String]? {
        func text(_ value: JSONValue) -> String? {
            switch value {
            case .string(let text): text
            case .bool(let flag): flag ? "true" : "false"
            case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            default: nil
            }
        }
        if case .array(let list) = value {
            let texts = list.compactMap(text)
            return texts.count == list.count ? texts : nil
        }
        return text(value).map { [$0] }
    }
}
