import Foundation

/// Findings for a policy document: the write-time error IAM would raise, or warnings about statements that
/// are valid but cannot do what they seem to.
public enum PolicyValidator {
    public static func findings(json: String, kind: PolicyKind) -> [PolicyFinding] {
        let policy: Policy
        do {
            let parsed = try PolicyParser(kind: kind).parse(json)
            policy = Policy(kind: kind, name: "", version: parsed.version, statements: parsed.statements)
        } catch {
            let position = error.code == PolicyDocumentError.syntax.code ? JSONSyntaxPosition.firstError(in: json) : nil
            return [PolicyFinding(severity: .error, code: error.code, message: error.message, line: position?.line, column: position?.column)]
        }
        var findings: [PolicyFinding] = []
        for statement in policy.statements {
            findings += warnings(statement, in: json, version: policy.version)
        }
        return findings
    }

    /// The services whose resources Portless serves, per action service: a Resource of another service
    /// never matches anything Portless asks about for that action.
    static let resourceServices: [String: Set<String>] = [
        "ssm": ["ssm"], "s3": ["s3"], "iam": ["iam"], "sts": ["iam", "sts"], "logs": ["logs"], "events": ["events"],
        "kms": ["kms"], "cloudtrail": ["cloudtrail"], "organizations": ["organizations"],
    ]

    private static func warnings(_ statement: PolicyStatement, in json: String, version: String) -> [PolicyFinding] {
        var findings: [PolicyFinding] = []
        let label = statement.sid.map { "Statement \($0)" } ?? "A statement"
        if statement.effect == .allow && statement.actionsNegated {
            findings.append(PolicyFinding(severity: .warning, code: "ALLOW_WITH_NOT_ACTION",
                                          message: "\(label) allows every action not listed in NotAction, in every service."))
        }
        if statement.effect == .allow && statement.resourcesNegated {
            findings.append(PolicyFinding(severity: .warning, code: "ALLOW_WITH_NOT_RESOURCE",
                                          message: "\(label) allows the actions on every resource not listed in NotResource."))
        }
        if version == "2008-10-17", (statement.resources ?? []).contains(where: { $0.template.source.contains("${") }) {
            findings.append(PolicyFinding(severity: .warning, code: "POLICY_VARIABLES_NEED_2012_10_17",
                                          message: "\(label) uses ${…}, which is plain text in a Version 2008-10-17 policy."))
        }
        guard !statement.actionsNegated, !statement.resourcesNegated, let services = statement.services, !services.isEmpty,
              services.allSatisfy({ resourceServices[$0] != nil }) else { return findings }
        let reachable = Set(services.flatMap { resourceServices[$0] ?? [] })
        for resource in statement.resources ?? [] {
            let parts = resource.template.source.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, !parts[2].contains("$") else { continue }
            let service = parts[2].lowercased()
            guard !reachable.contains(service) else { continue }
            let position = position(of: "\"\(resource.template.source)\"", in: json)
            var message = "Resource \(resource.template.source) never matches a Portless resource for \(services.sorted().joined(separator: ", ")) actions."
            if service == "ec2" && services.contains("ssm") {
                message += " Portless nodes are arn:aws:ssm:REGION:ACCOUNT:managed-instance/mi-…, not EC2 instances."
            }
            findings.append(PolicyFinding(severity: .warning, code: "RESOURCE_NEVER_MATCHES", message: message,
                                          line: position?.line, column: position?.column))
        }
        return findings
    }

    /// The 1-based line and column where `needle` first occurs in `text`.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (line, column)
    }
}
