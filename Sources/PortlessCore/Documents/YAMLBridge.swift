import Foundation
import Yams

/// Converts between YAML text and `JSONValue`.
///
/// Quoted and block scalars are always strings (`'0644'`, `"2.2"`). Plain scalars follow the YAML 1.2
/// core schema for `null`, `true`/`false` and decimal numbers; anything else, including numbers with
/// leading zeros, `yes`/`on` and dates, stays a string, so no value changes meaning on the way through.
enum YAMLBridge {
    static func parse(_ text: String) throws -> JSONValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw PortlessError(.invalidDocumentContent, "The document content is not valid YAML: \(error)", field: "Content")
        }
        guard let root else {
            throw PortlessError(.invalidDocumentContent, "The document content is empty.", field: "Content")
        }
        return try value(of: root, path: "")
    }

    static func render(_ value: JSONValue) throws -> String {
        try Yams.serialize(node: node(for: value), indent: 2, width: -1, allowUnicode: true, sortKeys: true)
    }

    private static func value(of node: Node, path: String) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar)
        case .sequence(let sequence):
            return .array(try sequence.enumerated().map { index, item in try value(of: item, path: "\(path)[\(index)]") })
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, item) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw PortlessError(.invalidDocumentContent, "Mapping keys must be strings.", field: path.isEmpty ? "Content" : path)
                }
                let name = keyScalar.string
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                guard members[name] == nil else {
                    throw PortlessError(.invalidDocumentContent, "Key '\(name)' appears twice.", field: childPath)
                }
                members[name] = try value(of: item, path: childPath)
            }
            return .object(members)
        case .alias:
            throw PortlessError(.invalidDocumentContent, "YAML aliases are not supported.", field: path.isEmpty ? "Content" : path)
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        let explicitTag = scalar.tag.rawValue
        if explicitTag == Yams.Tag.Name.str.rawValue || explicitTag == Yams.Tag.Name.nonSpecific.rawValue { return .string(text) }
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if isDecimalNumber(text), let number = Double(text), number.isFinite { return .number(number) }
        return .string(text)
    }

    /// `-12`, `0`, `2.2`, `1e3`, `-0.5E-2`: digits without leading zeros (other than a lone `0`).
    static func isDecimalNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.first == "." {
            rest = rest.dropFirst()
            let fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    private static func node(for value: JSONValue) throws -> Node {
        switch value {
        case .null:
            return Node("null")
        case .bool(let flag):
            return Node(flag ? "true" : "false")
        case .number(let number):
            return Node(JSONNumberText.text(number))
        case .string(let text):
            return .scalar(stringScalar(text))
        case .array(let items):
            return .sequence(Node.Sequence(try items.map(node(for:))))
        case .object(let members):
            let pairs = try members.sorted { $0.key < $1.key }.map { (Node.scalar(stringScalar($0.key)), try node(for: $0.value)) }
            return .mapping(Node.Mapping(pairs))
        }
    }

    /// A string scalar that reads back as the same string: quoted whenever a plain scalar would mean something else.
    private static func stringScalar(_ text: String) -> Node.Scalar {
        if text.contains("\n") { return Node.Scalar(text, Yams.Tag(.str), .literal) }
        let plain = Node.Scalar(text, Yams.Tag(.implicit), .plain)
        let readsAsString: Bool
        if case .string(let back) = scalarValue(plain), back == text {
            readsAsString = Resolver.default.resolveTag(of: .scalar(plain)) == .str
        } else {
            readsAsString = false
        }
        return Node.Scalar(text, Yams.Tag(.str), readsAsString ? .any : .singleQuoted)
    }
}
