import Foundation
import PortlessCore

/// Virtual MFA devices: TOTP seeds (RFC 6238) sealed under the keyring, enabled for one user each, and
/// the check of their codes for STS.
///
/// The API returns the seed once, as IAM does (`Base32StringSeed`: the base64 of the Base32 text);
/// `QRCodePNG` is not produced. Authenticator apps take the Base32 text, or the `otpauth://totp/…` URI
/// ``provisioningURI(accountId:serialNumber:seed:)`` builds (the web console shows it as a QR code).
struct MFAService: Sendable {
    /// Seeds are 20 random bytes (160 bits, RFC 4226's recommendation).
    static let seedLength = 20

    let store: any IdentityStore
    let keyring: Keyring

    /// Makes an unassigned device; returns it and its seed (shown once).
    func create(accountId: String, name: String, path: String?, tags: [Tag], now: Date = Date()) async throws -> (MFADeviceRecord, seed: [UInt8]) {
        try IAMValidation.name(name, field: "VirtualMFADeviceName", maximum: 226)
        let path = path ?? "/"
        try IAMValidation.path(path)
        try IAMValidation.tags(tags)
        var generator = SystemRandomNumberGenerator()
        let seed = (0..<Self.seedLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let device = MFADeviceRecord(accountId: accountId, serialNumber: "arn:aws:iam::\(accountId):mfa\(path)\(name)",
                                     sealedSeed: try keyring.seal(Base32.encode(seed)), createDate: now.wholeSecond, tags: tags)
        try await store.insertMFADevice(device)
        return (device, seed)
    }

    /// The URI authenticator apps read: `otpauth://totp/Portless:SERIAL-NAME?secret=…`.
    static func provisioningURI(accountId: String, serialNumber: String, seed: [UInt8]) -> String {
        let name = serialNumber.split(separator: "/").last.map(String.init) ?? serialNumber
        return TOTP.provisioningURI(secret: seed, issuer: "Portless", account: "\(name)@\(accountId)")
    }

    /// Enables the device for `userName` once two consecutive codes prove the user holds it.
    func enable(accountId: String, userName: String, serialNumber: String, code1: String, code2: String, now: Date = Date()) async throws {
        try IAMValidation.existingUserName(userName)
        try IAMValidation.serialNumber(serialNumber)
        try IAMValidation.authenticationCode(code1, field: "AuthenticationCode1")
        try IAMValidation.authenticationCode(code2, field: "AuthenticationCode2")
        guard let user = try await store.user(accountId: accountId, name: userName) else { throw IAMEntity.noSuchUser(userName) }
        let keyring = self.keyring
        let invalid = PortlessError(aws: .invalidAuthenticationCode, "Authentication code for device is not valid.", field: "AuthenticationCode1")
        let inUse = PortlessError(aws: .entityAlreadyExists, "MFA Device is already in use.", field: "SerialNumber")
        let updated = try await store.modifyMFADevice(accountId: accountId, serialNumber: serialNumber) { device in
            guard !device.isAssigned else { throw inUse }
            let totp = TOTP(secret: try Self.seed(of: device, keyring: keyring))
            let current = TOTP.step(at: now)
            // The pair may have been read up to a minute ago, or straddle the next step.
            guard let step = (current - 2...current).first(where: {
                ConstantTime.equals(totp.code(step: $0), code1) && ConstantTime.equals(totp.code(step: $0 + 1), code2)
            }) else { throw invalid }
            device.userName = user.userName
            device.enableDate = now.wholeSecond
            device.lastUsedStep = step + 1
        }
        guard updated != nil else { throw Self.notFound(serialNumber) }
    }

    func deactivate(accountId: String, userName: String, serialNumber: String) async throws {
        try IAMValidation.existingUserName(userName)
        try IAMValidation.serialNumber(serialNumber)
        guard try await store.user(accountId: accountId, name: userName) != nil else { throw IAMEntity.noSuchUser(userName) }
        let missing = Self.notFound(serialNumber)
        let updated = try await store.modifyMFADevice(accountId: accountId, serialNumber: serialNumber) { device in
            guard device.userName?.lowercased() == userName.lowercased() else { throw missing }
            device.userName = nil
            device.enableDate = nil
            device.lastUsedStep = nil
        }
        guard updated != nil else { throw missing }
    }

    /// The devices enabled for `userName`, by serial number.
    func devices(accountId: String, userName: String, marker: String?, maxItems: String?) async throws -> (devices: [MFADeviceRecord], marker: String?) {
        try IAMValidation.existingUserName(userName)
        guard try await store.user(accountId: accountId, name: userName) != nil else { throw IAMEntity.noSuchUser(userName) }
        let devices = try await store.mfaDevices(accountId: accountId, userName: userName)
        let page = try IAMPaging.page(devices, key: { $0.serialNumber.lowercased() }, marker: marker, maxItems: maxItems)
        return (page.items, page.marker)
    }

    /// The account's virtual devices by `AssignmentStatus` (`Assigned`, `Unassigned`, `Any`), with their users.
    func virtualDevices(accountId: String, assignmentStatus: String?, marker: String?, maxItems: String?)
        async throws -> (devices: [(MFADeviceRecord, UserRecord?)], marker: String?) {
        if let assignmentStatus { try IAMValidation.oneOf(assignmentStatus, field: "AssignmentStatus", ["Assigned", "Unassigned", "Any"]) }
        let devices = try await store.mfaDevices(accountId: accountId, userName: nil).filter { device in
            switch assignmentStatus {
            case "Assigned": device.isAssigned
            case "Unassigned": !device.isAssigned
            default: true
            }
        }
        let page = try IAMPaging.page(devices, key: { $0.serialNumber.lowercased() }, marker: marker, maxItems: maxItems)
        var result: [(MFADeviceRecord, UserRecord?)] = []
        for device in page.items {
            var user: UserRecord?
            if let name = device.userName { user = try await store.user(accountId: accountId, name: name) }
            result.append((device, user))
        }
        return (result, page.marker)
    }

    func delete(accountId: String, serialNumber: String) async throws {
        try IAMValidation.serialNumber(serialNumber)
        let deleted = try await store.deleteMFADevice(accountId: accountId, serialNumber: serialNumber) { device in
            guard !device.isAssigned else { throw PortlessError(aws: .deleteConflict, "MFA Device is still in use", field: "SerialNumber") }
        }
        guard deleted else { throw Self.notFound(serialNumber) }
    }

    /// Whether `code` is valid for the enabled device `serialNumber` at `now` (±1 step). Each step's code is
    /// accepted once: a replayed code, or one older than the last accepted, is false.
    func verify(accountId: String, serialNumber: String, code: String, now: Date) async throws -> Bool {
        guard (try? IAMValidation.authenticationCode(code, field: "TokenCode")) != nil,
              (try? IAMValidation.serialNumber(serialNumber)) != nil else { return false }
        let keyring = self.keyring
        let rejected = PortlessError(.invalidAuthenticationCode, "The code was not accepted.", field: "TokenCode")
        do {
            let updated = try await store.modifyMFADevice(accountId: accountId, serialNumber: serialNumber) { device in
                guard device.isAssigned else { throw rejected }
                let totp = TOTP(secret: try Self.seed(of: device, keyring: keyring))
                let current = TOTP.step(at: now)
                guard let step = (current - 1...current + 1).first(where: {
                    $0 > (device.lastUsedStep ?? Int64.min) && ConstantTime.equals(totp.code(step: $0), code)
                }) else { throw rejected }
                device.lastUsedStep = step
            }
            return updated != nil
        } catch let error as PortlessError where error == rejected {
            return false
        }
    }

    static func seed(of device: MFADeviceRecord, keyring: Keyring) throws -> [UInt8] {
        guard let seed = Base32.decode(try keyring.open(device.sealedSeed)) else {
            throw PortlessError(.internalServerError, "The MFA device's seed is damaged.")
        }
        return seed
    }

    static func notFound(_ serialNumber: String) -> PortlessError {
        PortlessError(aws: .noSuchEntity, "VirtualMFADevice with serial number \(serialNumber) doesn't exist.", field: "SerialNumber")
    }
}
