/// The shapes of StartSession's and its siblings' fields, and session IDs.
public enum SessionValidation {
    /// `Target`: 1–400 characters.
    public static func target(_ target: String) throws(PortlessError) {
        guard (1...400).contains(target.count) else {
            throw ConstraintViolation.error(.validation, value: target, field: "target",
                                            target.isEmpty ? .minLength(1) : .maxLength(400))
        }
    }

    /// `Reason`: 1–256 characters on one line.
    public static func reason(_ reason: String) throws(PortlessError) {
        guard (1...256).contains(reason.count), !reason.contains(where: \.isNewline) else {
            throw ConstraintViolation.error(.validation, value: reason, field: "reason", .pattern("^.{1,256}$"))
        }
    }

    /// `SessionId`: 1–96 characters.
    public static func sessionIdField(_ id: String) throws(PortlessError) {
        guard (1...96).contains(id.count) else {
            throw ConstraintViolation.error(.validation, value: id, field: "sessionId", id.isEmpty ? .minLength(1) : .maxLength(96))
        }
    }

    /// Whether `name` may be a run-as user on a Linux node.
    public static func isUserName(_ name: String) -> Bool {
        guard (1...32).contains(name.count), let first = name.unicodeScalars.first,
              first == "_" || ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." }
    }
}
