public import Foundation

/// IAM's `Marker`/`MaxItems` paging over a list sorted by a key: the marker is the (opaque, base64) key
/// of the first item of the next page.
public enum IAMPaging {
    public static let defaultMaxItems = 100

    /// One page of `items` (already sorted by `key`), starting at `marker`, at most `maxItems` long.
    public static func page<T>(_ items: [T], key: (T) -> String, marker: String?, maxItems: String?) throws -> (items: [T], marker: String?) {
        let limit = try maxItems.map { try IAMValidation.integer($0, field: "MaxItems", in: 1...1000) } ?? defaultMaxItems
        var remaining = items[...]
        if let marker {
            guard let data = Data(base64Encoded: marker), let start = String(data: data, encoding: .utf8), !start.isEmpty else {
                throw PortlessError(.validationError, "Invalid Marker: pass the Marker of the previous page unchanged.", field: "Marker")
            }
            remaining = remaining.drop { key($0) < start }
        }
        let page = Array(remaining.prefix(limit))
        let next = remaining.count > limit ? Data(key(remaining[remaining.startIndex + limit]).utf8).base64EncodedString() : nil
        return (page, next)
    }
}
