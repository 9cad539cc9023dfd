import Foundation

/// An invocation's directory on the node, laid out as SSM's agent lays out a command's
/// orchestration directory: `downloads/` for what `aws:downloadContent` fetches to a relative path,
/// and one directory per step for its `_script.sh` and the `stdout`/`stderr` it printed.
struct InvocationDirectory: Sendable {
    let root: URL

    /// Where relative `destinationPath`s of `aws:downloadContent` land.
    var downloads: URL { root.appendingPathComponent("downloads") }

    /// The directory of one step's script and output files.
    func step(_ name: String) -> URL {
        root.appendingPathComponent("steps").appendingPathComponent(Self.fileName(name))
    }

    /// The directory a script step runs in, by SSM's agent's rule: an absolute `workingDirectory` as
    /// given (it must exist); a relative one (or none) inside `downloads/` when that directory
    /// exists, otherwise the invocation's own directory.
    func workingDirectory(for input: String?) throws -> String {
        let requested = input ?? ""
        if requested.hasPrefix("/") {
            guard Self.isDirectory(requested) else { throw StepFailure("workingDirectory \(requested) does not exist") }
            return requested
        }
        let underDownloads = requested.isEmpty ? downloads : downloads.appendingPathComponent(requested)
        return Self.isDirectory(underDownloads.path) ? underDownloads.path : root.path
    }

    /// A name safe to use as one path component.
    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(64))
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
