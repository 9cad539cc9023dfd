public import Foundation
public import PortlessCore

/// Reads a check bundle from a directory: every regular file below it (dot files left out), with
/// paths relative to it and the executable bit kept; links are not followed.
public enum BundleDirectory {
    /// The bundle in `directory`, packed.
    public static func bundle(at directory: URL) throws -> ScanBundle {
        try ScanBundle(files: try files(at: directory))
    }

    /// The files of the bundle in `directory`.
    public static func files(at directory: URL) throws -> [TarEntry] {
        let manager = FileManager.default
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                              options: [.skipsHiddenFiles]) else {
            throw BundleError("\(directory.path) is not a readable directory.")
        }
        var entries: [TarEntry] = []
        var total = 0
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let bytes = try [UInt8](Data(contentsOf: url))
            total += bytes.count
            guard total <= ScanBundle.maximumUnpackedSize else { throw BundleError("The bundle in \(directory.path) is too large.") }
            let permissions = (try manager.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0o644
            entries.append(TarEntry(path: path, bytes: bytes, mode: permissions & 0o111 != 0 ? 0o755 : 0o644))
        }
        return entries
    }
}
