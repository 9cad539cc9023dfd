public import Foundation

/// A node's uploaded result file: the header line, then one line per check in bundle order (NDJSON).
public struct ScanResultFile: Sendable, Hashable {
    public var header: ScanResultHeader
    public var results: [CheckResult]

    public init(header: ScanResultHeader, results: [CheckResult]) {
        self.header = header
        self.results = results
    }

    /// Parses a whole result file. Any line that is not what the bundle writes makes the whole file malformed (the
    /// runner already turns a broken check into its ERROR result, so a bad line means the file is not the bundle's):
    /// the error names the line and what is wrong with it.
    public init(data: Data) throws(ScanResultError) {
        guard data.count <= ScanResultLimits.fileBytes else { throw .tooLarge(size: data.count, limit: ScanResultLimits.fileBytes) }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else { throw .missingHeader }
        do {
            header = try ScanResultHeader(line: Data(first))
        } catch .missingField("portlessScan") {
            throw .missingHeader
        } catch {
            throw .onLine(1, error)
        }
        guard lines.count > 1 else { throw .noResults }
        guard lines.count - 1 <= ScanResultLimits.checks else {
            throw .tooMany(field: "results", count: lines.count - 1, limit: ScanResultLimits.checks)
        }
        var seen: Set<String> = []
        results = []
        for (index, line) in lines.enumerated().dropFirst() {
            let result: CheckResult
            do {
                result = try CheckResult(bundleLine: Data(line))
            } catch {
                throw .onLine(index + 1, error)
            }
            guard seen.insert(result.id).inserted else { throw .onLine(index + 1, .duplicateCheck(result.id)) }
            results.append(result)
        }
    }
}
