import Foundation
import PortlessCore
import SQLKit

/// Records are kept as JSON bodies beside the columns that queries filter on.
enum RecordCoding {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try WireCoding.encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, row: any SQLRow) throws -> T {
        let body = try row.decode(column: "body", as: String.self)
        return try WireCoding.decoder().decode(type, from: Data(body.utf8))
    }
}
