import PortlessCore

/// SSM's limits on tags.
enum TagRules {
    static let maxTagsPerResource = 50

    static func validate(_ tags: [Tag], field: String = "Tags") throws {
        guard tags.count <= maxTagsPerResource else {
            throw PortlessError(.tooManyTagsError, "At most \(maxTagsPerResource) tags may be set on a resource.", field: field)
        }
        for (index, tag) in tags.enumerated() {
            guard (1...128).contains(tag.key.count), !tag.key.lowercased().hasPrefix("aws:") else {
                throw PortlessError(.validation, "Tag keys must be 1 to 128 characters and must not start with 'aws:'.", field: "\(field)[\(index)].Key")
            }
            guard tag.value.count <= 256 else {
                throw PortlessError(.validation, "Tag values must be at most 256 characters.", field: "\(field)[\(index)].Value")
            }
        }
    }
}
