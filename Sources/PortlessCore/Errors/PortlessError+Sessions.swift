extension PortlessError.Code {
    // Session Manager (botocore's SSM model).
    public static let targetNotConnected = Self("TargetNotConnected")
    public static let doesNotExist = Self("DoesNotExistException")
}

extension PortlessError {
    /// Session Manager's errors.
    public enum Sessions {
        /// StartSession to a node that is unknown, another account's, or whose agent is not connected (AWS's text).
        public static func targetNotConnected(_ target: String) -> PortlessError {
            PortlessError(aws: .targetNotConnected, "\(target) is not connected.", field: "Target")
        }

        /// ResumeSession of a session the account does not have.
        public static func doesNotExist(_ sessionId: String) -> PortlessError {
            PortlessError(aws: .doesNotExist, "Session with id \(sessionId) does not exist.", field: "SessionId")
        }

        /// A session's run-as user that cannot be a Linux user name.
        public static func invalidRunAsUser(_ name: String) -> PortlessError {
            PortlessError(.invalidParameters, "The run-as user \(name) is not a valid Linux user name.", field: "SSMSessionRunAs")
        }
    }
}
