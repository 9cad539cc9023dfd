import Foundation

/// The server child's CPU and peak RSS (and the bench's CPU and the machine's load) over one
/// measured span: `ServerSpan.begin` resets the server's peak RSS, `end()` reads everything again.
struct ServerSpan: Sendable {
    let pid: Int32
    let server: ProcessStats
    let bench: ProcessStats
    let load: Double

    static func begin(pid: Int32) throws -> ServerSpan {
        if !ProcessStats.resetPeak(pid: pid) { log("could not reset the server's VmHWM; peak RSS is since start") }
        return ServerSpan(pid: pid, server: try ProcessStats.read(pid: pid), bench: try ProcessStats.read(pid: nil),
                          load: loadAverage())
    }

    func end() throws -> ServerUsage {
        let serverAfter = try ProcessStats.read(pid: pid)
        let benchAfter = try ProcessStats.read(pid: nil)
        return ServerUsage(serverCPUSeconds: serverAfter.cpuSeconds - server.cpuSeconds,
                           serverPeakRSSMiB: Double(serverAfter.peakResidentKiB) / 1024,
                           serverRSSBeforeMiB: Double(server.residentKiB) / 1024,
                           benchCPUSeconds: benchAfter.cpuSeconds - bench.cpuSeconds,
                           loadBefore: load, loadAfter: Self.loadAverage())
    }

    /// The one-minute load average (/proc/loadavg), NaN if unreadable.
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? .nan
    }
}
