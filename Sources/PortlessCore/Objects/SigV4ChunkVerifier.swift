public import Crypto

/// Checks the chain of chunk signatures of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` body: each chunk is
/// signed over `AWS4-HMAC-SHA256-PAYLOAD\n<date>\n<scope>\n<previous signature>\n<sha256("")>\n<sha256(chunk)>`,
/// the first one chained to the request's (seed) signature.
public struct SigV4ChunkVerifier: Sendable {
    private let key: SymmetricKey
    private let amzDate: String
    private let scope: SigV4Scope
    private var previous: String

    /// A verifier for the request signed with `secret` at `amzDate` in `scope`, whose header signature was `seedSignature`.
    public init(secret: String, amzDate: String, scope: SigV4Scope, seedSignature: String) {
        self.key = SigV4.signingKey(secret: secret, scope: scope)
        self.amzDate = amzDate
        self.scope = scope
        self.previous = seedSignature
    }

    /// The signature a chunk with payload hash `chunkHash` must carry next.
    public func expectedSignature(chunkHash: String) -> String {
        let toSign = "AWS4-HMAC-SHA256-PAYLOAD\n\(amzDate)\n\(scope.string)\n\(previous)\n\(SigV4.emptyPayloadHash)\n\(chunkHash)"
        return SigV4.hex(HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: key))
    }

    /// Whether `signature` is right for the next chunk (compared in constant time); on success it becomes
    /// the previous signature of the chain.
    public mutating func verify(chunkHash: String, signature: String) -> Bool {
        let expected = expectedSignature(chunkHash: chunkHash)
        guard ConstantTime.equals(expected, signature) else { return false }
        previous = expected
        return true
    }
}
