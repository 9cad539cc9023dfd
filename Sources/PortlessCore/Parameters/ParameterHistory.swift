/// How a parameter's kept versions change: a new version (100 kept, the oldest dropped unless labelled),
/// labels attached and moved, labels detached. Pure functions over the versions, oldest first.
public enum ParameterHistory {
    public static let maxVersions = 100
    public static let maxLabelsPerVersion = 10

    /// `versions` with `record` added as the next version; refuses an existing parameter unless `overwrite`.
    public static func adding(_ record: ParameterRecord, to versions: [ParameterRecord], overwrite: Bool) throws -> [ParameterRecord] {
        guard versions.isEmpty || overwrite else { throw ParameterErrors.alreadyExists }
        var kept = versions
        var next = record
        next.version = (versions.last?.version ?? 0) + 1
        next.labels = []
        if kept.count >= maxVersions, let oldest = kept.first {
            guard oldest.labels.isEmpty else { throw ParameterErrors.maxVersions(record.name, oldest: oldest.version) }
            kept.removeFirst()
        }
        return kept + [next]
    }

    /// The version a selector picks, or SSM's error for it.
    public static func select(_ choice: ParameterSelector.Choice, name: String, in versions: [ParameterRecord]) throws -> ParameterRecord {
        switch choice {
        case .latest:
            guard let latest = versions.last else { throw ParameterErrors.notFound(name) }
            return latest
        case .version(let version):
            guard !versions.isEmpty else { throw ParameterErrors.notFound(name) }
            guard let found = versions.first(where: { $0.version == version }) else { throw ParameterErrors.versionNotFound(name, version: version) }
            return found
        case .label(let label):
            guard let found = versions.first(where: { $0.labels.contains(label) }) else { throw ParameterErrors.notFound("\(name):\(label)") }
            return found
        }
    }

    /// Attaches `labels` to `version` (the latest when nil), moving any from other versions. Labels that break the
    /// rules are returned as invalid and change nothing.
    public static func labelling(_ versions: [ParameterRecord], name: String, version: Int?, labels: [String]) throws
        -> (versions: [ParameterRecord], invalid: [String], version: Int) {
        guard let latest = versions.last else { throw ParameterErrors.notFound(name) }
        let target = version ?? latest.version
        guard let index = versions.firstIndex(where: { $0.version == target }) else { throw ParameterErrors.versionNotFound(name, version: target) }
        let invalid = labels.filter { !ParameterNames.isValidLabel($0) }
        let valid = labels.filter(ParameterNames.isValidLabel)
        var updated = versions
        let combined = updated[index].labels + valid.filter { !updated[index].labels.contains($0) }
        guard combined.count <= maxLabelsPerVersion else { throw ParameterErrors.labelLimitExceeded }
        for other in updated.indices where other != index {
            updated[other].labels.removeAll(where: valid.contains)
        }
        updated[index].labels = combined
        return (updated, invalid, target)
    }

    /// Detaches `labels` from `version`: those it had are removed, the others are returned as invalid.
    public static func unlabelling(_ versions: [ParameterRecord], name: String, version: Int, labels: [String]) throws
        -> (versions: [ParameterRecord], removed: [String], invalid: [String]) {
        guard !versions.isEmpty else { throw ParameterErrors.notFound(name) }
        guard let index = versions.firstIndex(where: { $0.version == version }) else { throw ParameterErrors.versionNotFound(name, version: version) }
        var updated = versions
        let removed = labels.filter(updated[index].labels.contains)
        updated[index].labels.removeAll(where: removed.contains)
        return (updated, removed, labels.filter { !removed.contains($0) })
    }
}
