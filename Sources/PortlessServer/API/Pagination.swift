import Foundation
import PortlessCore

/// Opaque `NextToken`s over offset pagination, and `MaxResults` checks.
enum Pagination {
    static func offset(from token: String?) throws -> Int {
        guard let token else { return 0 }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("offset:"), let offset = Int(text.dropFirst(7)), offset >= 0 else {
            throw PortlessError(.invalidNextToken, "The NextToken is not valid.", field: "NextToken")
        }
        return offset
    }

    static func token(offset: Int) -> String { Data("offset:\(offset)".utf8).base64EncodedString() }

    static func limit(_ maxResults: Int?, range: ClosedRange<Int>, defaultValue: Int) throws -> Int {
        guard let maxResults else { return defaultValue }
        guard range.contains(maxResults) else {
            throw ConstraintViolation.error(.validation, value: String(maxResults), field: "MaxResults",
                                            maxResults < range.lowerBound ? .minValue(range.lowerBound) : .maxValue(range.upperBound))
        }
        return maxResults
    }

    /// One page of `items` starting at `offset`, with the token for the next page if there is one.
    static func page<T>(_ items: [T], offset: Int, limit: Int) -> (items: [T], nextToken: String?) {
        let start = min(offset, items.count)
        let end = min(start + limit, items.count)
        return (Array(items[start..<end]), end < items.count ? token(offset: end) : nil)
    }
}
