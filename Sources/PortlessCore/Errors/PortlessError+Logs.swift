extension PortlessError.Code {
    // CloudWatch Logs (all sent with HTTP 400, as the service model gives no other status).
    public static let logsInvalidParameter = Self("InvalidParameterException")
    public static let logsResourceNotFound = Self("ResourceNotFoundException")
    public static let logsResourceAlreadyExists = Self("ResourceAlreadyExistsException")
    public static let logsLimitExceeded = Self("LimitExceededException")
}

extension PortlessError {
    /// CloudWatch Logs' texts, as its replies word them (quoted in SDK and client issue reports).
    public enum Logs {
        public static let groupNotFound = PortlessError(aws: .logsResourceNotFound, "The specified log group does not exist.",
                                                        field: "logGroupName")
        public static let streamNotFound = PortlessError(aws: .logsResourceNotFound, "The specified log stream does not exist.",
                                                         field: "logStreamName")
        public static let groupExists = PortlessError(aws: .logsResourceAlreadyExists, "The specified log group already exists",
                                                      field: "logGroupName")
        public static let streamExists = PortlessError(aws: .logsResourceAlreadyExists, "The specified log stream already exists",
                                                       field: "logStreamName")
        public static let notChronological = PortlessError(
            aws: .logsInvalidParameter, "Log events in a single PutLogEvents request must be in chronological order.", field: "logEvents")
        public static let spansTooLong = PortlessError(
            aws: .logsInvalidParameter, "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.",
            field: "logEvents")
        public static let invalidFilterPattern = PortlessError(aws: .logsInvalidParameter, "Invalid filter pattern", field: "filterPattern")
        public static let patternMustEndWithBrace = PortlessError(aws: .logsInvalidParameter, "If a filter pattern starts with '{' it must end with '}'",
                                                                  field: "filterPattern")
        /// A term with a character that must be quoted.
        public static func invalidTermCharacters(_ characters: String) -> PortlessError {
            PortlessError(aws: .logsInvalidParameter, "Invalid character(s) in term '\(characters)'", field: "filterPattern")
        }
        /// Both a log group's name and its identifier, or neither.
        public static let groupNameOrIdentifier = PortlessError(
            aws: .logsInvalidParameter, "Either logGroupName or logGroupIdentifier must be specified, but not both.", field: "logGroupName")
        public static let tokenNotValid = PortlessError(aws: .logsInvalidParameter, "The specified nextToken is invalid.", field: "nextToken")
    }
}
