public import Foundation
public import PortlessCore

/// Creates the root account and its access key on first start and writes them, once, to
/// `DATA_DIR/credentials` in the AWS shared-credentials format.
public enum RootCredentials {
    /// What bootstrapping found or made.
    public struct Outcome: Sendable {
        public var accountId: String
        public var credentialsFile: URL
        /// True when this start created the account (and wrote the file).
        public var created: Bool
    }

    public static func ensure(store: any Store, keyring: Keyring, dataDirectory: URL) async throws -> Outcome {
        let file = dataDirectory.appendingPathComponent("credentials")
        if let accountId = try await store.rootAccountId() {
            return Outcome(accountId: accountId, credentialsFile: file, created: false)
        }
        let accountId = Identifiers.accountID()
        let accessKeyId = Identifiers.accessKeyID()
        let secret = Identifiers.secretAccessKey()
        let record = AccessKeyRecord(accessKeyId: accessKeyId, accountId: accountId, userName: "root",
                                     sealedSecret: try keyring.seal(secret), createdAt: Date())
        let contents = "[default]\naws_access_key_id = \(accessKeyId)\naws_secret_access_key = \(secret)\n"
        try SecretFile.write(Data(contents.utf8), to: file)
        try await store.createRootAccount(accountId: accountId, key: record)
        return Outcome(accountId: accountId, credentialsFile: file, created: true)
    }
}
