/// Parameter Store's rules for names, paths, selectors and labels, with SSM's errors for each.
public enum ParameterNames {
    public static let maxLength = 1011
    public static let maxDepth = 15
    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/".unicodeScalars)
    static let labelCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-".unicodeScalars)

    static let formatMessage = #"Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_"#

    /// Checks a name a parameter is created under: characters, length, full qualification of paths, the `aws`/`ssm`
    /// reservation and the hierarchy depth.
    public static func validateForWrite(_ name: String, field: String = "Name") throws {
        try validateFormat(name, field: field)
        let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
        let first = bare.split(separator: "/", omittingEmptySubsequences: false).first.map { $0.lowercased() } ?? ""
        if name.hasPrefix("/"), first == "aws" || first == "ssm" {
            throw PortlessError(aws: .accessDenied, "No access to reserved parameter name: \(name).", field: field)
        }
        if first.hasPrefix("aws") || first.hasPrefix("ssm") { throw PortlessError(aws: .validation, formatMessage, field: field) }
        guard depth(of: name) <= maxDepth else {
            throw PortlessError(aws: .hierarchyLevelLimitExceeded,
                                "A hierarchy can have a maximum of 15 levels. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html#sysman-parameter-name-constraints",
                                field: field)
        }
    }

    /// Checks the form of a name that is read (reads may name `/aws/…` public parameters).
    public static func validateFormat(_ name: String, field: String = "Name") throws {
        guard !name.isEmpty else { throw ConstraintViolation.error(.validation, value: name, field: field, .minLength(1)) }
        guard name.count <= maxLength else { throw ConstraintViolation.error(.validation, value: name, field: field, .maxLength(maxLength)) }
        guard name.unicodeScalars.allSatisfy(nameCharacters.contains), !name.hasSuffix("/"), !name.contains("//") else {
            throw PortlessError(aws: .validation, formatMessage, field: field)
        }
        if name.contains("/") && !name.hasPrefix("/") {
            throw PortlessError(aws: .validation, "Parameter name must be a fully qualified name.", field: field)
        }
    }

    /// `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`, the leading slash of a path dropped.
    public static func arn(region: String, account: String, name: String) -> String {
        "arn:aws:ssm:\(region):\(account):parameter/\(name.hasPrefix("/") ? String(name.dropFirst()) : name)"
    }

    /// How many levels a name has: `/a/b/c` and `a` count 3 and 1.
    public static func depth(of name: String) -> Int { name.split(separator: "/").count }

    /// Checks a `Path` (`/`, or `/a/b` with or without a trailing slash) and returns it with a trailing slash.
    public static func path(_ path: String, field: String = "Path") throws -> String {
        guard path.hasPrefix("/"), path.count <= maxLength, path.unicodeScalars.allSatisfy(nameCharacters.contains), !path.contains("//") else {
            throw PortlessError(aws: .validation, formatMessage, field: field)
        }
        guard depth(of: path) <= maxDepth else {
            throw PortlessError(aws: .hierarchyLevelLimitExceeded,
                                "A hierarchy can have a maximum of 15 levels. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html#sysman-parameter-name-constraints",
                                field: field)
        }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Whether `name` lies under `path` (ending in `/`): anywhere below when recursive, else directly in it.
    public static func name(_ name: String, isUnder path: String, recursive: Bool) -> Bool {
        guard name.hasPrefix(path), name.count > path.count else { return false }
        return recursive || !name.dropFirst(path.count).contains("/")
    }

    /// Whether a label may be set: 1–100 letters, digits, `.`, `-`, `_`, not starting with a digit, `aws` or `ssm`.
    public static func isValidLabel(_ label: String) -> Bool {
        guard (1...100).contains(label.count), label.unicodeScalars.allSatisfy(labelCharacters.contains),
              let first = label.first, !first.isNumber else { return false }
        let lower = label.lowercased()
        return !lower.hasPrefix("aws") && !lower.hasPrefix("ssm")
    }
}

/// `name`, `name:version` or `name:label`, as GetParameter(s) accept them.
public struct ParameterSelector: Sendable, Hashable {
    public enum Choice: Sendable, Hashable {
        case latest
        case version(Int)
        case label(String)
    }

    public var name: String
    public var choice: Choice

    public init(name: String, choice: Choice) {
        self.name = name
        self.choice = choice
    }

    /// Splits at the colon; a number after it is a version, anything else a label.
    public init(_ text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        name = String(parts[0])
        guard parts.count == 2 else {
            choice = .latest
            return
        }
        let selector = String(parts[1])
        guard !selector.isEmpty, !selector.contains(":") else {
            throw PortlessError(aws: .validation, ParameterNames.formatMessage, field: "Name")
        }
        if let version = Int(selector), selector.allSatisfy(\.isNumber) {
            choice = .version(version)
        } else {
            choice = .label(selector)
        }
    }

    /// The name part of a selector text (what IAM decides on).
    public static func name(of text: String) -> String { String(text.prefix { $0 != ":" }) }

    /// `:5` or `:label`, as the reply's `Selector` shows it; nil for the latest.
    public var text: String? {
        switch choice {
        case .latest: nil
        case .version(let version): ":\(version)"
        case .label(let label): ":\(label)"
        }
    }
}
