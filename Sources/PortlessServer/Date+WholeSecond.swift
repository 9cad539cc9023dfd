import Foundation

extension Date {
    /// This instant rounded down to the whole second, as IAM's timestamps are.
    var wholeSecond: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
