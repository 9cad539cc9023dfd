public import Foundation
public import Crypto

/// A session transcript is kept as numbered chunks of its events (`TranscriptEvents`), each gzip-compressed and
/// then sealed on its own with AES-256-GCM under the session's data key; the additional data binds a chunk to its
/// session and index, so chunks cannot be swapped, reordered or moved to another session unnoticed. (Compression
/// first: terminal output repeats itself, and sealed bytes no longer compress.)
public enum TranscriptChunk {
    /// The most one chunk may unpack to.
    public static let maxPlaintext = 64 << 20

    /// The object key of chunk `index` under `prefix`.
    public static func key(prefix: String, index: Int) -> String {
        prefix + String(repeating: "0", count: max(0, 6 - String(index).count)) + String(index)
    }

    /// The index of an object key under `prefix`, if it is a chunk's.
    public static func index(of key: String, prefix: String) -> Int? {
        guard key.hasPrefix(prefix) else { return nil }
        let digits = key.dropFirst(prefix.count)
        guard digits.count == 6, digits.allSatisfy(\.isASCII), let index = Int(digits) else { return nil }
        return index
    }

    /// A chunk's first bytes, compressed at zlib's fastest level to judge the rest.
    static let probeSize = 64 << 10

    /// `plaintext` compressed and sealed as chunk `index` of `sessionId`. Output that repeats itself (terminal
    /// text, zeros) is compressed at zlib's fastest level; output that does not (a probe of its first 64 KiB
    /// stays over 60 % of its size, as random text does) by Huffman coding alone, which packs it as well at
    /// several times the speed.
    public static func seal(_ plaintext: Data, index: Int, sessionId: String, key: SymmetricKey) throws -> Data {
        let bytes = Array(plaintext)
        let probe = try Gzip.compress(Array(bytes.prefix(probeSize)), level: .fastest)
        let repeats = probe.count * 10 <= min(bytes.count, probeSize) * 6
        let compressed = try Gzip.compress(bytes, level: repeats ? .fastest : .huffmanOnly)
        let sealed = try AES.GCM.seal(compressed, using: key, authenticating: additionalData(index: index, sessionId: sessionId))
        guard let combined = sealed.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined
    }

    /// Opens chunk `index` of `sessionId`; throws when it was altered, belongs elsewhere or unpacks to more than
    /// `maxPlaintext` bytes.
    public static func open(_ sealed: Data, index: Int, sessionId: String, key: SymmetricKey) throws -> Data {
        let opened = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key,
                                      authenticating: additionalData(index: index, sessionId: sessionId))
        return Data(try Gzip.decompress(Array(opened), limit: maxPlaintext))
    }

    private static func additionalData(index: Int, sessionId: String) -> Data {
        Data("portless-transcript:\(sessionId):\(index)".utf8)
    }
}
