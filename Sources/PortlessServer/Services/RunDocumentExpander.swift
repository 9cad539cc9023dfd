import Foundation
import PortlessCore

/// Resolves `aws:runDocument` steps when a command is sent: the named document is looked up,
/// its `documentParameters` checked and interpolated, and its planned steps attached to the step,
/// so the agent runs exactly what was validated here. Nesting is bounded.
struct RunDocumentExpander: Sendable {
    static let maxDepth = 3

    let catalog: DocumentCatalog

    func expand(_ steps: [StepPlan], accountId: String, depth: Int = 1, path: String = "mainSteps") async throws -> [StepPlan] {
        var expanded = steps
        for index in expanded.indices where expanded[index].action == "aws:runDocument" {
            let field = "\(path)[\(index)].inputs"
            guard depth <= Self.maxDepth else {
                throw PortlessError(.invalidParameters, "aws:runDocument nests deeper than \(Self.maxDepth) documents.", field: field)
            }
            let inputs = expanded[index].inputs
            let type = inputs["documentType"]?.stringValue ?? "SSMDocument"
            guard type == "SSMDocument" else {
                throw PortlessError(.invalidParameters, "aws:runDocument documentType \(type) is not supported; use SSMDocument.",
                                    field: "\(field).documentType")
            }
            guard let name = inputs["documentPath"]?.stringValue, !name.isEmpty else {
                throw PortlessError(.invalidParameters, "aws:runDocument needs documentPath.", field: "\(field).documentPath")
            }
            let document = try await catalog.resolve(name: name, version: nil, accountId: accountId)
            let given = try Self.parameters(inputs["documentParameters"], declared: document.content.parameters, field: field)
            let plan = try CommandPlanner.plan(document.content, parameters: given)
            expanded[index].nested = try await expand(plan.steps, accountId: accountId, depth: depth + 1, path: "\(field).documentPath")
            expanded[index].nestedEnvironment = plan.environment
        }
        return expanded
    }

    /// `documentParameters` as an object (or a JSON string of one) whose members are JSON values of
    /// the nested document's declared types (`5` or `"5"` for an Integer, a list for a StringList, ...).
    static func parameters(_ value: JSONValue?, declared: [String: DocumentParameter], field: String) throws -> [String: [String]] {
        var object = value
        if let text = value?.stringValue {
            object = try? WireCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        guard let members = object?.objectValue else {
            if value == nil || value == .null { return [:] }
            throw PortlessError(.invalidParameters, "documentParameters must be an object of parameter values.", field: "\(field).documentParameters")
        }
        var given: [String: [String]] = [:]
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            guard let kind = declared[name]?.type else {
                given[name] = [ParameterValues.text(of: member)]  // the planner refuses it by name
                continue
            }
            guard let values = ParameterValues.wireValues(of: member, as: kind) else {
                throw PortlessError(.invalidParameters, "documentParameters.\(name) is not a value of type \(kind.rawValue).",
                                    field: "\(field).documentParameters.\(name)")
            }
            given[name] = values
        }
        return given
    }
}
