import Foundation

/// A one-line progress bar on standard error: redrawn in place on a terminal, a line per change otherwise.
final class ProgressBar {
    private let width = 30
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var last = ""

    func draw(done: Int, total: Int, note: String) {
        let filled = total == 0 ? width : done * width / total
        let line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(done)/\(total) nodes done · \(note)"
        guard line != last else { return }
        last = line
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
