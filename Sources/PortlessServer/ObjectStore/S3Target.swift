import PortlessCore

/// What a path-style S3 request addresses: `/` (the service), `/bucket`, or `/bucket/key`.
struct S3Target: Sendable {
    /// The bucket, nil for the service (`GET /`).
    var bucket: String?
    /// The object key, nil for bucket-level requests.
    var key: String?
    /// Query parameters, decoded; the first value of each name.
    var query: [String: String]

    /// Parses a raw (percent-encoded) path and query. Keys are decoded once; `+` in a path stays `+`.
    init(path: String, query rawQuery: String) throws {
        var query: [String: String] = [:]
        for (name, value) in SigV4URIEncoding.decodeQuery(rawQuery) where query[name] == nil { query[name] = value }
        self.query = query
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !trimmed.isEmpty else { return }
        let bytes = Array(trimmed.utf8)
        let slash = bytes.firstIndex(of: UInt8(ascii: "/"))
        let bucketBytes = slash.map { Array(bytes[..<$0]) } ?? bytes
        bucket = SigV4URIEncoding.decode(String(decoding: bucketBytes, as: UTF8.self), plusAsSpace: false)
        if let slash, slash + 1 < bytes.count {
            let keyBytes = SigV4URIEncoding.decode(bytes: bytes[(slash + 1)...], plusAsSpace: false)
            guard let key = String(validating: keyBytes, as: UTF8.self) else {
                throw S3Error.invalidArgument("The object key is not valid UTF-8.", name: "key")
            }
            if let problem = S3Names.keyProblem(key) {
                if key.utf8.count > S3Names.maximumKeyLength { throw S3Error("KeyTooLongError", 400, problem) }
                throw S3Error.invalidArgument(problem, name: "key")
            }
            self.key = key
        }
    }

    /// The `Resource` named in errors.
    var resource: String {
        guard let bucket else { return "/" }
        guard let key else { return "/\(bucket)" }
        return "/\(bucket)/\(key)"
    }
}
