import Crypto
import Foundation
import PortlessCore

/// Log groups with a KMS key, as CloudWatch Logs keeps them: each event's message is sealed (AES-256-GCM) under a
/// data key of the group, made by KMS under the associated key with the encryption context `aws:logs:arn`; the
/// data key is stored only as KMS ciphertext and opened through KMS, so a disabled or deleted key makes the
/// group's sealed events unreadable.
extension LogService {
    /// A KMS key for a log group is named by its key ARN.
    static func checkKeyARN(_ arn: String) throws(PortlessError) {
        guard arn.count <= 256, arn.hasPrefix("arn:aws:kms:"), arn.contains(":key/") else {
            throw PortlessError(aws: .logsInvalidParameter, "Specified KMS key ARN is not valid: \(arn)", field: "kmsKeyId")
        }
    }

    /// Makes `group` a new data key under `kmsKeyId`, as `caller` through CloudWatch Logs (`kms:GenerateDataKey` with
    /// `kms:ViaService` logs), and makes it current.
    func associate(_ kmsKeyId: String, with group: inout LogGroupRecord, caller: KMSCaller) async throws {
        try Self.checkKeyARN(kmsKeyId)
        let made: (key: KMSKeyRecord, plaintext: Data, blob: Data)
        do {
            made = try await kms.generateDataKey(keyId: kmsKeyId, numberOfBytes: nil, keySpec: "AES_256",
                                                 context: LogDataKey.context(groupArn: group.arn(region: region)), caller: caller,
                                                 action: "kms:GenerateDataKey")
        } catch let error as PortlessError where error.code != .accessDenied {
            throw PortlessError(.logsInvalidParameter, "The KMS key \(kmsKeyId) cannot be used with log group \(group.name): \(error.message)",
                                field: "kmsKeyId")
        }
        group.kmsKeyId = made.key.arn(region: region)
        group.dataKeys = (group.dataKeys ?? []) + [LogDataKey(id: Identifiers.uuid(), blob: made.blob)]
    }

    /// `events` sealed under the group's current data key, and its ID; as they are when the group has no key.
    func seal(_ events: [LogEvent], for group: LogGroupRecord) async throws -> (events: [LogEvent], dataKeyId: String?) {
        guard group.kmsKeyId != nil, let current = group.dataKeys?.last else { return (events, nil) }
        let key = try await dataKey(current, of: group)
        let sealed = try events.map { event in
            guard let combined = try AES.GCM.seal(Data(event.message.utf8), using: key).combined else {
                throw PortlessError(.internalServerError, "Sealing a log event failed.")
            }
            return LogEvent(timestamp: event.timestamp, message: combined.base64EncodedString())
        }
        return (sealed, current.id)
    }

    /// `events` with every sealed message opened (each data key opened through KMS once per call).
    func open(_ events: [StoredLogEvent], of group: LogGroupRecord) async throws -> [StoredLogEvent] {
        var opened = events
        var keys: [String: SymmetricKey] = [:]
        for index in opened.indices {
            guard let id = opened[index].dataKeyId else { continue }
            guard let stored = group.dataKeys?.first(where: { $0.id == id }), let combined = Data(base64Encoded: opened[index].message) else {
                throw PortlessError(.internalServerError, "A sealed event of log group \(group.name) names no data key of it.")
            }
            if keys[id] == nil { keys[id] = try await dataKey(stored, of: group) }
            let box = try AES.GCM.SealedBox(combined: combined)
            opened[index].message = String(decoding: try AES.GCM.open(box, using: keys[id]!), as: UTF8.self)
            opened[index].dataKeyId = nil
        }
        return opened
    }

    /// A data key in the clear, opened through KMS (which refuses a disabled or deleted key).
    private func dataKey(_ stored: LogDataKey, of group: LogGroupRecord) async throws -> SymmetricKey {
        do {
            return SymmetricKey(data: try await kms.unwrapForService(stored.blob, context: LogDataKey.context(groupArn: group.arn(region: region))))
        } catch let error as PortlessError {
            throw PortlessError(.logsInvalidParameter, "The KMS key of log group \(group.name) cannot be used: \(error.message)", field: "kmsKeyId")
        }
    }
}
