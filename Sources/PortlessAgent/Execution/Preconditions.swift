import PortlessCore

/// Evaluates step preconditions on this node: `StringEquals` with two arguments, each `platformType`
/// (case-insensitive) or a literal (parameters are already interpolated).
enum Preconditions {
    static let platformType = "linux"

    static func holds(_ precondition: JSONValue?) -> Bool {
        guard let precondition else { return true }
        guard case .array(let arguments)? = precondition["StringEquals"], arguments.count == 2,
              let left = arguments[0].stringValue, let right = arguments[1].stringValue else { return false }
        if left == "platformType" || right == "platformType" {
            return (left == "platformType" ? right : left).lowercased() == platformType
        }
        return left == right
    }
}
