import Crypto
import Hummingbird
import NIOCore
import PortlessCore

/// Reads a request body as it streams in, undoing `aws-chunked` framing and checking what the
/// signature promised (the SHA-256, the chunk signatures, the length), handing payload bytes on
/// as the buffers they arrived in (or slices of them), never copied.
struct PayloadReader {
    /// What was read: the payload length and any trailing headers.
    struct Result {
        var size: Int
        var trailers: [String: String]
    }

    let mode: S3PayloadMode
    /// `Content-Length` (of the wire body).
    let contentLength: Int?
    /// `x-amz-decoded-content-length` for chunked bodies.
    let decodedLength: Int?

    func read(_ body: RequestBody, into sink: (ByteBuffer) async throws -> Void) async throws -> Result {
        var wireCount = 0
        switch mode {
        case .sha256(let expected):
            var hash = SHA256()
            for try await buffer in body {
                buffer.withUnsafeReadableBytes { hash.update(bufferPointer: $0) }
                try await sink(buffer)
                wireCount += buffer.readableBytes
            }
            try checkLength(wireCount)
            let actual = Self.hex(Array(hash.finalize()))
            guard actual == expected else {
                throw S3Error("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed.",
                              details: ["ClientComputedContentSHA256": expected, "S3ComputedContentSHA256": actual])
            }
            return Result(size: wireCount, trailers: [:])
        case .unsigned:
            for try await buffer in body {
                try await sink(buffer)
                wireCount += buffer.readableBytes
            }
            try checkLength(wireCount)
            return Result(size: wireCount, trailers: [:])
        case .signedChunks(let verifier):
            return try await readChunked(body, decoder: AWSChunkedDecoder(verifier: verifier), sink: sink)
        case .unsignedChunks:
            return try await readChunked(body, decoder: AWSChunkedDecoder(verifier: nil), sink: sink)
        }
    }

    private func readChunked(_ body: RequestBody, decoder: AWSChunkedDecoder, sink: (ByteBuffer) async throws -> Void) async throws -> Result {
        var decoder = decoder
        var wireCount = 0
        var size = 0
        do {
            for try await buffer in body {
                // The decoder names the payload as ranges of the buffer; those slices share its storage.
                var payloads: [Range<Int>] = []
                try buffer.withUnsafeReadableBytes { bytes in
                    try decoder.feed(bytes) { payload in
                        guard let base = bytes.baseAddress, let start = payload.baseAddress else { return }
                        let offset = start - base
                        payloads.append(offset..<(offset + payload.count))
                    }
                }
                for range in payloads {
                    guard let slice = buffer.getSlice(at: buffer.readerIndex + range.lowerBound, length: range.count) else {
                        throw S3Error.internalError
                    }
                    size += range.count
                    try await sink(slice)
                }
                wireCount += buffer.readableBytes
            }
        } catch let failure as AWSChunkedDecoder.Failure {
            switch failure {
            case .signatureMismatch: throw S3Error.signatureDoesNotMatch()
            case .malformed(let message): throw S3Error("IncompleteBody", 400, message)
            }
        }
        try checkLength(wireCount)
        guard decoder.isComplete else { throw S3Error.incompleteBody() }
        if let decodedLength, decodedLength != size { throw S3Error.incompleteBody() }
        return Result(size: size, trailers: decoder.trailers)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func checkLength(_ count: Int) throws {
        if let contentLength, contentLength != count { throw S3Error.incompleteBody() }
    }
}
