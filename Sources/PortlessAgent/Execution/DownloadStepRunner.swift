import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PortlessCore
import Synchronization

/// Runs one `aws:downloadContent` step: fetches an HTTP(S) URL to `destinationPath` (relative paths,
/// and none, are under the invocation's `downloads/`, as with SSM's agent), streaming to a temporary file that is renamed into place
/// only when the download completed with a 2xx status.
struct DownloadStepRunner: Sendable {
    static let timeout: TimeAmount = .minutes(10)

    let directory: InvocationDirectory

    /// The downloaded file's path.
    func run(step: StepPlan) async throws -> String {
        let inputs = step.inputs
        guard let sourceType = inputs["sourceType"]?.stringValue else { throw StepFailure("sourceType is missing") }
        guard sourceType == "HTTP" else {
            throw StepFailure("sourceType \(sourceType) is not supported by this agent (HTTP is)")
        }
        guard let url = Self.sourceURL(inputs["sourceInfo"]), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw StepFailure("sourceInfo must name an http or https url, e.g. {\"url\": \"https://example.com/file\"}")
        }
        let destination = destinationFile(inputs["destinationPath"]?.stringValue, url: url)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).download")
        let status = Mutex<UInt>(0)
        let delegate = try FileDownloadDelegate(path: temporary.path, reportHead: { _, head in
            status.withLock { $0 = head.status.code }
        })
        let request = try HTTPClient.Request(url: url.absoluteString, method: .GET)
        do {
            _ = try await HTTPClient.shared.execute(request: request, delegate: delegate, deadline: .now() + Self.timeout).get()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StepFailure("download of \(url.absoluteString) failed: \(error)")
        }
        let code = status.withLock { $0 }
        guard (200..<300).contains(code) else {
            try? FileManager.default.removeItem(at: temporary)
            throw StepFailure("download of \(url.absoluteString) failed with HTTP status \(code)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw StepFailure("could not move the download into \(destination.path)")
        }
        return destination.path
    }

    /// `sourceInfo` is an object or a JSON string holding one, with a `url` (or `path`) member.
    static func sourceURL(_ value: JSONValue?) -> URL? {
        var info = value
        if let text = value?.stringValue {
            info = try? WireCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        return (info?["url"]?.stringValue ?? info?["path"]?.stringValue).flatMap(URL.init(string:))
    }

    /// The file to write: `destinationPath` as a file, or inside it when it is a directory (or ends in `/`).
    func destinationFile(_ path: String?, url: URL) -> URL {
        let name = url.lastPathComponent.isEmpty || url.lastPathComponent == "/" ? "download" : url.lastPathComponent
        guard let path, !path.isEmpty else { return directory.downloads.appendingPathComponent(name) }
        let base = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.downloads.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return base.appendingPathComponent(name)
        }
        return base
    }
}
