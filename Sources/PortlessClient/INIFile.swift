import Foundation

/// The INI dialect of `~/.aws/credentials` and `~/.aws/config`: `[section]` and `key = value` lines.
struct INIFile {
    private(set) var sections: [String: [String: String]] = [:]

    init(contents: String) {
        var current: String?
        for rawLine in contents.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                sections[name, default: [:]] = sections[name] ?? [:]
            } else if let current, let equals = line.firstIndex(of: "=") {
                let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                sections[current, default: [:]][key] = value
            }
        }
    }

    init?(path: String) {
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        self.init(contents: contents)
    }
}
