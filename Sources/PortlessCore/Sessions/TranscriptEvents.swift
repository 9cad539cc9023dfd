public import Foundation

/// What a transcript chunk holds before it is compressed and sealed: the session's events as they were
/// relayed, each a kind byte, the microseconds since the session began (UInt64) and the length of its bytes
/// (UInt32), little-endian, then the bytes. The asciicast text is made when the transcript is read
/// (`render`): asciicast escapes a control byte to six characters, so writing it while relaying made a
/// stream of zeros six times larger before compression, and its escaping, compression and checksum were
/// most of the server's CPU (decision 115).
public enum TranscriptEvents {
    /// An event's kind.
    public enum Kind: UInt8, Sendable {
        /// The asciicast header line, as written.
        case header = 0x68
        case output = 0x6F
        case input = 0x69
        /// A terminal size, `COLUMNSxROWS`.
        case resize = 0x72
    }

    static let recordHeaderSize = 13

    /// Appends one event to `chunk`.
    public static func append(_ kind: Kind, at seconds: Double, _ bytes: some DataProtocol, to chunk: inout Data) {
        var head = [UInt8](repeating: 0, count: recordHeaderSize)
        head[0] = kind.rawValue
        withUnsafeBytes(of: UInt64((max(0, seconds) * 1_000_000).rounded()).littleEndian) { head.replaceSubrange(1..<9, with: $0) }
        withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { head.replaceSubrange(9..<13, with: $0) }
        chunk.append(contentsOf: head)
        chunk.append(contentsOf: bytes)
    }

    /// The asciicast text of a transcript's events, chunk after chunk in order (`encoder` carries a UTF-8
    /// character split between two events across chunks). Throws on a record that runs past the end or has
    /// an unknown kind.
    public static func render(_ chunk: Data, encoder: inout AsciicastEncoder) throws(TranscriptError) -> Data {
        var text = Data()
        var offset = chunk.startIndex
        while offset < chunk.endIndex {
            guard chunk.endIndex - offset >= recordHeaderSize, let kind = Kind(rawValue: chunk[offset]) else {
                throw .malformed("a transcript event at byte \(offset - chunk.startIndex) cannot be read")
            }
            let micros = chunk[offset + 1..<offset + 9].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let length = Int(chunk[offset + 9..<offset + 13].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let start = offset + recordHeaderSize
            guard chunk.endIndex - start >= length else { throw .malformed("a transcript event runs past its chunk") }
            let bytes = chunk[start..<start + length]
            let seconds = Double(micros) / 1_000_000
            switch kind {
            case .header: text.append(bytes)
            case .output: encoder.event(.output, bytes, at: seconds).map { text.append(contentsOf: $0) }
            case .input: encoder.event(.input, bytes, at: seconds).map { text.append(contentsOf: $0) }
            case .resize: text.append(contentsOf: bytes.withUnsafeBytes { AsciicastEncoder.eventLine(.resize, $0, at: seconds) })
            }
            offset = start + length
        }
        return text
    }
}

/// A transcript chunk whose events cannot be read.
public enum TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let reason): reason
        }
    }
}
