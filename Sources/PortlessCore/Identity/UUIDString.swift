import Foundation

/// UUID strings in the lower-case form SSM prints.
enum UUIDString {
    static func random() -> String { UUID().uuidString.lowercased() }

    /// Strictly `8-4-4-4-12` hex digits (Foundation's parser is more lenient).
    static func isValid(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }
}
