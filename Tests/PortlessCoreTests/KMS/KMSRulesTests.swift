import Crypto
import Foundation
import PortlessCore
import Testing

/// KMS's rules without I/O: the self-describing ciphertext, encryption context binding, key references, alias
/// names, data-key sizes and the states that refuse cryptography.
@Suite struct KMSRulesTests {
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let material = SymmetricKey(size: .bits256)

    @Test("a blob names its key and material version and decrypts with the same context, in any order")
    func roundTrip() throws {
        let sealed = try KMSCipher.encrypt(Data("secret".utf8), keyId: Self.keyId, materialVersion: 3, material: Self.material,
                                           context: ["a": "1", "b": "2"])
        let parsed = try KMSCiphertext(blob: sealed.blob)
        #expect(parsed.keyId == Self.keyId && parsed.materialVersion == 3)
        #expect(try KMSCipher.decrypt(parsed, material: Self.material, context: ["b": "2", "a": "1"]) == Data("secret".utf8))
    }

    @Test("another context, a changed byte, a changed header or a foreign blob are InvalidCiphertextException")
    func tampering() throws {
        let sealed = try KMSCipher.encrypt(Data("secret".utf8), keyId: Self.keyId, materialVersion: 1, material: Self.material, context: ["a": "1"])
        for context in [[:], ["a": "2"], ["a": "1", "b": "1"]] {
            #expect(throws: KMSErrors.invalidCiphertext) { try KMSCipher.decrypt(sealed, material: Self.material, context: context) }
        }
        var bytes = [UInt8](sealed.blob)
        bytes[bytes.count - 1] ^= 1
        #expect(throws: KMSErrors.invalidCiphertext) { try KMSCipher.decrypt(try KMSCiphertext(blob: Data(bytes)), material: Self.material, context: ["a": "1"]) }
        var header = sealed
        header.materialVersion = 2
        #expect(throws: KMSErrors.invalidCiphertext) { try KMSCipher.decrypt(header, material: Self.material, context: ["a": "1"]) }
        #expect(throws: KMSErrors.invalidCiphertext) { try KMSCiphertext(blob: Data("not a kms blob at all, really not one".utf8)) }
        #expect(throws: KMSErrors.invalidCiphertext) { try KMSCipher.decrypt(sealed, material: SymmetricKey(size: .bits256), context: ["a": "1"]) }
    }

    @Test("KeyId names a key by ID, ARN, alias or alias ARN; anything else is NotFoundException")
    func references() throws {
        #expect(try KMSNames.reference(Self.keyId, region: "us-east-1") == .keyId(Self.keyId))
        #expect(try KMSNames.reference("arn:aws:kms:us-east-1:111122223333:key/\(Self.keyId)", region: "us-east-1")
            == .keyArn(account: "111122223333", keyId: Self.keyId))
        #expect(try KMSNames.reference("alias/app", region: "us-east-1") == .alias("alias/app"))
        #expect(try KMSNames.reference("arn:aws:kms:us-east-1:111122223333:alias/app", region: "us-east-1")
            == .aliasArn(account: "111122223333", aliasName: "alias/app"))
        for bad in ["nope", "arn:aws:kms:eu-west-1:111122223333:key/\(Self.keyId)", "arn:aws:kms:us-east-1:1111:key/\(Self.keyId)"] {
            #expect(throws: KMSErrors.invalidKeyId(bad)) { try KMSNames.reference(bad, region: "us-east-1") }
        }
    }

    @Test("alias names need alias/, KMS's characters, and never alias/aws/")
    func aliasNames() throws {
        try KMSNames.validateAliasName("alias/app/db_key-1")
        #expect(throws: KMSErrors.reservedAlias) { try KMSNames.validateAliasName("alias/aws/ssm") }
        #expect(throws: PortlessError.self) { try KMSNames.validateAliasName("app") }
        #expect(throws: PortlessError.self) { try KMSNames.validateAliasName("alias/with space") }
        #expect(throws: PortlessError.self) { try KMSNames.validateAliasName("alias/" + String(repeating: "a", count: 251)) }
    }

    @Test("a data key is NumberOfBytes (1-1024) or KeySpec, exactly one of them")
    func dataKeys() throws {
        #expect(try KMSValidation.dataKeySize(numberOfBytes: 64, keySpec: nil) == 64)
        #expect(try KMSValidation.dataKeySize(numberOfBytes: nil, keySpec: "AES_128") == 16)
        #expect(try KMSValidation.dataKeySize(numberOfBytes: nil, keySpec: "AES_256") == 32)
        #expect(throws: KMSErrors.dataKeySize) { try KMSValidation.dataKeySize(numberOfBytes: nil, keySpec: nil) }
        #expect(throws: KMSErrors.dataKeySize) { try KMSValidation.dataKeySize(numberOfBytes: 32, keySpec: "AES_256") }
        let tooMany = #expect(throws: PortlessError.self) { try KMSValidation.dataKeySize(numberOfBytes: 1025, keySpec: nil) }
        #expect(tooMany?.message == "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024")
        #expect(throws: PortlessError.self) { try KMSValidation.plaintext(Data(count: 4097)) }
        try KMSValidation.plaintext(Data(count: 4096))
    }

    @Test("only an enabled key encrypts: disabled and pending-deletion keys get KMS's errors")
    func states() throws {
        var key = KMSKeyRecord(keyId: Self.keyId, accountId: "111122223333", description: "", state: .enabled, manager: .customer,
                               creationDate: Date(), materials: [], policy: KMSKeyPolicies.default(account: "111122223333"))
        try KMSValidation.requireUsable(key, region: "us-east-1")
        let arn = key.arn(region: "us-east-1")
        key.state = .disabled
        #expect(throws: KMSErrors.disabled(arn)) { try KMSValidation.requireUsable(key, region: "us-east-1") }
        key.state = .pendingDeletion
        #expect(throws: KMSErrors.pendingDeletion(arn)) { try KMSValidation.requireUsable(key, region: "us-east-1") }
        #expect(KMSErrors.pendingDeletion(arn).message == "\(arn) is pending deletion.")
    }

    @Test("the default and AWS-managed key policies parse as key policies")
    func policies() throws {
        try KMSValidation.policy(KMSKeyPolicies.default(account: "111122223333"))
        try KMSValidation.policy(KMSKeyPolicies.awsManaged(account: "111122223333", service: "ssm", region: "us-east-1"))
        #expect(throws: PortlessError.self) { try KMSValidation.policy(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#) }
    }
}
