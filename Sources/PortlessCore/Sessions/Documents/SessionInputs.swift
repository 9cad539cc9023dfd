/// The `inputs` of a Session document (its session preferences), checked and typed. Each member is nil
/// when the document leaves it out or gives it as an empty string, as the console writes unset inputs.
///
/// SSM documents `idleSessionTimeout` and `maxSessionDuration` as strings of minutes (`"20"`); a JSON
/// number is read the same. The flags are JSON booleans; `"true"`/`"false"` are read as the agent reads them.
public struct SessionInputs: Sendable, Hashable {
    public var idleSessionTimeoutMinutes: Int?
    public var maxSessionDurationMinutes: Int?
    public var runAsEnabled: Bool?
    public var runAsDefaultUser: String?
    public var shellProfileLinux: String?
    public var shellProfileWindows: String?
    public var kmsKeyId: String?
    public var s3BucketName: String?
    public var s3KeyPrefix: String?
    public var s3EncryptionEnabled: Bool?
    public var cloudWatchLogGroupName: String?
    public var cloudWatchEncryptionEnabled: Bool?
    public var cloudWatchStreamingEnabled: Bool?

    /// The inputs SSM defines for Session documents.
    static let names = [
        "s3BucketName", "s3KeyPrefix", "s3EncryptionEnabled", "cloudWatchLogGroupName", "cloudWatchEncryptionEnabled",
        "cloudWatchStreamingEnabled", "kmsKeyId", "runAsEnabled", "runAsDefaultUser", "idleSessionTimeout",
        "maxSessionDuration", "shellProfile",
    ]
    static let idleRange = 1...60
    static let durationRange = 1...1440

    /// Reads `value` (the document's `inputs`, absent or an object), or throws `InvalidDocumentContent`
    /// naming the input at fault (`inputs.idleSessionTimeout`).
    public static func parse(_ value: JSONValue?) throws -> SessionInputs {
        var inputs = SessionInputs()
        guard let value, value != .null else { return inputs }
        guard let members = value.objectValue else { throw SessionDocumentValidator.invalid("inputs must be an object.", field: "inputs") }
        for key in members.keys.sorted() where !names.contains(key) {
            throw SessionDocumentValidator.invalid("'\(key)' is not a Session Manager preference (expected one of \(names.joined(separator: ", "))).",
                                                   field: "inputs.\(key)")
        }
        inputs.idleSessionTimeoutMinutes = try minutes(members, "idleSessionTimeout", range: idleRange)
        inputs.maxSessionDurationMinutes = try minutes(members, "maxSessionDuration", range: durationRange)
        inputs.runAsEnabled = try flag(members, "runAsEnabled")
        inputs.s3EncryptionEnabled = try flag(members, "s3EncryptionEnabled")
        inputs.cloudWatchEncryptionEnabled = try flag(members, "cloudWatchEncryptionEnabled")
        inputs.cloudWatchStreamingEnabled = try flag(members, "cloudWatchStreamingEnabled")
        inputs.runAsDefaultUser = try text(members["runAsDefaultUser"], field: "inputs.runAsDefaultUser")
        inputs.kmsKeyId = try text(members["kmsKeyId"], field: "inputs.kmsKeyId")
        inputs.s3BucketName = try text(members["s3BucketName"], field: "inputs.s3BucketName")
        inputs.s3KeyPrefix = try text(members["s3KeyPrefix"], field: "inputs.s3KeyPrefix")
        inputs.cloudWatchLogGroupName = try text(members["cloudWatchLogGroupName"], field: "inputs.cloudWatchLogGroupName")
        if let profile = members["shellProfile"], profile != .null {
            guard let platforms = profile.objectValue else {
                throw SessionDocumentValidator.invalid("shellProfile must be an object with linux and windows shell lines.", field: "inputs.shellProfile")
            }
            for key in platforms.keys.sorted() where key != "linux" && key != "windows" {
                throw SessionDocumentValidator.invalid("'\(key)' is not a shellProfile platform (expected linux, windows).", field: "inputs.shellProfile.\(key)")
            }
            inputs.shellProfileLinux = try text(platforms["linux"], field: "inputs.shellProfile.linux")
            inputs.shellProfileWindows = try text(platforms["windows"], field: "inputs.shellProfile.windows")
        }
        return inputs
    }

    private static func minutes(_ members: [String: JSONValue], _ key: String, range: ClosedRange<Int>) throws -> Int? {
        let field = "inputs.\(key)"
        let number: Int?
        switch members[key] {
        case nil, .null?, .string("")?:
            return nil
        case .string(let text)?:
            number = text.allSatisfy { $0.isASCII && $0.isNumber } ? Int(text) : nil
        case .number(let value)?:
            number = value.rounded() == value && abs(value) <= Double(range.upperBound + 1) ? Int(value) : nil
        default:
            number = nil
        }
        guard let number, range.contains(number) else {
            throw SessionDocumentValidator.invalid("\(key) must be a whole number of minutes from \(range.lowerBound) to \(range.upperBound).", field: field)
        }
        return number
    }

    private static func flag(_ members: [String: JSONValue], _ key: String) throws -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case .string(let text)? where text.lowercased() == "true": return true
        case .string(let text)? where text.lowercased() == "false": return false
        default: throw SessionDocumentValidator.invalid("\(key) must be true or false.", field: "inputs.\(key)")
        }
    }

    private static func text(_ value: JSONValue?, field: String) throws -> String? {
        switch value {
        case nil, .null?, .string("")?: return nil
        case .string(let text)?: return text
        default: throw SessionDocumentValidator.invalid("\(field.split(separator: ".").last ?? "") must be a string.", field: field)
        }
    }
}
