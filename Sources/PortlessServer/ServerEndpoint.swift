import PortlessCore
import Synchronization

/// The base URL the server is reachable at, known once it listens (used to build output URLs).
final class ServerEndpoint: Sendable {
    private let url = Mutex<String>("")

    func set(_ value: String) { url.withLock { $0 = value } }
    var value: String { url.withLock { $0 } }

    /// The path-style URL of an object.
    func objectURL(bucket: String, key: String) -> String {
        "\(value)/\(bucket)/\(SigV4URIEncoding.encode(key, keepSlash: true))"
    }
}

extension ServerEndpoint {
    /// `StandardOutputUrl` and `StandardErrorUrl` of a step: empty unless the command has an output bucket.
    func outputURLs(command: CommandRecord, instanceId: String, step: StepReport?) -> (stdout: String, stderr: String) {
        guard let bucket = command.outputS3BucketName, let step, step.startedAt != nil else { return ("", "") }
        let base = CommandOutputWriter.keyBase(command: command, instanceId: instanceId, step: step)
        return (objectURL(bucket: bucket, key: base + "/stdout"),
                step.stderr.isEmpty ? "" : objectURL(bucket: bucket, key: base + "/stderr"))
    }
}
