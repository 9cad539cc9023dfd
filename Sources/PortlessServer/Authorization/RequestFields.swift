import Foundation
import PortlessCore

/// The request's parameters as the operation table reads them, whatever the wire protocol.
struct RequestFields: Sendable {
    private enum Source: Sendable {
        case json(JSONValue)
        case query(QueryParameters)
    }

    private let source: Source

    /// A JSON 1.1 body (an unreadable body has no fields; the operation refuses it afterwards).
    init(json body: Data) {
        let value = body.isEmpty ? nil : try? WireCoding.decoder().decode(JSONValue.self, from: body)
        source = .json(value ?? .object([:]))
    }

    /// A Query-protocol form.
    init(query parameters: QueryParameters) { source = .query(parameters) }

    /// No fields (S3 requests carry theirs in the path).
    static let none = RequestFields(query: QueryParameters(values: [:]))

    /// A single text field.
    func string(_ name: String) -> String? {
        switch source {
        case .json(let value): value[name]?.stringValue
        case .query(let parameters): parameters[name]
        }
    }

    /// A list of texts (`Name.member.N` in the Query protocol).
    func strings(_ name: String) -> [String] {
        switch source {
        case .json(let value): value[name]?.arrayValue?.compactMap(\.stringValue) ?? []
        case .query(let parameters): parameters.members(name)
        }
    }

    /// The values of the entries of the `Targets`-shaped list `field` whose `Key` is `key` (JSON 1.1 only).
    func targetValues(_ key: String, in field: String = "Targets") -> [String] {
        guard case .json(let value) = source else { return [] }
        return value[field]?.arrayValue?.filter { $0["Key"]?.stringValue == key }
            .flatMap { $0["Values"]?.arrayValue?.compactMap(\.stringValue) ?? [] } ?? []
    }

    /// The `Tags` a request sets.
    func tags(_ name: String = "Tags") -> [Tag] {
        switch source {
        case .json(let value):
            return value[name]?.arrayValue?.compactMap { item in
                guard let key = item["Key"]?.stringValue else { return nil }
                return Tag(key: key, value: item["Value"]?.stringValue ?? "")
            } ?? []
        case .query(let parameters):
            return (try? parameters.tags(name)) ?? []
        }
    }
}
