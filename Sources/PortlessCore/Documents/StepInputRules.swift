/// The inputs each action takes, and the control-flow inputs every step may have.
enum StepInputRules {
    static let sourceTypes: Set<String> = ["GitHub", "Git", "HTTP", "S3", "SSMDocument"]
    static let runDocumentTypes: Set<String> = ["SSMDocument", "LocalPath"]

    static func check(action: String, inputs: [String: JSONValue], field: String, isLast: Bool) throws {
        let allowed = (DocumentValidator.actionInputs[action] ?? []).union(DocumentValidator.controlFlowKeys)
        for key in inputs.keys.sorted() where !allowed.contains(key) {
            throw DocumentValidator.invalid("'\(key)' is not an input of \(action).", field: "\(field).\(key)")
        }
        switch action {
        case "aws:runShellScript":
            try checkRunShellScript(inputs, field: field)
        case "aws:downloadContent":
            try requireString(inputs, "sourceType", field: field, oneOf: sourceTypes)
            guard let info = inputs["sourceInfo"], info.objectValue != nil || info.stringValue != nil else {
                throw DocumentValidator.invalid("aws:downloadContent needs sourceInfo (an object or a JSON string).", field: "\(field).sourceInfo")
            }
            try optionalString(inputs, "destinationPath", field: field)
        case "aws:runDocument":
            try requireString(inputs, "documentType", field: field, oneOf: runDocumentTypes)
            try requireString(inputs, "documentPath", field: field)
            if let parameters = inputs["documentParameters"], parameters.objectValue == nil, parameters.stringValue == nil {
                throw DocumentValidator.invalid("documentParameters must be an object or a JSON string.", field: "\(field).documentParameters")
            }
        default:
            break
        }
        try checkControlFlow(inputs, field: field, isLast: isLast)
    }

    private static func checkRunShellScript(_ inputs: [String: JSONValue], field: String) throws {
        switch inputs["runCommand"] {
        case .string?:
            break
        case .array(let lines)? where lines.allSatisfy({ $0.stringValue != nil }):
            break
        case nil:
            throw DocumentValidator.invalid("aws:runShellScript needs runCommand (a string or a list of strings).", field: "\(field).runCommand")
        default:
            throw DocumentValidator.invalid("runCommand must be a string or a list of strings.", field: "\(field).runCommand")
        }
        try optionalString(inputs, "workingDirectory", field: field)
        try optionalString(inputs, "id", field: field)
        if let timeout = inputs["timeoutSeconds"] {
            switch timeout {
            case .number(let seconds) where seconds.rounded() == seconds && seconds >= 1:
                break
            case .string(let text) where Int(text) != nil || text.contains("{{"):
                break
            default:
                throw DocumentValidator.invalid("timeoutSeconds must be a whole number of seconds.", field: "\(field).timeoutSeconds")
            }
        }
        if let environment = inputs["environment"] {
            guard let variables = environment.objectValue, variables.values.allSatisfy({ $0.stringValue != nil }) else {
                throw DocumentValidator.invalid("environment must be an object of string values.", field: "\(field).environment")
            }
        }
    }

    private static func checkControlFlow(_ inputs: [String: JSONValue], field: String, isLast: Bool) throws {
        if let onFailure = inputs["onFailure"], !["exit", "successAndExit"].contains(onFailure.stringValue ?? "") {
            throw DocumentValidator.invalid("onFailure must be exit or successAndExit.", field: "\(field).onFailure")
        }
        if let onSuccess = inputs["onSuccess"], onSuccess.stringValue != "exit" {
            throw DocumentValidator.invalid("onSuccess must be exit.", field: "\(field).onSuccess")
        }
        if let finallyStep = inputs["finallyStep"] {
            guard finallyStep == .bool(true) || finallyStep == .string("true") else {
                throw DocumentValidator.invalid("finallyStep must be true.", field: "\(field).finallyStep")
            }
            guard isLast else {
                throw DocumentValidator.invalid("finallyStep is only allowed on the last step.", field: "\(field).finallyStep")
            }
        }
    }

    private static func requireString(_ inputs: [String: JSONValue], _ key: String, field: String, oneOf allowed: Set<String>? = nil) throws {
        guard let value = inputs[key]?.stringValue, !value.isEmpty else {
            throw DocumentValidator.invalid("\(key) is required (a string).", field: "\(field).\(key)")
        }
        if let allowed, !allowed.contains(value), !value.contains("{{") {
            throw DocumentValidator.invalid("\(key) must be one of \(allowed.sorted().joined(separator: ", ")).", field: "\(field).\(key)")
        }
    }

    private static func optionalString(_ inputs: [String: JSONValue], _ key: String, field: String) throws {
        if let value = inputs[key], value.stringValue == nil {
            throw DocumentValidator.invalid("\(key) must be a string.", field: "\(field).\(key)")
        }
    }
}
