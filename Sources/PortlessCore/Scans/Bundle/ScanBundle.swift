import Foundation

/// A check bundle: the runner (`run.sh`), its library (`lib/`) and one script per check
/// (`checks/U-NN.sh`), packed as a gzipped tar whose SHA-256 names the version.
public struct ScanBundle: Sendable {
    /// The largest packed bundle accepted.
    public static let maximumArchiveSize = 4 << 20
    /// The largest a bundle may unpack to.
    public static let maximumUnpackedSize = 32 << 20

    /// The files, sorted by path.
    public let files: [TarEntry]
    /// The gzipped tar of the files.
    public let archive: [UInt8]
    /// Hex SHA-256 of `archive`.
    public let sha256: String

    /// The check IDs in bundle order (`U-01`, `U-02`, ...).
    public var checkIds: [String] {
        files.compactMap { Self.checkId(path: $0.path) }
    }

    /// Packs `files` (relative paths) into a bundle, refusing one without a runner or checks.
    public init(files: [TarEntry]) throws(BundleError) {
        let sorted = files.sorted { $0.path < $1.path }
        try Self.validate(sorted)
        self.files = sorted
        let tar = try TarArchive.write(sorted)
        do {
            self.archive = try Gzip.compress(tar)
        } catch {
            throw BundleError("The bundle could not be packed: \(error.message)")
        }
        self.sha256 = SigV4.hexSHA256(archive)
    }

    /// Reads a packed bundle, as pushed by a client.
    public init(archive: [UInt8]) throws(BundleError) {
        guard archive.count <= Self.maximumArchiveSize else {
            throw BundleError("The bundle archive is larger than \(Self.maximumArchiveSize) bytes.")
        }
        let unpacked: [UInt8]
        do {
            unpacked = try Gzip.decompress(archive, limit: Self.maximumUnpackedSize)
        } catch {
            throw BundleError("The bundle archive is refused: \(error.message)")
        }
        let entries = try TarArchive.read(unpacked)
        let sorted = entries.sorted { $0.path < $1.path }
        try Self.validate(sorted)
        self.files = sorted
        self.archive = archive
        self.sha256 = SigV4.hexSHA256(archive)
    }

    /// `U-NN` for `checks/U-NN.sh`, nil for any other path.
    static func checkId(path: String) -> String? {
        guard path.hasPrefix("checks/U-"), path.hasSuffix(".sh") else { return nil }
        let id = String(path.dropFirst("checks/".count).dropLast(".sh".count))
        return id.count == 4 && id.dropFirst(2).allSatisfy(\.isASCIIDigit) ? id : nil
    }

    private static func validate(_ files: [TarEntry]) throws(BundleError) {
        let paths = Set(files.map(\.path))
        guard paths.count == files.count else { throw BundleError("The bundle names a file twice.") }
        guard paths.contains("run.sh") else { throw BundleError("The bundle has no run.sh.") }
        guard paths.contains("lib/common.sh") else { throw BundleError("The bundle has no lib/common.sh.") }
        guard files.contains(where: { checkId(path: $0.path) != nil }) else { throw BundleError("The bundle has no checks/U-NN.sh.") }
        for file in files {
            guard file.path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw BundleError("Path '\(file.path)' has characters other than printable ASCII.")
            }
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
