import CPortlessZlib

/// gzip (RFC 1952) compression and decompression of whole buffers, by the system zlib.
public enum Gzip {
    /// How hard to compress.
    public enum Level: Sendable {
        /// zlib's best compression (archives made once and kept).
        case smallest
        /// zlib's fastest level (data compressed while it streams).
        case fastest
        /// Huffman coding alone, without looking for repeats: several times faster than `fastest` on data with
        /// few repeats (random text), which it packs about as well.
        case huffmanOnly
    }

    /// `bytes` compressed into one gzip member.
    public static func compress(_ bytes: [UInt8], level: Level = .smallest) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        let (zlibLevel, strategy) = switch level {
        case .smallest: (Z_BEST_COMPRESSION, Z_DEFAULT_STRATEGY)
        case .fastest: (Z_BEST_SPEED, Z_DEFAULT_STRATEGY)
        case .huffmanOnly: (Z_BEST_SPEED, Z_HUFFMAN_ONLY)
        }
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        guard deflateInit2_(&stream, zlibLevel, Z_DEFLATED, 15 + 16, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError("zlib could not start compressing.")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw GzipError("zlib could not compress the data.") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    /// The bytes of a gzip stream, refusing more than `limit` of them (a decompression bomb stops there).
    public static func decompress(_ bytes: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError("zlib could not start decompressing.")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
        }
        while status == Z_OK {
            status = input.withUnsafeMutableBufferPointer { source in
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
            }
            output.append(contentsOf: chunk.prefix(chunk.count - Int(stream.avail_out)))
            if output.count > limit { throw GzipError("The data unpacks to more than \(limit) bytes.") }
        }
        guard status == Z_STREAM_END else { throw GzipError("The data is not valid gzip.") }
        return output
    }
}

/// Why gzip data could not be made or read.
public struct GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
