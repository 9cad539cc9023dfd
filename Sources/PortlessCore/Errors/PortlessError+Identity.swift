extension PortlessError.Code {
    // Temporary credentials (JSON 1.1 services; the Query protocol and S3 say `ExpiredToken`).
    public static let expiredTokenException = Self("ExpiredTokenException", httpStatus: 400)
    public static let expiredToken = Self("ExpiredToken", httpStatus: 400)

    // The Query protocol (STS, IAM): common errors.
    public static let missingAuthenticationTokenQuery = Self("MissingAuthenticationToken", httpStatus: 403)
    public static let incompleteSignatureQuery = Self("IncompleteSignature", httpStatus: 400)
    public static let accessDeniedQuery = Self("AccessDenied", httpStatus: 403)
    public static let validationError = Self("ValidationError", httpStatus: 400)
    public static let invalidAction = Self("InvalidAction", httpStatus: 400)
    public static let missingAction = Self("MissingAction", httpStatus: 400)
    public static let missingParameter = Self("MissingParameter", httpStatus: 400)
    public static let noSuchVersion = Self("NoSuchVersion", httpStatus: 400)

    // IAM.
    public static let noSuchEntity = Self("NoSuchEntity", httpStatus: 404)
    public static let entityAlreadyExists = Self("EntityAlreadyExists", httpStatus: 409)
    public static let malformedPolicyDocument = Self("MalformedPolicyDocument", httpStatus: 400)
}

