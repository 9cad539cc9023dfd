import Foundation

/// The finer states SSM carries in `StatusDetails`.
public enum StatusDetails {
    public static let deliveryTimedOut = "Delivery Timed Out"
    public static let executionTimedOut = "Execution Timed Out"
    public static let undeliverable = "Undeliverable"
    public static let terminated = "Terminated"
    public static let incomplete = "Incomplete"
    public static let noInstancesInTag = "No Instances In Tag"
    public static let invalidPlatform = "Invalid Platform"
    public static let accessDenied = "Access Denied"
    public static let rateExceeded = "Rate Exceeded"

    /// Maps a `Status` filter value (spaces removed, e.g. `DeliveryTimedOut`) to the details it matches.
    public static func fromFilterValue(_ value: String) -> String? {
        [deliveryTimedOut, executionTimedOut, undeliverable, terminated, incomplete, noInstancesInTag,
         invalidPlatform, accessDenied, rateExceeded]
            .first { $0.replacingOccurrences(of: " ", with: "") == value }
    }
}
