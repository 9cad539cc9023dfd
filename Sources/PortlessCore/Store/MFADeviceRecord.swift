public import Foundation

/// A virtual MFA device: a TOTP seed sealed under the server's keyring, assigned to at most one user.
public struct MFADeviceRecord: Sendable, Codable, Hashable {
    public var accountId: String
    /// `arn:aws:iam::ACCOUNT:mfa/PATH/NAME`.
    public var serialNumber: String
    public var sealedSeed: Data
    public var createDate: Date
    public var tags: [Tag]
    /// The user the device is enabled for, and since when.
    public var userName: String?
    public var enableDate: Date?
    /// The last TOTP time step accepted; codes of this step or older are refused.
    public var lastUsedStep: Int64?

    public init(accountId: String, serialNumber: String, sealedSeed: Data, createDate: Date, tags: [Tag]) {
        self.accountId = accountId
        self.serialNumber = serialNumber
        self.sealedSeed = sealedSeed
        self.createDate = createDate
        self.tags = tags
    }

    public var isAssigned: Bool { userName != nil }
}
