public import Foundation

/// JSON coders configured for the AWS JSON 1.1 wire: timestamps as epoch seconds.
public enum WireCoding {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes `data` as `T`, turning decoding failures into a `SerializationException` naming the field.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw PortlessError(.serialization, describe(error), field: fieldPath(error))
        }
    }

    static func fieldPath(_ error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            return nil
        }
        guard !path.isEmpty else { return nil }
        return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    static func describe(_ error: DecodingError) -> String {
        let field = fieldPath(error).map { "'\($0)'" } ?? "the request body"
        switch error {
        case .typeMismatch(let type, _):
            return "Value at \(field) is not of the expected type (\(type))."
        case .valueNotFound:
            return "Value at \(field) must not be null."
        case .keyNotFound:
            return "Value at \(field) is required but was not given."
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "The request body is not valid JSON." }
            return "Value at \(field) is malformed."
        @unknown default:
            return "The request body could not be read."
        }
    }
}
