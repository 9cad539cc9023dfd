public import Foundation

/// Follows what a user types into a terminal and yields each line when it is entered: printable text is
/// added, backspace and Ctrl-W/Ctrl-U edit, Ctrl-C drops the line, escape sequences (arrow keys) are skipped.
/// It sees keystrokes, not the shell's own line editor, so history recall and completion are not followed.
public struct CommandLineTracker: Sendable {
    /// A line is cut at this many bytes.
    public static let maximumLine = 4096

    private var line: [UInt8] = []
    private var inEscape = false

    public init() {}

    /// Adds typed bytes; returns the lines entered (non-empty, trimmed).
    public mutating func type(_ bytes: Data) -> [String] {
        var entered: [String] = []
        for byte in bytes {
            if inEscape {
                // CSI/SS3 sequences end with a final byte in @...~ after their first byte.
                if (0x40...0x7E).contains(byte) && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "O") { inEscape = false }
                continue
            }
            switch byte {
            case 0x0D, 0x0A:
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { entered.append(text) }
                line.removeAll()
            case 0x7F, 0x08:
                while let last = line.popLast(), last & 0xC0 == 0x80 {}
            case 0x15, 0x03:
                line.removeAll()
            case 0x17:
                while line.last == UInt8(ascii: " ") { line.removeLast() }
                while let last = line.last, last != UInt8(ascii: " ") { line.removeLast() }
            case 0x1B:
                inEscape = true
            case 0x09, 0x20...0x7E, 0x80...0xFF:
                if line.count < Self.maximumLine { line.append(byte) }
            default:
                break
            }
        }
        return entered
    }
}
