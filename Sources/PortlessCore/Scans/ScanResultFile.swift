public import Foundation

/// Why an uploaded scan result is not trusted.
public struct ScanResultError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The first line of a result file: what the scan document wrote about the run.
public struct ScanResultHeader: Sendable, Codable, Hashable {
    public var scanId: String
    public var nodeId: String
    public var bundleSha256: String
    public var hostname: String
    public var startedAt: String
    public var finishedAt: String
}

/// A node's uploaded result: the header line, then one check result per line (TEMPORARY parser, replaced by the strict one).
public struct ScanResultFile: Sendable {
    public var header: ScanResultHeader
    public var results: [CheckResult]

    public init(parsing data: Data) throws {
        struct Wrapper: Decodable { var portlessScan: ScanResultHeader }
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, let header = try? JSONDecoder().decode(Wrapper.self, from: Data(first)) else {
            throw ScanResultError("The result has no header line.")
        }
        self.header = header.portlessScan
        self.results = try lines.dropFirst().map { line in
            guard let result = try? JSONDecoder().decode(CheckResult.self, from: Data(line)) else { throw ScanResultError("A line is not a check result.") }
            return result
        }
        guard Set(results.map(\.id)).count == results.count else { throw ScanResultError("A check appears twice.") }
    }
}
