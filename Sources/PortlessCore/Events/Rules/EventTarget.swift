/// A rule's target, in EventBridge's own `Target` shape (the wire and the stored record are the same): where matched
/// events go and how each is turned into the target's input.
public struct EventTarget: Sendable, Hashable, Codable {
    public var id: String
    public var arn: String
    public var roleArn: String?
    /// A fixed JSON text sent instead of the event.
    public var input: String?
    /// The part of the event sent (`$.detail`).
    public var inputPath: String?
    public var inputTransformer: InputTransformer?
    public var runCommandParameters: RunCommandParameters?
    public var httpParameters: HttpParameters?
    public var retryPolicy: RetryPolicy?
    public var deadLetterConfig: DeadLetterConfig?

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", roleArn = "RoleArn", input = "Input", inputPath = "InputPath", inputTransformer = "InputTransformer"
        case runCommandParameters = "RunCommandParameters", httpParameters = "HttpParameters", retryPolicy = "RetryPolicy"
        case deadLetterConfig = "DeadLetterConfig"
    }

    public init(id: String, arn: String) {
        self.id = id
        self.arn = arn
    }

    /// Values from the event put into a template: `InputPathsMap` names JSON paths, `<name>` in the template takes
    /// each one's value.
    public struct InputTransformer: Sendable, Hashable, Codable {
        public var inputPathsMap: [String: String]?
        public var inputTemplate: String

        enum CodingKeys: String, CodingKey { case inputPathsMap = "InputPathsMap", inputTemplate = "InputTemplate" }

        public init(inputPathsMap: [String: String]?, inputTemplate: String) {
            self.inputPathsMap = inputPathsMap
            self.inputTemplate = inputTemplate
        }
    }

    /// The nodes a Run Command target runs on: `InstanceIds` or `tag:KEY`.
    public struct RunCommandParameters: Sendable, Hashable, Codable {
        public var runCommandTargets: [Target]

        enum CodingKeys: String, CodingKey { case runCommandTargets = "RunCommandTargets" }

        public init(runCommandTargets: [Target]) { self.runCommandTargets = runCommandTargets }
    }

    /// Headers and query-string parameters a webhook target adds to its request.
    public struct HttpParameters: Sendable, Hashable, Codable {
        public var headerParameters: [String: String]?
        public var queryStringParameters: [String: String]?
        public var pathParameterValues: [String]?

        enum CodingKeys: String, CodingKey {
            case headerParameters = "HeaderParameters", queryStringParameters = "QueryStringParameters", pathParameterValues = "PathParameterValues"
        }

        public init(headerParameters: [String: String]? = nil, queryStringParameters: [String: String]? = nil) {
            self.headerParameters = headerParameters
            self.queryStringParameters = queryStringParameters
        }
    }

    /// How long and how often a failed delivery is retried (EventBridge's defaults: 185 attempts over 24 hours).
    public struct RetryPolicy: Sendable, Hashable, Codable {
        public var maximumRetryAttempts: Int?
        public var maximumEventAgeInSeconds: Int?

        public static let defaultAttempts = 185
        public static let defaultAge = 86_400

        enum CodingKeys: String, CodingKey { case maximumRetryAttempts = "MaximumRetryAttempts", maximumEventAgeInSeconds = "MaximumEventAgeInSeconds" }

        public init(maximumRetryAttempts: Int?, maximumEventAgeInSeconds: Int?) {
            self.maximumRetryAttempts = maximumRetryAttempts
            self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
        }
    }

    /// Where an event that could not be delivered is recorded (kept as the rule's dead-letter record; the ARN is
    /// echoed).
    public struct DeadLetterConfig: Sendable, Hashable, Codable {
        public var arn: String?

        enum CodingKeys: String, CodingKey { case arn = "Arn" }

        public init(arn: String?) { self.arn = arn }
    }
}
