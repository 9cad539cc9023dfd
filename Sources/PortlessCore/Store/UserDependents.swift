/// What still hangs on a user about to be deleted, besides its own record.
public struct UserDependents: Sendable, Hashable {
    public var accessKeys: Int
    public var mfaDevices: Int

    public init(accessKeys: Int, mfaDevices: Int) {
        self.accessKeys = accessKeys
        self.mfaDevices = mfaDevices
    }
}
