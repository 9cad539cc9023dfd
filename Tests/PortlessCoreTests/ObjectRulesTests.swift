import Crypto
import Foundation
@testable import PortlessCore
import Testing

@Suite struct ObjectRulesTests {
    @Test func bucketNames() {
        for good in ["abc", "my-bucket.logs", "a1b", String(repeating: "a", count: 63)] { #expect(S3Names.isValidBucketName(good), "\(good)") }
        for bad in ["ab", "Abc", "a_b", "-ab", "ab-", "a..b", "a.-b", "192.168.0.1", String(repeating: "a", count: 64)] {
            #expect(!S3Names.isValidBucketName(bad), "\(bad)")
        }
    }

    @Test func keys() {
        #expect(S3Names.keyProblem("a/b/c.txt") == nil)
        #expect(S3Names.keyProblem("a/../b") != nil)
        #expect(S3Names.keyProblem("..") != nil)
        #expect(S3Names.keyProblem("a..b") == nil)
        #expect(S3Names.keyProblem("a\u{0}b") != nil)
        #expect(S3Names.keyProblem(String(repeating: "k", count: 1025)) != nil)
        #expect(S3Names.keyProblem("") != nil)
    }

    @Test func crc32MatchesKnownValue() {
        var crc = CRC32()
        crc.update(Array("123456789".utf8))
        #expect(crc.value == 0xCBF4_3926)
        var split = CRC32()
        split.update(Array("1234".utf8))
        split.update(Array("56789".utf8))
        #expect(split.value == crc.value)
    }

    @Test func multipartETag() {
        let a = Array(Insecure.MD5.hash(data: Array("a".utf8))), b = Array(Insecure.MD5.hash(data: Array("b".utf8)))
        let etag = S3ETag.multipart(partMD5s: [a, b])
        #expect(etag.hasSuffix("-2\"") && etag.hasPrefix("\""))
        #expect(S3ETag.md5Bytes(ofQuoted: S3ETag.quoted(md5: a)) == a)
    }

    @Test func ranges() {
        #expect(ByteRange.resolve("bytes=0-9", size: 100) == .partial(ByteRange(first: 0, last: 9)))
        #expect(ByteRange.resolve("bytes=-10", size: 100) == .partial(ByteRange(first: 90, last: 99)))
        #expect(ByteRange.resolve("bytes=90-", size: 100) == .partial(ByteRange(first: 90, last: 99)))
        #expect(ByteRange.resolve("bytes=90-500", size: 100) == .partial(ByteRange(first: 90, last: 99)))
        #expect(ByteRange.resolve("bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=5-2", size: 100) == .whole)
        #expect(ByteRange.resolve(nil, size: 100) == .whole)
    }

    @Test func listingRollsUpAndPages() {
        let keys = ["a/1", "a/2", "b", "c/x/y", "c/z"]
        let top = ObjectListing(sortedKeys: keys, prefix: "", delimiter: "/", marker: nil, maxKeys: 1000)
        #expect(top.keys == ["b"] && top.commonPrefixes == ["a/", "c/"])
        let first = ObjectListing(sortedKeys: keys, prefix: "", delimiter: "/", marker: nil, maxKeys: 1)
        #expect(first.commonPrefixes == ["a/"] && first.isTruncated && first.nextMarker == "a/")
        let second = ObjectListing(sortedKeys: keys, prefix: "", delimiter: "/", marker: first.nextMarker, maxKeys: 1)
        #expect(second.keys == ["b"] && second.isTruncated)
        let c = ObjectListing(sortedKeys: keys, prefix: "c/", delimiter: "/", marker: nil, maxKeys: 10)
        #expect(c.keys == ["c/z"] && c.commonPrefixes == ["c/x/"] && !c.isTruncated)
    }

    @Test func chunkedDecodingWithSignatures() throws {
        let scope = SigV4Scope(date: "20260101", region: "us-east-1", service: "s3")
        let seed = String(repeating: "a", count: 64)
        var signer = SigV4ChunkVerifier(secret: "secret", amzDate: "20260101T000000Z", scope: scope, seedSignature: seed)
        var body: [UInt8] = []
        for chunk in [Array(repeating: UInt8(1), count: 10), Array(repeating: UInt8(2), count: 3), []] {
            let signature = signer.expectedSignature(chunkHash: SigV4.hexSHA256(chunk))
            let verified = signer.verify(chunkHash: SigV4.hexSHA256(chunk), signature: signature)
            #expect(verified)
            body += Array("\(String(chunk.count, radix: 16));chunk-signature=\(signature)\r\n".utf8) + chunk + Array("\r\n".utf8)
        }
        var decoder = AWSChunkedDecoder(verifier: SigV4ChunkVerifier(secret: "secret", amzDate: "20260101T000000Z", scope: scope, seedSignature: seed))
        var out: [UInt8] = []
        for byte in body { try [byte].withUnsafeBytes { try decoder.feed($0) { out += $0 } } }
        #expect(decoder.isComplete && out.count == 13)
        var tampered = AWSChunkedDecoder(verifier: SigV4ChunkVerifier(secret: "other", amzDate: "20260101T000000Z", scope: scope, seedSignature: seed))
        var failure: AWSChunkedDecoder.Failure?
        do {
            try body.withUnsafeBytes { try tampered.feed($0) { _ in } }
        } catch let error as AWSChunkedDecoder.Failure {
            failure = error
        }
        #expect(failure == .signatureMismatch)
    }

    @Test func unsignedChunksWithTrailer() throws {
        let body = Array("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n".utf8)
        var decoder = AWSChunkedDecoder(verifier: nil)
        var out: [UInt8] = []
        try body.withUnsafeBytes { try decoder.feed($0) { out += $0 } }
        #expect(String(decoding: out, as: UTF8.self) == "hello")
        #expect(decoder.isComplete && decoder.trailers["x-amz-checksum-crc32"] == "NhCmhg==")
    }
}
