import Foundation
import Glibc

/// One reading of a process's memory and CPU from /proc (Linux only).
struct ProcessStats: Sendable {
    /// Resident set size now, in KiB (`VmRSS`).
    var residentKiB: Int
    /// Peak resident set size since start or since the last `resetPeak`, in KiB (`VmHWM`).
    var peakResidentKiB: Int
    /// User plus system CPU time, in seconds (utime + stime over CLK_TCK).
    var cpuSeconds: Double

    /// Reads `/proc/<pid>/status` and `/proc/<pid>/stat`; `pid` nil means this process.
    static func read(pid: Int32?) throws -> ProcessStats {
        let base = pid.map { "/proc/\($0)" } ?? "/proc/self"
        let status = try String(contentsOfFile: "\(base)/status", encoding: .utf8)
        let stat = try String(contentsOfFile: "\(base)/stat", encoding: .utf8)
        return ProcessStats(residentKiB: try field("VmRSS", in: status), peakResidentKiB: try field("VmHWM", in: status),
                            cpuSeconds: try cpuSeconds(stat: stat))
    }

    /// Resets the peak (`VmHWM`) to the current RSS by writing 5 to `clear_refs`; false if refused.
    static func resetPeak(pid: Int32) -> Bool {
        let fd = open("/proc/\(pid)/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    private static func field(_ name: String, in status: String) throws -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let number = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            if let number { return number }
        }
        throw BenchError("no \(name) in /proc status")
    }

    /// Fields 14 and 15 (utime, stime), counted after the parenthesised command name, which may hold spaces.
    private static func cpuSeconds(stat: String) throws -> Double {
        guard let close = stat.lastIndex(of: ")") else { throw BenchError("unreadable /proc stat") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError("unreadable /proc stat")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
