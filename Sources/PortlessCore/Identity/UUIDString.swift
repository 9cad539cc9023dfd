import Foundation

/// UUID strings in the lower-case form SSM prints.
enum UUIDString {
    static func random() -> String { UUID().uuidString.lowercased() }

    static func isValid(_ value: String) -> Bool { value.count == 36 && UUID(uuidString: value) != nil }
}
