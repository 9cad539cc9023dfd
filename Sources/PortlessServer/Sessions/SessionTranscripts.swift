import Crypto
import Foundation
import Logging
import PortlessCore

/// Session transcripts: each interactive session is recorded under its own 256-bit data key, made by KMS
/// under the preferences' `kmsKeyId` (with the caller's `kms:GenerateDataKey`) or else the account's
/// `alias/aws/ssm`, with the encryption context SSM uses for sessions. Only the wrapped key is kept; reading a
/// transcript opens it through KMS, so a disabled key makes transcripts unreadable.
struct SessionTranscripts: Sendable {
    let kms: KMSService
    let objects: ObjectStore
    let region: String
    let logger: Logger

    /// A recording for a new session, and its recorder.
    func start(sessionId: String, target: String, preferences: SessionPreferences, principal: Principal, facts: CallFacts,
               startedAt: Date) async throws -> (recording: SessionRecording, recorder: SessionRecorder) {
        let context = Self.context(sessionId: sessionId, target: target)
        let made: (key: KMSKeyRecord, plaintext: Data, blob: Data)
        if let keyId = preferences.kmsKeyId {
            made = try await kms.generateDataKey(keyId: keyId, numberOfBytes: nil, keySpec: "AES_256", context: context,
                                                 caller: KMSCaller(principal: principal, facts: facts, viaService: "ssm", region: region),
                                                 action: "kms:GenerateDataKey")
        } else {
            made = try await kms.generateDataKeyForService(service: "ssm", account: principal.accountId, context: context)
        }
        let bucket = SessionService.transcriptBucket(accountId: principal.accountId)
        try await objects.ensureBucket(bucket, accountId: principal.accountId)
        let recording = SessionRecording(bucket: bucket, prefix: "sessions/\(sessionId)/", wrappedKey: made.blob.base64EncodedString(),
                                         keyArn: made.key.arn(region: region))
        let recorder = SessionRecorder(sessionId: sessionId, accountId: principal.accountId, recording: recording,
                                       key: SymmetricKey(data: made.plaintext), objects: objects, startedAt: startedAt, columns: 80, rows: 24,
                                       title: "\(sessionId) on \(target)", logger: logger)
        return (recording, recorder)
    }

    /// The asciicast text of `session`'s transcript, every chunk opened, checked and rendered in order.
    func transcript(of session: SessionRecord) async throws -> Data {
        guard let recording = session.recording, let blob = Data(base64Encoded: recording.wrappedKey) else {
            throw PortlessError(.invalidParameters, "Session \(session.sessionId) has no transcript (port sessions record traffic only).",
                                field: "SessionId")
        }
        let key = SymmetricKey(data: try await kms.unwrapForService(blob, context: Self.context(sessionId: session.sessionId, target: session.target)))
        let (_, listed) = try await objects.list(bucket: recording.bucket, prefix: recording.prefix, delimiter: nil, marker: nil, maxKeys: 100_000)
        var text = Data()
        var encoder = AsciicastEncoder()
        for (expected, object) in listed.sorted(by: { $0.key < $1.key }).enumerated() {
            guard TranscriptChunk.index(of: object.key, prefix: recording.prefix) == expected,
                  let sealed = try await objects.contents(bucket: recording.bucket, key: object.key, limit: 16 << 20) else {
                throw PortlessError(.internalServerError, "The transcript of session \(session.sessionId) is missing chunk \(expected).")
            }
            do {
                text.append(try TranscriptEvents.render(try TranscriptChunk.open(sealed, index: expected, sessionId: session.sessionId, key: key),
                                                        encoder: &encoder))
            } catch {
                throw PortlessError(.internalServerError, "Chunk \(expected) of the transcript of session \(session.sessionId) was altered.")
            }
        }
        return text
    }

    /// SSM's encryption context for a session's keys.
    static func context(sessionId: String, target: String) -> [String: String] {
        ["aws:ssm:SessionId": sessionId, "aws:ssm:TargetId": target]
    }
}
