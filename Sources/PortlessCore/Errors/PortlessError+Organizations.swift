extension PortlessError.Code {
    // AWS Organizations (JSON 1.1). All are HTTP 400 as the service sends them.
    public static let awsOrganizationsNotInUse = Self("AWSOrganizationsNotInUseException")
    public static let accountNotFound = Self("AccountNotFoundException")
    public static let createAccountStatusNotFound = Self("CreateAccountStatusNotFoundException")
    public static let constraintViolationOrganizations = Self("ConstraintViolationException")
    public static let invalidInputOrganizations = Self("InvalidInputException")
    public static let duplicatePolicy = Self("DuplicatePolicyException")
    public static let duplicatePolicyAttachment = Self("DuplicatePolicyAttachmentException")
    public static let policyNotFound = Self("PolicyNotFoundException")
    public static let policyNotAttached = Self("PolicyNotAttachedException")
    public static let policyInUse = Self("PolicyInUseException")
    public static let targetNotFound = Self("TargetNotFoundException")
    public static let malformedPolicyDocumentOrganizations = Self("MalformedPolicyDocumentException")
}

extension PortlessError {
    /// Organizations' texts, as its service model documents each error (and as AWS sends them).
    public enum Organizations {
        public static let accountNotFound = PortlessError(aws: .accountNotFound, "You specified an account that doesn't exist.", field: "AccountId")
        public static let policyNotFound = PortlessError(aws: .policyNotFound, "We can't find a policy with the PolicyId that you specified.",
                                                         field: "PolicyId")
        public static let targetNotFound = PortlessError(aws: .targetNotFound,
                                                         "We can't find a root, OU, account, or email address with the TargetId that you specified.",
                                                         field: "TargetId")
        public static let duplicatePolicy = PortlessError(aws: .duplicatePolicy, "A policy with the same name already exists.", field: "Name")
        public static let duplicateAttachment = PortlessError(aws: .duplicatePolicyAttachment,
                                                              "The selected policy is already attached to the specified target.", field: "TargetId")
        public static let notAttached = PortlessError(aws: .policyNotAttached, "The policy isn't attached to the specified target in the specified root.",
                                                      field: "TargetId")
        public static let inUse = PortlessError(aws: .policyInUse,
                                                "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
                                                field: "PolicyId")
        public static let statusNotFound = PortlessError(aws: .createAccountStatusNotFound,
                                                         "We can't find an create account request with the CreateAccountRequestId that you specified.",
                                                         field: "CreateAccountRequestId")
        public static let notInUse = PortlessError(aws: .awsOrganizationsNotInUse, "Your account is not a member of an organization.")
    }
}
