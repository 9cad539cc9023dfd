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
            let plan = try CommandPlanner.plan(document.content, parameters: try Self.parameters(inputs["documentParameters"], field: field))
            expanded[index].nested = try await expand(plan.steps, accountId: accountId, depth: depth + 1, path: "\(field).documentPath")
            expanded[index].nestedEnvironment = plan.environment
        }
        return expanded
    }

    /// `documentParameters` as an object (or a JSON string of one) of strings or string lists.
    static func parameters(_ value: JSONValue?, field: String) throws -> [String: [String]] {
        var object = value
        if let text = value?.stringValue {
            object = try? WireCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        guard let members = object?.objectValue else {
            if value == nil || value == .null { return [:] }
            throw PortlessError(.invalidParameters, "documentParameters must be an object of parameter values.", field: "\(field).documentParameters")
        }
        return try members.mapValues { member in
            switch member {
            case .string(let text): return [text]
            case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): return items.compactMap(\.stringValue)
            default:
                throw PortlessError(.invalidParameters, "documentParameters values must be strings or lists of strings.",
                                    field: "\(field).documentParameters")
            }
        }
    }
}
