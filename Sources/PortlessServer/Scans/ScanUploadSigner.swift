import Foundation
import PortlessCore

/// The credentials scans presign with: in each account that runs scans, an IAM user
/// `portless-scan-uploader` (path `/portless/`) whose only permissions are reading the account's bundle
/// versions and writing its scan results, with one access key the server keeps sealed.
///
/// Presigned URLs are decided with their signer's permissions when used, so a URL handed to a node can
/// do no more than this user may — and the scan service admits only this user's writes to result keys.
struct ScanUploadSigner: Sendable {
    static let userName = "portless-scan-uploader"
    static let userPath = "/portless/"
    static let policyName = "PortlessScanObjects"

    let store: any Store & IdentityStore
    let keyring: Keyring
    let endpoint: ServerEndpoint
    let region: String

    /// The policy of the uploader of `accountId`.
    static func policy(accountId: String) -> String {
        let bucket = ScanLocations.bucket(accountId: accountId)
        return """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Results","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::\(bucket)/results/*"},
          {"Sid":"Bundles","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::\(bucket)/bundles/*"}]}
        """
    }

    /// Whether `principal` is an account's scan uploader.
    static func isUploader(_ principal: Principal) -> Bool {
        principal.assumedRole == nil && principal.iamUserId != nil && principal.userName == userName && principal.userPath == userPath
    }

    /// A presigner with the uploader's key, made (user, policy, key) the first time an account scans.
    func presigner(accountId: String, now: Date = Date()) async throws -> S3Presigner {
        guard let base = URL(string: endpoint.value), !endpoint.value.isEmpty else {
            throw PortlessError(.internalServerError, "The server address is not known yet.")
        }
        if try await store.user(accountId: accountId, name: Self.userName) == nil {
            let user = UserRecord(accountId: accountId, userName: Self.userName, userId: Identifiers.userID(), path: Self.userPath,
                                  createDate: now.wholeSecond, permissionsBoundary: nil, tags: [Tag(key: "portless:purpose", value: "scan uploads")])
            try await store.insertUser(user)
        }
        let entity = IAMEntity.user(Self.userName)
        if try await entity.policies(accountId: accountId, in: store).inlinePolicy(named: Self.policyName) == nil {
            try await InlinePolicyService(store: store).put(accountId: accountId, entity: entity, name: Self.policyName,
                                                            document: Self.policy(accountId: accountId))
        }
        let key = try await currentKey(accountId: accountId, now: now)
        return S3Presigner(endpoint: base, accessKeyId: key.accessKeyId, secretAccessKey: try keyring.open(key.sealedSecret), region: region)
    }

    private func currentKey(accountId: String, now: Date) async throws -> AccessKeyRecord {
        if let key = try await store.accessKeys(accountId: accountId, userName: Self.userName).first(where: { $0.status == .active }) {
            return key
        }
        let user = try await store.user(accountId: accountId, name: Self.userName)
        let record = AccessKeyRecord(accessKeyId: Identifiers.accessKeyID(), accountId: accountId, userName: Self.userName,
                                     sealedSecret: try keyring.seal(Identifiers.secretAccessKey()), createdAt: now.wholeSecond,
                                     userId: user?.userId, userPath: Self.userPath)
        guard let stored = try await store.insertAccessKey(record, forRoot: false, limit: AccessKeyService.limit) else {
            throw PortlessError(.internalServerError, "The scan uploader's access key could not be made.")
        }
        return stored
    }
}
