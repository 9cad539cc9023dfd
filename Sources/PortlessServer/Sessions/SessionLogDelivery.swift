import Foundation
import Logging
import PortlessCore

/// Session Manager's session logs, as the preferences ask for them: when a shell or command session ends, its
/// output (the transcript's output events) is written to `s3BucketName` as `s3KeyPrefix/SESSION-ID.log` and to
/// the log group `cloudWatchLogGroupName`, stream `SESSION-ID`, one event per line. The encrypted transcript is
/// kept whatever these say.
struct SessionLogDelivery: Sendable {
    let transcripts: SessionTranscripts
    let objects: ObjectStore
    let logs: LogService
    let logger: Logger

    func deliver(_ session: SessionRecord, preferences: SessionPreferences) async {
        guard session.recording != nil, preferences.s3BucketName != nil || preferences.cloudWatchLogGroupName != nil else { return }
        let output: String
        do {
            output = Self.output(of: try await transcripts.transcript(of: session))
        } catch {
            logger.warning("could not read a session's transcript for its logs", metadata: ["portless.session": "\(session.sessionId)", "error": "\(error)"])
            return
        }
        if let bucket = preferences.s3BucketName {
            let key = [preferences.s3KeyPrefix ?? "", "\(session.sessionId).log"].filter { !$0.isEmpty }.joined(separator: "/")
            do {
                _ = try await objects.put(bucket: bucket, key: key, data: Data(output.utf8), accountId: session.accountId)
            } catch {
                logger.warning("could not write a session log to its bucket", metadata: ["portless.session": "\(session.sessionId)", "error": "\(error)"])
            }
        }
        if let group = preferences.cloudWatchLogGroupName {
            let lines = output.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            do {
                if !lines.isEmpty {
                    try await logs.deliver(accountId: session.accountId, groupName: group, streamName: session.sessionId, messages: lines)
                }
            } catch {
                logger.warning("could not write a session log to its log group", metadata: ["portless.session": "\(session.sessionId)", "error": "\(error)"])
            }
        }
    }

    /// The output events of an asciicast transcript, joined.
    static func output(of transcript: Data) -> String {
        var text = ""
        for line in transcript.split(separator: 0x0A).dropFirst() {
            guard let event = try? JSONDecoder().decode(JSONValue.self, from: Data(line)), let items = event.arrayValue, items.count == 3,
                  items[1] == .string("o"), let data = items[2].stringValue else { continue }
            text += data
        }
        return text
    }
}
