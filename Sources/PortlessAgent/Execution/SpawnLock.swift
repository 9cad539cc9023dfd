import Synchronization

/// A child process inherits every file descriptor open at the moment it is spawned. A step's script still
/// open for writing while another step spawns its shell makes the first step's exec fail with ETXTBSY
/// ("Text file busy") — the race Go's os/exec guards with its fork lock. Writing scripts and spawning children
/// take this lock, so the two never overlap.
enum SpawnLock {
    private static let mutex = Mutex(())

    static func run<T>(_ body: () throws -> T) throws -> T {
        try mutex.withLock { _ in try body() }
    }
}
