public import Foundation

/// Finds a check bundle's directory (one holding `run.sh`) on disk, for the CLI that runs it and the server that
/// publishes it. In order: the directory given explicitly; `$PORTLESS_BUNDLE_DIR`; `<executable>/../share/portless/
/// bundles/NAME` (an installed layout); `<executable dir>/bundles/NAME`; the repository checkout the binary was built
/// from. A directory given explicitly or by the environment must be a bundle: it is never passed over.
public struct BundleLocator: Sendable {
    public static let environmentVariable = "PORTLESS_BUNDLE_DIR"

    /// Why no bundle was found.
    public enum LocateError: Error, CustomStringConvertible {
        case notABundle(path: String, from: String)
        case notFound(searched: [String])

        public var description: String {
            switch self {
            case .notABundle(let path, let from): "\(path) (from \(from)) is not a check bundle: it has no run.sh"
            case .notFound(let searched): "no check bundle found; looked in " + searched.joined(separator: ", ")
            }
        }
    }

    public var name: String
    public var environment: [String: String]
    public var executable: URL?
    /// The repository checkout, derived from this file's path at build time.
    public var checkout: URL

    public init(name: String = "kisa-unix", environment: [String: String] = ProcessInfo.processInfo.environment,
                executable: URL? = Bundle.main.executableURL, sourceFile: String = #filePath) {
        self.name = name
        self.environment = environment
        self.executable = executable?.resolvingSymlinksInPath()
        // <repo>/Sources/PortlessBundles/BundleLocator.swift
        checkout = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The bundle directory; `explicit` is a directory the operator named (`--bundle`).
    public func locate(explicit: String? = nil) throws(LocateError) -> URL {
        if let explicit { return try required(explicit, from: "--bundle") }
        if let fromEnvironment = environment[Self.environmentVariable], !fromEnvironment.isEmpty {
            return try required(fromEnvironment, from: "$\(Self.environmentVariable)")
        }
        let candidates = fallbacks()
        if let found = candidates.first(where: isBundle) { return found }
        throw .notFound(searched: candidates.map(\.path))
    }

    private func fallbacks() -> [URL] {
        var candidates: [URL] = []
        if let directory = executable?.deletingLastPathComponent() {
            candidates.append(directory.deletingLastPathComponent().appending(path: "share/portless/bundles/\(name)"))
            candidates.append(directory.appending(path: "bundles/\(name)"))
        }
        candidates.append(checkout.appending(path: "bundles/\(name)"))
        return candidates
    }

    private func required(_ path: String, from: String) throws(LocateError) -> URL {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard isBundle(url) else { throw .notABundle(path: path, from: from) }
        return url
    }

    private func isBundle(_ directory: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.appending(path: "run.sh").path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
