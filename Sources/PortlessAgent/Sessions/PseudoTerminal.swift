import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The master side of a new pseudo-terminal, opened close-on-exec. The child opens `slavePath`
/// itself (as a session leader, which makes it its controlling terminal); the agent never holds
/// the slave, so a read of the master fails once every process of the session has let go of it.
struct PseudoTerminal: Sendable {
    /// Linux's `TIOCGPTN` and `TIOCSPTLCK` (asm-generic ioctl numbers; glibc's `ptsname`/`unlockpt`
    /// are not visible to Swift without `_GNU_SOURCE`).
    private static let getPTYNumber: UInt = 0x8004_5430
    private static let setPTYLock: UInt = 0x4004_5431

    let master: Int32
    let slavePath: String

    /// Opens a terminal of `columns`×`rows` with UTF-8 input processing on.
    init(columns: Int, rows: Int) throws {
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw SessionFailure("Unable to start command: failed to open a pty: \(String(cString: strerror(errno)))") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(fd, Self.setPTYLock, &unlock) == 0, ioctl(fd, Self.getPTYNumber, &number) == 0 else {
            _ = Glibc.close(fd)
            throw SessionFailure("Unable to start command: failed to set up a pty: \(String(cString: strerror(errno)))")
        }
        master = fd
        slavePath = "/dev/pts/\(number)"
        var attributes = termios()
        if tcgetattr(fd, &attributes) == 0 {
            attributes.c_iflag |= tcflag_t(IUTF8)
            tcsetattr(fd, TCSANOW, &attributes)
        }
        resize(columns: columns, rows: rows)
    }

    /// Sets the window size; the kernel sends SIGWINCH to the terminal's foreground process group.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// A close-on-exec duplicate of the master, for a channel that takes ownership of it.
    func duplicate() throws -> Int32 {
        let fd = fcntl(master, F_DUPFD_CLOEXEC, 0)
        guard fd >= 0 else { throw SessionFailure("Unable to start command: \(String(cString: strerror(errno)))") }
        return fd
    }

    func close() {
        _ = Glibc.close(master)
    }
}
