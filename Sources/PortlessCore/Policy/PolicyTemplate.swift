import Foundation

/// A policy string (a Resource, a condition value) that may hold policy variables: `${aws:username}`,
/// `${aws:PrincipalTag/team, 'none'}` and the escapes `${*}`, `${?}`, `${$}`. Text outside variables may
/// hold `*`/`?` wildcards; what a variable or escape yields is always literal.
struct PolicyTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        /// Policy text: `*` and `?` are wildcards where the operator has them.
        case text(String)
        /// Literal text (from an escape).
        case literal(String)
        /// A context key (lowercased) with an optional default.
        case variable(key: String, default: String?)
    }

    let source: String
    let parts: [Part]
    /// Set when there are no variables: the compiled pattern.
    private let fixed: [UInt16]?
    private let unitParts: [UnitPart]

    /// Parses `text`; with `variables` false (Version 2008-10-17) `${…}` is plain text.
    init(_ text: String, variables: Bool) {
        source = text
        parts = variables ? Self.parse(text) : [.text(text)]
        fixed = parts.contains { if case .variable = $0 { true } else { false } } ? nil : Self.units(parts.map { ($0, nil) })
        unitParts = parts.map { part in
            switch part {
            case .text(let text): .units(WildcardPattern.units(wildcards: text))
            case .literal(let text): .units(WildcardPattern.units(literal: text))
            case .variable(let key, let fallback): .variable(key: key, default: fallback.map(WildcardPattern.units(literal:)))
            }
        }
    }

    var hasVariables: Bool { fixed == nil }

    /// The text with escapes resolved, when there are no variables.
    var plainText: String? {
        guard !hasVariables else { return nil }
        return parts.map { part -> String in
            switch part {
            case .text(let text), .literal(let text): text
            case .variable: ""
            }
        }.joined()
    }

    /// The wildcard pattern for this request; `nil` when a variable has no value and no default.
    func pattern(_ lookup: ContextLookup, ignoresCase: Bool) -> WildcardPattern? {
        if let fixed { return WildcardPattern(units: fixed, ignoresCase: ignoresCase) }
        guard let resolved = resolve(lookup) else { return nil }
        return WildcardPattern(units: Self.units(resolved), ignoresCase: ignoresCase)
    }

    /// Writes this request's pattern units into `units` (replacing what it held); false when a variable has
    /// no value and no default.
    func resolve(into units: inout [UInt16], _ lookup: ContextLookup) -> Bool {
        units.removeAll(keepingCapacity: true)
        for part in unitParts {
            switch part {
            case .units(let fixed): units.append(contentsOf: fixed)
            case .variable(let key, let fallback):
                if let values = lookup.values(lowercasedKey: key), values.count == 1 {
                    for byte in values[0].text.utf8 { units.append(UInt16(byte)) }
                } else if let fallback {
                    units.append(contentsOf: fallback)
                } else {
                    return false
                }
            }
        }
        return true
    }

    /// The parts as pattern units: fixed runs precompiled, variables looked up per request.
    private enum UnitPart: Sendable, Hashable {
        case units([UInt16])
        case variable(key: String, default: [UInt16]?)
    }

    /// The compiled pattern when there are no variables.
    func fixedPattern(ignoresCase: Bool) -> WildcardPattern? {
        fixed.map { WildcardPattern(units: $0, ignoresCase: ignoresCase) }
    }

    /// The plain string for exact comparisons (`*` and `?` are ordinary characters); `nil` when a variable is unset.
    func string(_ lookup: ContextLookup) -> String? {
        if parts.count == 1, case .text(let text) = parts[0] { return text }
        guard let resolved = resolve(lookup) else { return nil }
        return resolved.map { part, value in
            switch part {
            case .text(let text), .literal(let text): text
            case .variable: value ?? ""
            }
        }.joined()
    }

    private func resolve(_ lookup: ContextLookup) -> [(Part, String?)]? {
        var out: [(Part, String?)] = []
        for part in parts {
            guard case .variable(let key, let fallback) = part else {
                out.append((part, nil))
                continue
            }
            if let values = lookup.values(lowercasedKey: key), values.count == 1 {
                out.append((part, values[0].text))
            } else if let fallback {
                out.append((part, fallback))
            } else {
                return nil
            }
        }
        return out
    }

    private static func units(_ parts: [(Part, String?)]) -> [UInt16] {
        var units: [UInt16] = []
        for (part, value) in parts {
            switch part {
            case .text(let text): units += WildcardPattern.units(wildcards: text)
            case .literal(let text): units += WildcardPattern.units(literal: text)
            case .variable: units += WildcardPattern.units(literal: value ?? "")
            }
        }
        return units
    }

    private static func parse(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            if start.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<start.lowerBound]))) }
            let inner = rest[start.upperBound..<end].trimmingCharacters(in: .whitespaces)
            switch inner {
            case "*", "?", "$": parts.append(.literal(inner))
            default: parts.append(variable(inner))
            }
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts.isEmpty ? [.text("")] : parts
    }

    /// `key` or `key, 'default'`.
    private static func variable(_ inner: String) -> Part {
        guard let comma = inner.firstIndex(of: ",") else { return .variable(key: inner.lowercased(), default: nil) }
        let key = inner[..<comma].trimmingCharacters(in: .whitespaces).lowercased()
        var fallback = inner[inner.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        if fallback.count >= 2, fallback.hasPrefix("'"), fallback.hasSuffix("'") { fallback = String(fallback.dropFirst().dropLast()) }
        return .variable(key: key, default: fallback)
    }
}
