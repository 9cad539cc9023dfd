/// Why a policy document is refused at write time: IAM's text and an Access-Analyzer-style finding code.
struct PolicyDocumentError: Error, Sendable {
    let code: String
    let message: String

    static let syntax = Self(code: "SYNTAX_ERROR", message: "Syntax errors in policy.")
    static let version = Self(code: "INVALID_VERSION", message: "Policy document must be version 2012-10-17 or greater.")
    static let legacyParsing = Self(code: "INVALID_CONDITION_VALUE", message: "The policy failed legacy parsing")
    static let duplicateSid = Self(code: "DUPLICATE_SID", message: "Statement IDs (SID) in a single policy must be unique.")
    static let missingAction = Self(code: "MISSING_ACTION", message: "Policy statement must contain actions.")
    static let missingResource = Self(code: "MISSING_RESOURCE", message: "Policy statement must contain resources.")
    static let prohibitedResource = Self(code: "UNSUPPORTED_ELEMENT", message: "Has prohibited field Resource.")
    static let principalNotAllowed = Self(code: "UNSUPPORTED_ELEMENT", message: "Policy document should not specify a principal.")
    static let missingPrincipal = Self(code: "MISSING_PRINCIPAL", message: "Missing required field Principal")
    static let unknownOperator = Self(code: "UNKNOWN_CONDITION_OPERATOR", message: "Syntax errors in policy.")
    static let missingVendor = Self(code: "INVALID_ACTION", message: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")
    static let extraColon = Self(code: "INVALID_ACTION", message: "Actions/Condition can contain only one colon.")
    static let vendorPattern = Self(code: "INVALID_ARN_RESOURCE", message: "Resource vendor must be fully qualified and cannot contain regexes.")

    static func invalidVendor(_ vendor: String) -> Self { Self(code: "INVALID_ACTION", message: "Vendor \(vendor) is not valid") }
    static func resourceFormat(_ resource: String) -> Self {
        Self(code: "INVALID_ARN_RESOURCE", message: "Resource \(resource) must be in ARN format or \"*\".")
    }
    static func invalidPrincipal(_ type: String, _ value: String) -> Self {
        Self(code: "INVALID_PRINCIPAL", message: "Invalid principal in policy: \"\(type)\":\"\(value)\"")
    }

    func portlessError(field: String?) -> PortlessError {
        PortlessError(aws: .malformedPolicyDocument, message, field: field)
    }
}
