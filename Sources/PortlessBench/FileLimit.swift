import Glibc

/// The open-file limit: raised to the hard limit before the server child starts, so that both the
/// bench (one socket per simulated agent) and the child (which inherits it) can hold every channel.
enum FileLimit {
    /// Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now in force.
    @discardableResult
    static func raiseToHardLimit() throws -> UInt64 {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { throw BenchError("getrlimit failed: errno \(errno)") }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { throw BenchError("setrlimit failed: errno \(errno)") }
        }
        return UInt64(limit.rlim_cur)
    }

    /// Fails unless `needed` descriptors fit under the current limit.
    static func require(_ needed: Int) throws {
        let current = try raiseToHardLimit()
        guard UInt64(needed) <= current else {
            throw BenchError("RLIMIT_NOFILE is \(current) but this run needs about \(needed) descriptors; raise the hard limit (ulimit -Hn)")
        }
    }
}
