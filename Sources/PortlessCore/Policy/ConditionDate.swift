import Foundation

/// Dates as the `Date…` operators take them: ISO 8601 (`2026-01-01`, `2026-01-01T12:00:00Z`, with fractions
/// or an offset) or whole epoch seconds.
enum ConditionDate {
    static func seconds(_ text: String) -> Double? {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Double(text) }
        let upper = text.uppercased()
        for style in styles {
            if let date = try? style.parse(upper) { return date.timeIntervalSince1970 }
        }
        return nil
    }

    private static let styles: [Date.ISO8601FormatStyle] = [
        .iso8601,
        Date.ISO8601FormatStyle(includingFractionalSeconds: true),
        Date.ISO8601FormatStyle().year().month().day(),
        Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateTimeSeparator(.standard).time(includingFractionalSeconds: false),
    ]
}
