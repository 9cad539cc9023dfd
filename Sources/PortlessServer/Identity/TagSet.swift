import PortlessCore

/// Tags on IAM users, roles, policies and MFA devices: at most 50, keys unique without regard to case.
enum TagSet {
    static let limit = 50

    /// Adds `tags`, replacing the values of keys already present (matched without regard to case).
    static func add(_ tags: [Tag], to existing: inout [Tag]) throws {
        var result = existing
        for tag in tags {
            if let index = result.firstIndex(where: { $0.key.lowercased() == tag.key.lowercased() }) {
                result[index] = tag
            } else {
                result.append(tag)
            }
        }
        guard result.count <= limit else {
            throw PortlessError(.limitExceeded, "A resource can have at most \(limit) tags; these would make \(result.count).", field: "Tags")
        }
        existing = result
    }

    static func remove(_ keys: [String], from existing: inout [Tag]) {
        let lowered = Set(keys.map { $0.lowercased() })
        existing.removeAll { lowered.contains($0.key.lowercased()) }
    }
}
