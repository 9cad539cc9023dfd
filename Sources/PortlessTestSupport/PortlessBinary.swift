import Foundation

/// Finds the built `portless` executable: `PORTLESS_BIN`, else the build folder beside the test bundle.
public enum PortlessBinary {
    public static func path(file: String = #filePath) throws -> String {
        if let path = ProcessInfo.processInfo.environment["PORTLESS_BIN"] { return path }
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        var candidates = [bundleDirectory.appendingPathComponent("portless").path]
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent(".build/debug/portless").path)
            directory.deleteLastPathComponent()
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestSupportError("portless binary not found (tried \(candidates.prefix(3))); run swift build or set PORTLESS_BIN")
        }
        return found
    }
}
