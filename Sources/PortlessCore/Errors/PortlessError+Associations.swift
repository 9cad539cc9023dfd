extension PortlessError.Code {
    // State Manager associations.
    public static let associationDoesNotExist = Self("AssociationDoesNotExist")
    public static let associationAlreadyExists = Self("AssociationAlreadyExists")
    public static let associationVersionLimitExceeded = Self("AssociationVersionLimitExceeded")
    public static let associationExecutionDoesNotExist = Self("AssociationExecutionDoesNotExist")
    public static let invalidAssociationVersion = Self("InvalidAssociationVersion")
    public static let invalidAssociation = Self("InvalidAssociation")
    public static let invalidSchedule = Self("InvalidSchedule")
    public static let associationLimitExceeded = Self("AssociationLimitExceeded")
    public static let tooManyUpdates = Self("TooManyUpdates")
}

extension PortlessError {
    /// State Manager's texts, as SSM's service model documents each error (what its SDKs show).
    public enum Associations {
        public static let doesNotExist = PortlessError(aws: .associationDoesNotExist, "The specified association doesn't exist.",
                                                       field: "AssociationId")
        public static let alreadyExists = PortlessError(aws: .associationAlreadyExists, "The specified association already exists.")
        public static let versionLimitExceeded = PortlessError(
            aws: .associationVersionLimitExceeded,
            "You have reached the maximum number versions allowed for an association. Each association has a limit of 1,000 versions.",
            field: "AssociationId")
        public static let invalidVersion = PortlessError(
            aws: .invalidAssociationVersion,
            "The version you specified isn't valid. Use ListAssociationVersions to view all versions of an association according to the association ID. Or, use the $LATEST parameter to view the latest version of the association.",
            field: "AssociationVersion")
        public static let executionDoesNotExist = PortlessError(
            aws: .associationExecutionDoesNotExist, "The specified execution ID doesn't exist. Verify the ID number and try again.",
            field: "ExecutionId")
        public static let invalidAssociation = PortlessError(aws: .invalidAssociation, "The association isn't valid or doesn't exist.",
                                                             field: "AssociationIds")

        public static let limitExceeded = PortlessError(aws: .associationLimitExceeded, "You can have at most 2,000 active associations.")
        public static let tooManyUpdates = PortlessError(aws: .tooManyUpdates,
                                                         "There are concurrent updates for a resource that supports one update at a time.",
                                                         field: "AssociationId")

        /// `InvalidSchedule`, saying what is wrong with the expression.
        public static func invalidSchedule(_ reason: String) -> PortlessError {
            PortlessError(.invalidSchedule, "The schedule is invalid: \(reason).", field: "ScheduleExpression")
        }
    }
}
