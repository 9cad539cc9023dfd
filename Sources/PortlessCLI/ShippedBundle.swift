import Foundation

/// TEMPORARY until the bundle locator lands: the repository checkout's bundle.
enum ShippedBundle {
    static func directory() -> URL? {
        if let path = ProcessInfo.processInfo.environment["PORTLESS_BUNDLE_DIR"] { return URL(fileURLWithPath: path) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bundle = repo.appendingPathComponent("bundles/kisa-unix")
        return FileManager.default.fileExists(atPath: bundle.appendingPathComponent("run.sh").path) ? bundle : nil
    }
}
