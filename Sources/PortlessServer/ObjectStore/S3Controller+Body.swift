import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension S3Controller {
    /// A received body: where it was staged, its digests, and the checksum headers to echo.
    struct Received {
        var url: URL
        var digests: StagingFile.Digests
        var echo: HTTPFields
    }

    private static func reader(_ request: Request, auth: S3Authenticator.Outcome) -> PayloadReader {
        PayloadReader(mode: auth.payload, contentLength: request.headers[.contentLength].flatMap { Int($0) },
                      decodedLength: request.headers[S3Headers.decodedContentLength].flatMap { Int($0) })
    }

    private static func isChunked(_ auth: S3Authenticator.Outcome) -> Bool {
        switch auth.payload {
        case .signedChunks, .unsignedChunks: return true
        case .sha256, .unsigned: return false
        }
    }

    /// Streams the body to a staging file (never all in memory), checking hashes and checksums;
    /// on any failure the staged file is gone.
    func receive(_ request: Request, auth: S3Authenticator.Outcome) async throws -> Received {
        let limit = store.maximumObjectSize
        let declared = Self.isChunked(auth) ? request.headers[S3Headers.decodedContentLength] : request.headers[.contentLength]
        if let declared, let size = Int(declared), size > limit { throw S3Error.entityTooLarge(limit) }
        let staging = try StagingFile(url: store.temporaryURL(), limit: limit)
        do {
            let result = try await Self.reader(request, auth: auth).read(request.body) { try await staging.write($0) }
            let digests = try await staging.finish()
            let echo = try Self.verifyChecksums(request.headers, trailers: result.trailers, md5: digests.md5, crc32: digests.crc32Base64)
            return Received(url: staging.url, digests: digests, echo: echo)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Reads a small body (an XML document) into memory, refusing more than `limit` bytes.
    func receiveSmall(_ request: Request, auth: S3Authenticator.Outcome, limit: Int = 2 << 20) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        let result = try await Self.reader(request, auth: auth).read(request.body) { chunk in
            guard bytes.count + chunk.readableBytes <= limit else { throw S3Error.malformedXML() }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        var crc = CRC32()
        crc.update(bytes)
        _ = try Self.verifyChecksums(request.headers, trailers: result.trailers, md5: Array(Insecure.MD5.hash(data: bytes)), crc32: crc.base64)
        return bytes
    }

    /// Checks `Content-MD5` and `x-amz-checksum-crc32` (header or trailer); returns the checksum headers to echo.
    static func verifyChecksums(_ headers: HTTPFields, trailers: [String: String], md5: [UInt8], crc32: String) throws -> HTTPFields {
        if let contentMD5 = headers[S3Headers.contentMD5] {
            guard let expected = S3Base64.decode(contentMD5), expected.count == 16 else {
                throw S3Error("InvalidDigest", 400, "The Content-MD5 you specified was invalid.")
            }
            guard expected == md5 else { throw S3Error.badDigest() }
        }
        var echo = HTTPFields()
        if let claimed = headers[S3Headers.checksumCRC32] ?? trailers["x-amz-checksum-crc32"] {
            guard claimed == crc32 else {
                throw S3Error.badDigest("The CRC32 you specified did not match the calculated checksum.")
            }
            echo[S3Headers.checksumCRC32] = crc32
        }
        return echo
    }

    /// Content type, stored headers and `x-amz-meta-*` of a PUT or CreateMultipartUpload.
    static func objectHeaders(_ headers: HTTPFields) -> (contentType: String?, stored: [String: String], user: [String: String]) {
        var stored: [String: String] = [:]
        var user: [String: String] = [:]
        for field in headers {
            let name = field.name.canonicalName.lowercased()
            if S3Headers.stored.contains(name) {
                if name == "content-encoding" {
                    let codings = field.value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { $0 != "aws-chunked" && !$0.isEmpty }
                    if !codings.isEmpty { stored[name] = codings.joined(separator: ",") }
                } else {
                    stored[name] = field.value
                }
            } else if name.hasPrefix("x-amz-meta-") {
                user[String(name.dropFirst("x-amz-meta-".count))] = field.value
            }
        }
        return (headers[.contentType], stored, user)
    }
}
