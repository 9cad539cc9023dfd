import Foundation
import PortlessCore
import Synchronization

/// The local terminal put in raw mode for an interactive shell — every key, Ctrl-C and Ctrl-D
/// included, goes to the node as a byte — and put back as it was by `restore()`, which is safe to
/// call more than once.
final class RawTerminal: Sendable {
    private let descriptor: Int32
    private let saved: Mutex<termios?>

    private init(descriptor: Int32, saved: termios) {
        self.descriptor = descriptor
        self.saved = Mutex(saved)
    }

    /// Raw mode on `descriptor`, or nil when it is not a terminal.
    static func enter(_ descriptor: Int32 = STDIN_FILENO) throws -> RawTerminal? {
        guard isatty(descriptor) == 1 else { return nil }
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var raw = original
        cfmakeraw(&raw)
        guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return RawTerminal(descriptor: descriptor, saved: original)
    }

    /// Puts the terminal back as `enter` found it.
    func restore() {
        guard var original = saved.withLock({ value -> termios? in defer { value = nil }; return value }) else { return }
        tcsetattr(descriptor, TCSANOW, &original)
    }

    /// The size of the terminal on `descriptor`, or nil when it is not one.
    static func size(of descriptor: Int32 = STDOUT_FILENO) -> TerminalSize? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalSize(cols: Int(size.ws_col), rows: Int(size.ws_row))
    }
}
