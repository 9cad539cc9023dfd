import Crypto
import Foundation

/// The registered fleet (node IDs and private keys), saved beside a kept data directory so that a
/// later run (`--reuse DIR`) can skip registration.
struct FleetFile: Codable {
    struct Entry: Codable {
        var index: Int
        var instanceId: String
        var privateKey: String
    }

    var entries: [Entry]

    static func url(in directory: URL) -> URL { directory.appendingPathComponent("fleet.json") }

    init(_ agents: [(agent: SimulatedAgent, instanceId: String)]) {
        entries = agents.map {
            Entry(index: $0.agent.index, instanceId: $0.instanceId, privateKey: $0.agent.key.rawRepresentation.base64EncodedString())
        }
    }

    func save(in directory: URL) throws {
        try JSONEncoder().encode(self).write(to: Self.url(in: directory), options: .atomic)
    }

    /// The first `count` agents saved in `directory`.
    static func load(from directory: URL, count: Int) throws -> [(agent: SimulatedAgent, instanceId: String)] {
        let file = try JSONDecoder().decode(FleetFile.self, from: Data(contentsOf: url(in: directory)))
        guard file.entries.count >= count else {
            throw BenchError("\(url(in: directory).path) holds \(file.entries.count) agents, fewer than --nodes \(count)")
        }
        return try file.entries.prefix(count).map { entry in
            guard let raw = Data(base64Encoded: entry.privateKey) else { throw BenchError("bad key for agent \(entry.index)") }
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            return (SimulatedAgent(index: entry.index, key: key), entry.instanceId)
        }
    }
}
