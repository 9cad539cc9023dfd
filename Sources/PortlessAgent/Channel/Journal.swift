import Foundation
import PortlessCore

/// The agent's on-disk record of invocations: written before a run starts and when it ends, and
/// removed once the server acknowledged the result. After a crash it tells which invocations were
/// interrupted (never re-run) and which results still have to be sent.
struct Journal: Sendable {
    struct Entry: Codable, Sendable {
        var order: InvocationOrder
        var report: InvocationReport?
        /// Steps finished so far, each journaled before the invocation is reported.
        var steps: [StepReport]?
        /// The step running when this was written.
        var running: RunningStep?
    }

    let directory: URL

    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func entry(_ commandId: String) -> Entry? {
        guard let data = try? Data(contentsOf: file(commandId)) else { return nil }
        return try? WireCoding.decoder().decode(Entry.self, from: data)
    }

    func write(_ entry: Entry) throws {
        let data = try WireCoding.encoder().encode(entry)
        try SecretFile.write(data, to: file(entry.order.commandId))
    }

    func remove(_ commandId: String) {
        try? FileManager.default.removeItem(at: file(commandId))
    }

    func all() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { entry(String($0.dropLast(5))) }
    }

    private func file(_ commandId: String) -> URL {
        directory.appendingPathComponent("\(InvocationDirectory.fileName(commandId)).json")
    }
}
