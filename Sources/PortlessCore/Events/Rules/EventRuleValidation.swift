import Foundation

/// EventBridge's checks on a rule and its targets, refusing with its codes and texts.
public enum EventRuleValidation {
    public static let namePattern = "[\\.\\-_A-Za-z0-9]+"
    public static let maximumTargets = 5

    /// A rule or target ID: 1–64 of `[.-_A-Za-z0-9]`.
    public static func name(_ value: String?, field: String) throws -> String {
        guard let value else { throw ConstraintViolation.error(.validation, value: nil, field: field, .notNull) }
        try length(value, field: field, 1...64)
        guard value.utf8.allSatisfy({ isNameByte($0) }) else {
            throw ConstraintViolation.error(.validation, value: value, field: field, .pattern(namePattern))
        }
        return value
    }

    /// `default` or its ARN: the one bus each account has.
    public static func bus(_ value: String?, region: String, account: String) throws {
        guard let value, value != EventRuleRecord.busName,
              value != "arn:aws:events:\(region):\(account):event-bus/\(EventRuleRecord.busName)" else { return }
        throw PortlessError.Events.busNotFound(value)
    }

    /// Compiles a rule's pattern, refusing one over 4096 characters or malformed.
    public static func pattern(_ text: String) throws -> EventPattern {
        try length(text, field: "EventPattern", 0...4096)
        do {
            return try EventPattern(parsing: text)
        } catch {
            throw PortlessError.Events.invalidPattern(error, pattern: text)
        }
    }

    /// Parses a rule's schedule: `rate(N minute[s]|hour[s]|day[s])` or six-field `cron(...)`; `rate(N seconds)` only
    /// when `allowsSeconds` (the test knob).
    public static func schedule(_ text: String, allowsSeconds: Bool) throws -> ScheduleExpression {
        try length(text, field: "ScheduleExpression", 0...256)
        do {
            return try ScheduleExpression(parsing: text, options: .init(yearOptional: false, allowsSeconds: allowsSeconds))
        } catch {
            throw PortlessError.Events.invalidSchedule
        }
    }

    public static func state(_ text: String?) throws -> EventRuleRecord.State {
        guard let text else { return .enabled }
        guard let state = EventRuleRecord.State(rawValue: text) else {
            throw ConstraintViolation.error(.validation, value: text, field: "State",
                                            .enumeration(EventRuleRecord.State.allCases.map(\.rawValue)))
        }
        return state
    }

    /// `value`'s length (in characters) within `range`.
    public static func length(_ value: String, field: String, _ range: ClosedRange<Int>) throws {
        if value.count < range.lowerBound { throw ConstraintViolation.error(.validation, value: value, field: field, .minLength(range.lowerBound)) }
        if value.count > range.upperBound { throw ConstraintViolation.error(.validation, value: value, field: field, .maxLength(range.upperBound)) }
    }

    /// The checks EventBridge makes of each target before any is written.
    public static func target(_ target: EventTarget, index: Int) throws {
        let field = "Targets[\(index)]"
        _ = try name(target.id, field: "\(field).Id")
        try length(target.arn, field: "\(field).Arn", 1...1600)
        if let roleArn = target.roleArn { try length(roleArn, field: "\(field).RoleArn", 1...1600) }
        let inputs = [target.input != nil, target.inputPath != nil, target.inputTransformer != nil].filter { $0 }.count
        if inputs > 1 {
            throw PortlessError(aws: .validation, "Only one of Input, InputPath, or InputTransformer must be provided.", field: field)
        }
        if let input = target.input {
            try length(input, field: "\(field).Input", 0...8192)
            guard isJSON(input) else { throw PortlessError.Events.invalidParameter("Input") }
        }
        if let path = target.inputPath {
            try length(path, field: "\(field).InputPath", 0...256)
            guard JSONPath(path) != nil else { throw PortlessError.Events.invalidParameter("InputPath") }
        }
        if let transformer = target.inputTransformer { try self.transformer(transformer, field: "\(field).InputTransformer") }
        if let policy = target.retryPolicy {
            if let attempts = policy.maximumRetryAttempts { try bounded(attempts, field: "\(field).RetryPolicy.MaximumRetryAttempts", 0...185) }
            if let age = policy.maximumEventAgeInSeconds { try bounded(age, field: "\(field).RetryPolicy.MaximumEventAgeInSeconds", 60...86_400) }
        }
        if let targets = target.runCommandParameters?.runCommandTargets {
            guard (1...5).contains(targets.count) else { throw PortlessError.Events.invalidParameter("RunCommandTargets") }
            for (position, runTarget) in targets.enumerated() {
                guard runTarget.key == "InstanceIds" || (runTarget.key.hasPrefix("tag:") && runTarget.key.count > 4),
                      (1...50).contains(runTarget.values.count) else {
                    throw PortlessError.Events.invalidParameter("RunCommandTargets[\(position)]")
                }
            }
        }
    }

    private static func transformer(_ transformer: EventTarget.InputTransformer, field: String) throws {
        try length(transformer.inputTemplate, field: "\(field).InputTemplate", 1...8192)
        let paths = transformer.inputPathsMap ?? [:]
        if paths.count > 100 { throw PortlessError.Events.invalidParameter("InputPathsMap") }
        for (key, path) in paths {
            guard !key.isEmpty, key.count <= 256, key.utf8.allSatisfy({ isNameByte($0) && $0 != UInt8(ascii: ".") }),
                  JSONPath(path) != nil else {
                throw PortlessError.Events.invalidParameter("InputPathsMap")
            }
        }
    }

    private static func bounded(_ value: Int, field: String, _ range: ClosedRange<Int>) throws {
        if value < range.lowerBound { throw ConstraintViolation.error(.validation, value: String(value), field: field, .minValue(range.lowerBound)) }
        if value > range.upperBound { throw ConstraintViolation.error(.validation, value: String(value), field: field, .maxValue(range.upperBound)) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// Whether `text` is one JSON value.
    public static func isJSON(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    }
}
