/// SSM's rules for document names and version names.
public enum DocumentNameRules {
    /// Prefixes (compared case-insensitively) reserved for documents owned by Amazon.
    public static let reservedPrefixes = ["aws-", "amazon", "amzn"]

    /// Whether `name` matches `^[a-zA-Z0-9_\-.]{3,128}$`.
    public static func isValidName(_ name: String) -> Bool {
        (3...128).contains(name.count) && name.allSatisfy(isNameCharacter)
    }

    /// Whether `name` matches `^[a-zA-Z0-9_\-.]{1,128}$` (document version names).
    public static func isValidVersionName(_ name: String) -> Bool {
        (1...128).contains(name.count) && name.allSatisfy(isNameCharacter)
    }

    /// Whether `name` begins with a prefix reserved for Amazon's documents.
    public static func isReserved(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return reservedPrefixes.contains { lowered.hasPrefix($0) }
    }

    /// Checks a name given to CreateDocument, throwing `ValidationException` naming `field`.
    public static func checkNewName(_ name: String, field: String = "Name") throws {
        guard isValidName(name) else {
            throw PortlessError(.validation, "Document name '\(name)' must be 3 to 128 characters of a-z, A-Z, 0-9, _, - and . (pattern ^[a-zA-Z0-9_\\-.]{3,128}$).", field: field)
        }
        guard !isReserved(name) else {
            throw PortlessError(.validation, "Document name '\(name)' is not allowed: names beginning with AWS-, Amazon or amzn are reserved.", field: field)
        }
    }

    /// Checks a version name, throwing `ValidationException` naming `field`.
    public static func checkVersionName(_ name: String, field: String = "VersionName") throws {
        guard isValidVersionName(name) else {
            throw PortlessError(.validation, "Version name '\(name)' must be 1 to 128 characters of a-z, A-Z, 0-9, _, - and . (pattern ^[a-zA-Z0-9_\\-.]{1,128}$).", field: field)
        }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
    }
}
