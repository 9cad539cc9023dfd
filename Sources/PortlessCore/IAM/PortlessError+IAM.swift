extension PortlessError.Code {
    // IAM entities (codes and HTTP statuses from IAM's service model).
    public static let deleteConflict = Self("DeleteConflict", httpStatus: 409)
    public static let limitExceeded = Self("LimitExceeded", httpStatus: 409)
    public static let invalidAuthenticationCode = Self("InvalidAuthenticationCode", httpStatus: 403)
    public static let passwordPolicyViolation = Self("PasswordPolicyViolation", httpStatus: 400)
    public static let invalidInput = Self("InvalidInput", httpStatus: 400)
    public static let invalidUserType = Self("InvalidUserType", httpStatus: 400)
}
