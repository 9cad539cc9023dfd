import ArgumentParser
import Foundation
import PortlessCore

/// `portless iam validate-policy FILE`: checks a policy document the way the server checks it at write time,
/// and warns about statements that are valid but cannot do what they seem to (in the manner of IAM Access
/// Analyzer's ValidatePolicy). Exit status 1 when the document has an error.
struct IAMValidatePolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate-policy",
                                                    abstract: "Check a policy document and list its errors and warnings.")

    /// The policy types ValidatePolicy knows, and what the evaluator treats them as.
    enum PolicyType: String, ExpressibleByArgument, CaseIterable {
        case identity = "IDENTITY_POLICY", resource = "RESOURCE_POLICY", trust = "TRUST_POLICY", serviceControl = "SERVICE_CONTROL_POLICY"

        var kind: PolicyKind {
            switch self {
            case .identity: .identity
            case .resource: .resource
            case .trust: .trust
            case .serviceControl: .serviceControl
            }
        }
    }

    @Argument(help: "The policy document (JSON) to check.")
    var file: String

    @Option(name: .customLong("policy-type"), help: "IDENTITY_POLICY, RESOURCE_POLICY, TRUST_POLICY or SERVICE_CONTROL_POLICY.")
    var type: PolicyType = .identity

    func run() throws {
        let document = try String(contentsOfFile: file, encoding: .utf8)
        let findings = PolicyValidator.findings(json: document, kind: type.kind)
        if findings.isEmpty { Console.line("\(file): no findings") }
        for finding in findings {
            let position = finding.line.map { ":\($0):\(finding.column ?? 1)" } ?? ""
            Console.line("\(file)\(position): \(finding.severity.rawValue) \(finding.code): \(finding.message)")
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
