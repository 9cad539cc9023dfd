/// The input rules of IAM's users, groups, policies, keys and MFA devices (from IAM's service model).
extension IAMValidation {
    /// `[\w+=,.@-]+` between 1 and `maximum` characters (user names 64, group and policy names 128).
    public static func name(_ value: String, field: String, maximum: Int) throws {
        guard !value.isEmpty else { throw constraint(value, field: field, .minLength(1)) }
        guard value.count <= maximum else { throw constraint(value, field: field, .maxLength(maximum)) }
        guard value.unicodeScalars.allSatisfy(isNameScalar) else { throw constraint(value, field: field, .pattern("\(nameCharacters)+")) }
    }

    public static func userName(_ value: String, field: String = "UserName") throws { try name(value, field: field, maximum: 64) }
    /// Names of users that may already exist (`existingUserNameType`, up to 128).
    public static func existingUserName(_ value: String, field: String = "UserName") throws { try name(value, field: field, maximum: 128) }
    public static func groupName(_ value: String, field: String = "GroupName") throws { try name(value, field: field, maximum: 128) }
    public static func policyName(_ value: String, field: String = "PolicyName") throws { try name(value, field: field, maximum: 128) }

    /// A managed policy's path: `((/[A-Za-z0-9\.,\+@=_-]+)*)/`, 1–512.
    public static func policyPath(_ value: String, field: String = "Path") throws {
        let allowed: (Unicode.Scalar) -> Bool = { isNameScalar($0) || $0 == "/" }
        let valid = (1...512).contains(value.utf8.count) && value.hasPrefix("/") && value.hasSuffix("/")
            && !value.contains("//") && value.unicodeScalars.allSatisfy(allowed)
        guard valid else { throw constraint(value, field: field, .pattern("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/")) }
    }

    /// An ARN (`arnType`): 20–2048 characters.
    public static func arn(_ value: String, field: String) throws {
        guard (20...2048).contains(value.utf8.count) else {
            throw constraint(value, field: field, value.utf8.count < 20 ? .minLength(20) : .maxLength(2048))
        }
    }

    /// `v1`, `v2`, … (`v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`).
    public static func policyVersionId(_ value: String, field: String = "VersionId") throws {
        let digits = value.dropFirst()
        guard value.hasPrefix("v"), let first = digits.first, first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw constraint(value, field: field, .pattern("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"))
        }
    }

    /// An access key ID: `[\w]+`, 16–128.
    public static func accessKeyId(_ value: String, field: String = "AccessKeyId") throws {
        guard (16...128).contains(value.count) else { throw constraint(value, field: field, value.count < 16 ? .minLength(16) : .maxLength(128)) }
        guard value.unicodeScalars.allSatisfy({ isNameScalar($0) && !"+=,.@-".unicodeScalars.contains($0) }) else {
            throw constraint(value, field: field, .pattern("[\\w]+"))
        }
    }

    /// An MFA serial number: `[\w+=/:,.@-]+`, 9–256.
    public static func serialNumber(_ value: String, field: String = "SerialNumber") throws {
        guard (9...256).contains(value.count) else { throw constraint(value, field: field, value.count < 9 ? .minLength(9) : .maxLength(256)) }
        guard value.unicodeScalars.allSatisfy({ isNameScalar($0) || $0 == "/" || $0 == ":" }) else {
            throw constraint(value, field: field, .pattern("[\\w+=/:,.@-]+"))
        }
    }

    /// A six-digit authentication code.
    public static func authenticationCode(_ value: String, field: String) throws {
        guard value.count == 6 else { throw constraint(value, field: field, value.count < 6 ? .minLength(6) : .maxLength(6)) }
        guard value.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw constraint(value, field: field, .pattern("[\\d]+")) }
    }

    /// A password (`passwordType`, sensitive: the value is never echoed): 1–128 characters of `\t \n \r` and U+0020–U+00FF.
    public static func password(_ value: String, field: String = "Password") throws {
        guard (1...128).contains(value.count) else {
            throw ConstraintViolation.withoutValue(.validationError, field: field, value.isEmpty ? .minLength(1) : .maxLength(128))
        }
        guard value.unicodeScalars.allSatisfy({ $0 == "\t" || $0 == "\n" || $0 == "\r" || (0x20...0xFF).contains($0.value) }) else {
            throw ConstraintViolation.withoutValue(.validationError, field: field, .pattern("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"))
        }
    }

    /// One of `values`, as IAM's enums are checked.
    public static func oneOf(_ value: String, field: String, _ values: [String]) throws {
        guard values.contains(value) else { throw constraint(value, field: field, .enumeration(values)) }
    }

    /// Tag keys to remove: 1–50 keys of 1–128 characters.
    public static func tagKeys(_ keys: [String], field: String = "TagKeys") throws {
        guard keys.count <= 50 else { throw ConstraintViolation.withoutValue(.validationError, field: field, .maxLength(50)) }
        for key in keys where !(1...128).contains(key.count) {
            throw constraint(key, field: field, key.isEmpty ? .minLength(1) : .maxLength(128))
        }
    }

    /// The size IAM counts against its policy quotas: characters other than whitespace.
    public static func policySize(_ document: String) -> Int {
        document.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }
}
