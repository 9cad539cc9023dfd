/// CloudWatch Logs' rules for names and retention, as its service model states them; a breach throws
/// `InvalidParameterException` in AWS's validation wording.
public enum LogNames {
    public static let groupNamePattern = #"[\.\-_/#A-Za-z0-9]+"#
    public static let streamNamePattern = "[^:*]*"
    /// The retention periods PutRetentionPolicy accepts, in days.
    public static let retentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
                                       3288, 3653]

    /// A log group name: 1–512 characters of letters, digits and `._-/#`.
    public static func checkGroupName(_ name: String, field: String = "logGroupName") throws(PortlessError) {
        try checkLength(name, field: field)
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-/#".contains($0)) }) else {
            throw ConstraintViolation.error(.logsInvalidParameter, value: name, field: field, .pattern(groupNamePattern))
        }
    }

    /// A log stream name: 1–512 characters, no `:` or `*`.
    public static func checkStreamName(_ name: String, field: String = "logStreamName") throws(PortlessError) {
        try checkLength(name, field: field)
        guard !name.contains(":"), !name.contains("*") else {
            throw ConstraintViolation.error(.logsInvalidParameter, value: name, field: field, .pattern(streamNamePattern))
        }
    }

    /// A prefix of a name (DescribeLogGroups' `logGroupNamePrefix`, DescribeLogStreams' `logStreamNamePrefix`).
    public static func checkPrefix(_ prefix: String, field: String, isGroup: Bool) throws(PortlessError) {
        if isGroup { try checkGroupName(prefix, field: field) } else { try checkStreamName(prefix, field: field) }
    }

    /// A retention period PutRetentionPolicy accepts.
    public static func checkRetention(_ days: Int) throws(PortlessError) {
        guard retentionDays.contains(days) else {
            throw ConstraintViolation.error(.logsInvalidParameter, value: String(days), field: "retentionInDays",
                                            .enumeration(retentionDays.map(String.init)))
        }
    }

    private static func checkLength(_ name: String, field: String) throws(PortlessError) {
        guard !name.isEmpty else { throw ConstraintViolation.error(.logsInvalidParameter, value: name, field: field, .minLength(1)) }
        guard name.count <= 512 else { throw ConstraintViolation.error(.logsInvalidParameter, value: name, field: field, .maxLength(512)) }
    }
}
