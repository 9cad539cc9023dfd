extension SigV4 {
    /// Canonical request. `path` and `query` are raw, exactly as on the wire (percent-encoded, query without "?").
    ///
    /// For service `s3` the path is used as is (encoded once, no normalisation; an empty path is `/`);
    /// for every other service dot segments and empty segments are removed and each segment is
    /// encoded again (double encoding), as botocore does.
    /// The query is decoded (`+` is a space) and re-encoded canonically: RFC 3986 unreserved kept,
    /// `%XX` upper-case, sorted by name then value, `X-Amz-Signature` left out, a name without a value
    /// written `name=`. Headers: names lower-cased, values trimmed with inner whitespace runs folded to
    /// one space; repeated headers joined with `,`. Only `signedHeaders` (lower-cased, de-duplicated,
    /// sorted) are included; a signed header missing from `headers` is written with an empty value.
    public static func canonicalRequest(
        method: String,
        path: String,
        query: String,
        headers: [(name: String, value: String)],
        signedHeaders: [String],
        payloadHash: String,
        service: String
    ) -> String {
        let names = canonicalSignedHeaderNames(signedHeaders)
        var lines: [String] = [
            method.uppercased(),
            canonicalPath(path, service: service),
            canonicalQuery(query),
        ]
        for name in names {
            let values = headers
                .filter { trimmed($0.name).lowercased() == name }
                .map { foldWhitespace($0.value) }
            lines.append("\(name):\(values.joined(separator: ","))")
        }
        lines.append("")
        lines.append(names.joined(separator: ";"))
        lines.append(payloadHash)
        return lines.joined(separator: "\n")
    }

    /// Signed header names as they are signed: trimmed, lower-cased, de-duplicated and sorted bytewise.
    static func canonicalSignedHeaderNames(_ names: [String]) -> [String] {
        Set(names.map { trimmed($0).lowercased() })
            .filter { !$0.isEmpty }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The canonical URI of a raw path.
    static func canonicalPath(_ path: String, service: String) -> String {
        if service == "s3" {
            return path.isEmpty ? "/" : path
        }
        return SigV4URIEncoding.encode(removeDotSegments(path), keepSlash: true)
    }

    /// RFC 3986 dot-segment removal as AWS services apply it: `.` and empty segments
    /// vanish, `..` drops the segment before it, a leading and trailing `/` are kept.
    static func removeDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                if !output.isEmpty { output.removeLast() }
            default:
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return first + output.joined(separator: "/") + last
    }

    /// The canonical query string of a raw query string.
    static func canonicalQuery(_ query: String) -> String {
        let signatureName = Array("X-Amz-Signature".utf8)
        var pairs: [(name: String, value: String)] = []
        for raw in SigV4URIEncoding.rawQueryPairs(query) {
            let name = SigV4URIEncoding.decode(bytes: raw.name.utf8, plusAsSpace: true)
            if name == signatureName { continue }
            let value = SigV4URIEncoding.decode(bytes: raw.value.utf8, plusAsSpace: true)
            pairs.append((SigV4URIEncoding.encode(bytes: name), SigV4URIEncoding.encode(bytes: value)))
        }
        pairs.sort { a, b in
            a.name == b.name
                ? a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
                : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// Trims a header value and folds inner runs of whitespace to one space.
    static func foldWhitespace(_ value: String) -> String {
        value.unicodeScalars
            .split(whereSeparator: isFoldedWhitespace)
            .map { String($0) }
            .joined(separator: " ")
    }

    /// `value` without leading and trailing whitespace.
    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isFoldedWhitespace($0) }),
              let end = scalars.lastIndex(where: { !isFoldedWhitespace($0) }) else {
            return ""
        }
        return String(scalars[start...end])
    }

    static func isFoldedWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}": return true
        default: return false
        }
    }
}

