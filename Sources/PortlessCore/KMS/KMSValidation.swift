public import Foundation

/// KMS's checks on request members and key states, with KMS's errors.
public enum KMSValidation {
    /// The largest key policy KMS keeps (32 KB).
    public static let maxPolicyLength = 32_768

    public static func description(_ text: String?) throws {
        guard let text, text.count > 8192 else { return }
        throw ConstraintViolation.error(.validation, value: text, field: "Description", .maxLength(8192))
    }

    /// A key policy must parse as a resource policy (it names principals) and fit KMS's size.
    public static func policy(_ text: String) throws {
        guard text.utf8.count <= maxPolicyLength else {
            throw ConstraintViolation.withoutValue(.validation, field: "Policy", .maxLength(maxPolicyLength))
        }
        do {
            _ = try Policy(json: text, kind: .keyPolicy, name: "key policy")
        } catch let error as PortlessError {
            throw PortlessError(.kmsMalformedPolicy, error.message, field: "Policy")
        }
    }

    /// KMS keys have one policy, named `default`.
    public static func policyName(_ name: String?) throws {
        guard let name, name != "default" else { return }
        throw ConstraintViolation.error(.validation, value: name, field: "PolicyName", .pattern("default"))
    }

    /// 1 to 4096 bytes.
    public static func plaintext(_ data: Data) throws {
        guard data.count <= KMSCipher.maxPlaintext else {
            throw ConstraintViolation.withoutValue(.validation, field: "Plaintext", .maxLength(KMSCipher.maxPlaintext))
        }
        guard !data.isEmpty else { throw ConstraintViolation.withoutValue(.validation, field: "Plaintext", .minLength(1)) }
    }

    /// The data key's size in bytes: exactly one of `NumberOfBytes` (1–1024) and `KeySpec` (`AES_256`, `AES_128`).
    public static func dataKeySize(numberOfBytes: Int?, keySpec: String?) throws -> Int {
        switch (numberOfBytes, keySpec) {
        case (let count?, nil):
            guard count >= 1 else { throw ConstraintViolation.error(.validation, value: String(count), field: "NumberOfBytes", .minValue(1)) }
            guard count <= 1024 else { throw ConstraintViolation.error(.validation, value: String(count), field: "NumberOfBytes", .maxValue(1024)) }
            return count
        case (nil, "AES_256"?): return 32
        case (nil, "AES_128"?): return 16
        case (nil, let spec?): throw ConstraintViolation.error(.validation, value: spec, field: "KeySpec", .enumeration(["AES_256", "AES_128"]))
        default: throw KMSErrors.dataKeySize
        }
    }

    /// A key that encrypts or decrypts must be enabled: KMS's errors for disabled keys and keys pending deletion.
    public static func requireUsable(_ key: KMSKeyRecord, region: String) throws {
        switch key.state {
        case .enabled: return
        case .disabled: throw KMSErrors.disabled(key.arn(region: region))
        case .pendingDeletion: throw KMSErrors.pendingDeletion(key.arn(region: region))
        }
    }

    /// A key policy that allows nothing (for a stored policy that no longer parses).
    public static let allowingNothing = try! Policy(
        json: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"portless:None","Resource":"*"}]}"#,
        kind: .keyPolicy, name: "unreadable key policy")
}
