/// The step properties beside `action`, `name`, `inputs` and `precondition` in SSM's agent's step
/// model: `maxAttempts`, `onFailure`, `settings` and `timeoutSeconds` (and `description`).
///
/// The agent decodes them into whole numbers, a string and an object, so other shapes make a
/// document it cannot read; it then runs command steps without looking at them: no retry for
/// `maxAttempts`, no step-level failure rule or time limit. Portless does the same (the limits that
/// do apply are the inputs `timeoutSeconds` and `onFailure`).
enum StepPropertyRules {
    static func check(_ step: [String: JSONValue], field: String) throws {
        for key in ["maxAttempts", "timeoutSeconds"] {
            guard let member = step[key] else { continue }
            guard case .number(let number) = member, number >= 0, number.rounded() == number, number <= Double(Int32.max) else {
                throw DocumentValidator.invalid("\(key) must be a whole number of at least 0.", field: "\(field).\(key)")
            }
        }
        for key in ["onFailure", "description"] {
            if let member = step[key], member.stringValue == nil {
                throw DocumentValidator.invalid("\(key) must be a string.", field: "\(field).\(key)")
            }
        }
        if let settings = step["settings"], settings.objectValue == nil {
            throw DocumentValidator.invalid("settings must be an object.", field: "\(field).settings")
        }
    }
}
