extension PortlessError.Code {
    // CloudTrail (JSON 1.1). All are HTTP 400 as the service sends them.
    public static let invalidLookupAttributes = Self("InvalidLookupAttributesException")
    public static let invalidTimeRange = Self("InvalidTimeRangeException")
    public static let invalidMaxResults = Self("InvalidMaxResultsException")
    public static let invalidNextTokenCloudTrail = Self("InvalidNextTokenException")
    public static let invalidEventCategory = Self("InvalidEventCategoryException")
}

extension PortlessError {
    /// CloudTrail's refusals of `LookupEvents`.
    public enum CloudTrail {
        public static let attributeKey = PortlessError(aws: .invalidLookupAttributes, "Lookup attribute key is not valid.", field: "LookupAttributes")
        public static let attributeValue = PortlessError(aws: .invalidLookupAttributes, "Lookup attribute value is not valid.", field: "LookupAttributes")
        public static let oneAttribute = PortlessError(.invalidLookupAttributes, "Only one lookup attribute may be given.", field: "LookupAttributes")
        public static let timeRange = PortlessError(.invalidTimeRange, "The start time must not be after the end time.", field: "StartTime")
        public static let nextToken = PortlessError(.invalidNextTokenCloudTrail,
                                                    "The token is not valid, or was issued for a request with other parameters.", field: "NextToken")
        public static let eventCategory = PortlessError(.invalidEventCategory, "The only event category is insight.", field: "EventCategory")

        /// A `MaxResults` outside 1–50.
        public static func maxResults(_ value: Int) -> PortlessError {
            PortlessError(aws: .invalidMaxResults, "A max results value of \(value) is invalid. Specify max results between 1 and 50.", field: "MaxResults")
        }
    }
}

extension PortlessError.Code {
    public static let trailNotFound = Self("TrailNotFoundException")
    public static let trailAlreadyExists = Self("TrailAlreadyExistsException")
    public static let invalidTrailName = Self("InvalidTrailNameException")
    public static let s3BucketDoesNotExist = Self("S3BucketDoesNotExistException")
    public static let insufficientS3BucketPolicy = Self("InsufficientS3BucketPolicyException")
    public static let maximumNumberOfTrailsExceeded = Self("MaximumNumberOfTrailsExceededException")
    public static let invalidS3Prefix = Self("InvalidS3PrefixException")
}

extension PortlessError.CloudTrail {
    /// No trail `arn` in `account`, in AWS's words.
    public static func trailNotFound(arn: String, account: String) -> PortlessError {
        PortlessError(aws: .trailNotFound, "Unknown trail: \(arn) for the user: \(account)", field: "Name")
    }

    public static func trailExists(_ name: String, account: String) -> PortlessError {
        PortlessError(.trailAlreadyExists, "Trail \(name) already exists for customer: \(account)", field: "Name")
    }

    public static func noBucket(_ bucket: String) -> PortlessError {
        PortlessError(.s3BucketDoesNotExist, "S3 bucket does not exist: \(bucket)", field: "S3BucketName")
    }

    /// A bucket of another account: CloudTrail cannot write to it.
    public static func bucketPolicy(_ bucket: String) -> PortlessError {
        PortlessError(aws: .insufficientS3BucketPolicy, "Incorrect S3 bucket policy is detected for bucket: \(bucket)", field: "S3BucketName")
    }

    public static func tooManyTrails(account: String, region: String) -> PortlessError {
        PortlessError(.maximumNumberOfTrailsExceeded, "User: \(account) already has \(TrailRecord.maximumPerRegion) trails in \(region).", field: "Name")
    }

    public static let prefixTooLong = PortlessError(.invalidS3Prefix, "The S3 key prefix must be at most 200 characters.", field: "S3KeyPrefix")
}
