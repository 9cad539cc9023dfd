extension PortlessError.Code {
    // EventBridge (JSON 1.1). All are HTTP 400 as the service sends them.
    public static let resourceNotFoundEvents = Self("ResourceNotFoundException")
    public static let invalidEventPattern = Self("InvalidEventPatternException")
    public static let limitExceededEvents = Self("LimitExceededException")
}

extension PortlessError {
    /// EventBridge's texts, as its replies word them.
    public enum Events {
        /// `Rule NAME does not exist on EventBus default.`
        public static func ruleNotFound(_ name: String, field: String) -> PortlessError {
            PortlessError(aws: .resourceNotFoundEvents, "Rule \(name) does not exist on EventBus \(EventRuleRecord.busName).", field: field)
        }

        /// `Event bus NAME does not exist.`: Portless has only each account's `default` bus.
        public static func busNotFound(_ name: String) -> PortlessError {
            PortlessError(aws: .resourceNotFoundEvents, "Event bus \(name) does not exist.", field: "EventBusName")
        }

        public static let patternOrSchedule = PortlessError(aws: .validation, "Parameter(s) EventPattern or ScheduleExpression must be specified.",
                                                            field: "EventPattern")
        public static let invalidSchedule = PortlessError(aws: .validation, "Parameter ScheduleExpression is not valid.", field: "ScheduleExpression")
        public static let ruleHasTargets = PortlessError(aws: .validation, "Rule can't be deleted since it has targets.", field: "Name")
        public static let tooManyTargets = PortlessError(aws: .limitExceededEvents, "The requested resource exceeds the maximum number allowed.",
                                                         field: "Targets")
        public static let invalidEvent = PortlessError(aws: .validation, "Parameter Event is not valid.", field: "Event")

        /// `InvalidEventPatternException` for `pattern`, with EventBridge's reason and location.
        public static func invalidPattern(_ error: EventPatternError, pattern: String) -> PortlessError {
            PortlessError(aws: .invalidEventPattern, error.message(source: pattern), field: "EventPattern")
        }

        /// `Parameter NAME is not valid.`: a target member EventBridge refuses without naming why.
        public static func invalidParameter(_ name: String) -> PortlessError {
            PortlessError(aws: .validation, "Parameter \(name) is not valid.", field: name)
        }
    }
}
