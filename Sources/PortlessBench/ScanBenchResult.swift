import Foundation

/// One `scan` benchmark run: when each phase ended, in seconds after StartScan was called.
struct ScanBenchResult {
    var nodes: Int
    var scanned: Int
    var uploads: Int
    /// StartScan's reply: nodes resolved, one URL presigned per node, the command stored and released.
    var startSeconds: Double
    var lastUploadSeconds: Double
    /// The scan's status turned terminal: every result ingested.
    var finishedSeconds: Double
    /// The analysed report (JSON) was returned.
    var reportSeconds: Double
    /// The figure the target is set on: report ready this long after the last upload.
    var reportAfterLastUpload: Double
    var reportBytes: Int

    static let markdownHeader = """
    | nodes | scanned | StartScan (s) | last upload (s) | scan finished (s) | report ready (s) | report after last upload (s) |
    |---|---|---|---|---|---|---|
    """

    func markdownRow() -> String {
        String(format: "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", nodes, scanned, startSeconds, lastUploadSeconds, finishedSeconds,
               reportSeconds, reportAfterLastUpload)
    }

    func table() -> String {
        """
        nodes                         \(nodes) (\(scanned) scanned, \(uploads) uploads)
        StartScan returned            \(String(format: "%.2f", startSeconds)) s
        last upload                   \(String(format: "%.2f", lastUploadSeconds)) s
        scan finished                 \(String(format: "%.2f", finishedSeconds)) s
        report ready                  \(String(format: "%.2f", reportSeconds)) s (\(reportBytes) bytes)
        report after the last upload  \(String(format: "%.2f", reportAfterLastUpload)) s (target: within 30 s)
        """
    }
}
