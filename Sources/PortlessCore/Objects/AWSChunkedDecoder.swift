public import Crypto

/// Decodes an `aws-chunked` body incrementally (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`,
/// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`): `hex(size)[;chunk-signature=sig]\r\n<data>\r\n`…, a
/// zero-size chunk, then optional trailer lines `name:value\r\n` and a final `\r\n`.
///
/// With a `SigV4ChunkVerifier` every chunk's signature is checked as the chunk ends.
public struct AWSChunkedDecoder {
    /// A malformed body or a bad chunk signature.
    public enum Failure: Error, Equatable {
        /// The framing is broken (bad size line, missing CRLF, a line too long).
        case malformed(String)
        /// A chunk's signature does not match.
        case signatureMismatch
    }

    private enum State {
        case sizeLine
        case data(remaining: Int)
        case dataEnd(crSeen: Bool)
        case trailer
        case done
    }

    private var state = State.sizeLine
    private var line: [UInt8] = []
    private var chunkSignature: String?
    private var chunkHash = SHA256()
    private var verifier: SigV4ChunkVerifier?
    /// Trailing headers (lower-cased names), once the body is done.
    public private(set) var trailers: [String: String] = [:]
    /// Whether the final chunk and trailer section were seen.
    public var isComplete: Bool { if case .done = state { return true } else { return false } }

    /// A decoder; pass a verifier to require and check chunk signatures.
    public init(verifier: SigV4ChunkVerifier?) {
        self.verifier = verifier
    }

    /// Feeds raw body bytes; decoded payload bytes are handed to `output` in order.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, output: (UnsafeRawBufferPointer) throws -> Void) throws {
        var index = 0
        while index < bytes.count {
            switch state {
            case .sizeLine, .trailer:
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    try endLine()
                } else {
                    line.append(byte)
                    if line.count > 4096 { throw Failure.malformed("A chunk header line is too long.") }
                }
            case .data(let remaining):
                let take = min(remaining, bytes.count - index)
                let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)])
                if verifier != nil { chunkHash.update(bufferPointer: slice) }
                try output(slice)
                index += take
                if remaining - take == 0 {
                    try finishChunk()
                    state = .dataEnd(crSeen: false)
                } else {
                    state = .data(remaining: remaining - take)
                }
            case .dataEnd(let crSeen):
                let byte = bytes[index]
                index += 1
                if !crSeen && byte == UInt8(ascii: "\r") {
                    state = .dataEnd(crSeen: true)
                } else if byte == UInt8(ascii: "\n") {
                    state = .sizeLine
                } else {
                    throw Failure.malformed("Chunk data is not followed by CRLF.")
                }
            case .done:
                // Bytes after the end (some clients add a final CRLF): ignore whitespace only.
                let byte = bytes[index]
                index += 1
                if byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\n") {
                    throw Failure.malformed("Data after the final chunk.")
                }
            }
        }
    }

    private mutating func endLine() throws {
        let text = String(decoding: line, as: UTF8.self)
        line.removeAll(keepingCapacity: true)
        if case .trailer = state {
            if text.isEmpty {
                state = .done
                return
            }
            guard let colon = text.firstIndex(of: ":") else { throw Failure.malformed("A trailer line has no ':'.") }
            let name = SigV4.trimmed(String(text[..<colon])).lowercased()
            trailers[name] = SigV4.trimmed(String(text[text.index(after: colon)...]))
            return
        }
        // A size line: hex size, then optional ;name=value extensions.
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard let sizeText = parts.first, !sizeText.isEmpty, sizeText.count <= 16,
              let size = Int(sizeText, radix: 16), size >= 0 else {
            throw Failure.malformed("Bad chunk size line.")
        }
        var signature: String?
        for extensionPart in parts.dropFirst() {
            if extensionPart.hasPrefix("chunk-signature=") {
                signature = String(extensionPart.dropFirst("chunk-signature=".count))
            }
        }
        if var verifier {
            guard let signature else { throw Failure.malformed("A chunk has no chunk-signature.") }
            chunkSignature = signature
            if size == 0 {
                guard verifier.verify(chunkHash: SigV4.emptyPayloadHash, signature: signature) else { throw Failure.signatureMismatch }
                self.verifier = verifier
            }
        }
        if size == 0 {
            state = .trailer
        } else {
            chunkHash = SHA256()
            state = .data(remaining: size)
        }
    }

    /// Checks the signature of the chunk whose data just ended.
    private mutating func finishChunk() throws {
        guard var verifier, let chunkSignature else { return }
        let hash = SigV4.hex(chunkHash.finalize())
        guard verifier.verify(chunkHash: hash, signature: chunkSignature) else { throw Failure.signatureMismatch }
        self.verifier = verifier
    }
}
