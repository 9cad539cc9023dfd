public import Foundation

/// One JSON object of a scan result being validated: typed reads of its fields that name the field at fault, and a
/// final check that it holds no field nobody read.
struct ScanJSONObject {
    private let fields: [String: JSONValue]
    private let path: String
    private var read: Set<String> = []

    /// Decodes `data` as one JSON object.
    init(data: Data, limit: Int) throws(ScanResultError) {
        guard data.count <= limit else { throw .tooLarge(size: data.count, limit: limit) }
        guard String(data: data, encoding: .utf8) != nil else { throw .notUTF8 }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .notJSON
        }
        guard let fields = value.objectValue else { throw .notAnObject }
        self.init(fields: fields, path: "")
    }

    init(fields: [String: JSONValue], path: String) {
        self.fields = fields
        self.path = path
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func value(_ key: String) throws(ScanResultError) -> JSONValue? {
        read.insert(key)
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    /// A required string of at most `limit` characters, matching `valid` when given (`expected` says what it must be).
    mutating func string(_ key: String, limit: Int, valid: ((String) -> Bool)? = nil, expected: String = "") throws(ScanResultError) -> String {
        guard let text = try optionalString(key, limit: limit) else { throw .missingField(name(key)) }
        if let valid, !valid(text) { throw .invalidValue(field: name(key), expected: expected) }
        return text
    }

    mutating func optionalString(_ key: String, limit: Int) throws(ScanResultError) -> String? {
        guard let value = try value(key) else { return nil }
        guard let text = value.stringValue else { throw .wrongType(field: name(key), expected: "a string") }
        guard text.count <= limit else { throw .tooLong(field: name(key), limit: limit) }
        return text
    }

    /// A non-negative whole number, or nil when absent (or an empty string, which the bundle's `evidence line=`
    /// writes when a check had no line number to give).
    mutating func optionalCount(_ key: String) throws(ScanResultError) -> Int? {
        switch try value(key) {
        case nil, .string(""): return nil
        case .number(let number) where number >= 0 && number <= Double(Int32.max) && number.rounded() == number:
            return Int(number)
        default: throw .wrongType(field: name(key), expected: "a whole number of at least 0")
        }
    }

    /// A required nested object.
    mutating func object(_ key: String) throws(ScanResultError) -> ScanJSONObject {
        guard let value = try value(key) else { throw .missingField(name(key)) }
        guard let fields = value.objectValue else { throw .wrongType(field: name(key), expected: "an object") }
        return ScanJSONObject(fields: fields, path: name(key))
    }

    /// A required list of at most `limit` items.
    mutating func array(_ key: String, limit: Int) throws(ScanResultError) -> [JSONValue] {
        guard let value = try value(key) else { throw .missingField(name(key)) }
        guard let items = value.arrayValue else { throw .wrongType(field: name(key), expected: "a list") }
        guard items.count <= limit else { throw .tooMany(field: name(key), count: items.count, limit: limit) }
        return items
    }

    /// Throws when the object holds a field no read asked for.
    func finish() throws(ScanResultError) {
        if let extra = fields.keys.filter({ !read.contains($0) }).sorted().first { throw .unexpectedField(name(extra)) }
    }
}
