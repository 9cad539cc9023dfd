import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessClient
import PortlessCore
import PortlessServer
import Testing

/// KMS and Parameter Store through `buildApplication`: keys and their states, encryption bound to its context, the
/// key policy deciding with IAM, and SecureString parameters readable decrypted only with `kms:Decrypt`.
@Suite("KMS and Parameter Store through buildApplication")
struct KMSAPITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    static func createKey(_ client: SignedClient) async throws -> (id: String, arn: String) {
        let reply = try await client.kms("CreateKey", #"{"Description":"app"}"#)
        #expect(reply.status == .ok)
        let metadata = try #require(try json(reply)["KeyMetadata"] as? [String: Any])
        #expect(metadata["KeyState"] as? String == "Enabled" && metadata["KeyManager"] as? String == "CUSTOMER")
        return (try #require(metadata["KeyId"] as? String), try #require(metadata["Arn"] as? String))
    }

    @Test("encrypt then decrypt without a KeyId; another context is InvalidCiphertextException")
    func encryption() async throws {
        try await TestPortless.withClient { client in
            let key = try await Self.createKey(client)
            let plaintext = Data("hello".utf8).base64EncodedString()
            let encrypted = try Self.json(try await client.kms("Encrypt", #"{"KeyId":"\#(key.id)","Plaintext":"\#(plaintext)","EncryptionContext":{"app":"a"}}"#))
            let blob = try #require(encrypted["CiphertextBlob"] as? String)
            #expect(encrypted["KeyId"] as? String == key.arn)
            let decrypted = try Self.json(try await client.kms("Decrypt", #"{"CiphertextBlob":"\#(blob)","EncryptionContext":{"app":"a"}}"#))
            #expect(decrypted["Plaintext"] as? String == plaintext)
            let wrong = ErrorReply(try await client.kms("Decrypt", #"{"CiphertextBlob":"\#(blob)","EncryptionContext":{"app":"b"}}"#))
            #expect(wrong.status == 400 && wrong.code == "InvalidCiphertextException", "\(wrong)")
        }
    }

    @Test("a disabled key refuses to encrypt; a key pending deletion says so; cancelling leaves it disabled")
    func states() async throws {
        try await TestPortless.withClient { client in
            let key = try await Self.createKey(client)
            #expect(try await client.kms("DisableKey", #"{"KeyId":"\#(key.id)"}"#).status == .ok)
            let disabled = ErrorReply(try await client.kms("Encrypt", #"{"KeyId":"\#(key.id)","Plaintext":"aGk="}"#))
            #expect(disabled.code == "DisabledException" && disabled.message == "\(key.arn) is disabled.", "\(disabled)")
            let scheduled = try Self.json(try await client.kms("ScheduleKeyDeletion", #"{"KeyId":"\#(key.id)","PendingWindowInDays":7}"#))
            #expect(scheduled["KeyState"] as? String == "PendingDeletion")
            let pending = ErrorReply(try await client.kms("EnableKey", #"{"KeyId":"\#(key.id)"}"#))
            #expect(pending.code == "KMSInvalidStateException" && pending.message == "\(key.arn) is pending deletion.", "\(pending)")
            let short = ErrorReply(try await client.kms("ScheduleKeyDeletion", #"{"KeyId":"\#(key.id)","PendingWindowInDays":6}"#))
            #expect(short.code == "ValidationException" && short.message.contains("Member must have value greater than or equal to 7"))
            #expect(try await client.kms("CancelKeyDeletion", #"{"KeyId":"\#(key.id)"}"#).status == .ok)
            let described = try Self.json(try await client.kms("DescribeKey", #"{"KeyId":"\#(key.arn)"}"#))
            #expect((described["KeyMetadata"] as? [String: Any])?["KeyState"] as? String == "Disabled")
        }
    }

    @Test("aliases name keys; a taken alias is AlreadyExistsException; alias/aws/ is reserved")
    func aliases() async throws {
        try await TestPortless.withClient { client in
            let key = try await Self.createKey(client)
            #expect(try await client.kms("CreateAlias", #"{"AliasName":"alias/app","TargetKeyId":"\#(key.id)"}"#).status == .ok)
            let again = ErrorReply(try await client.kms("CreateAlias", #"{"AliasName":"alias/app","TargetKeyId":"\#(key.id)"}"#))
            #expect(again.code == "AlreadyExistsException"
                && again.message == "An alias with the name arn:aws:kms:us-east-1:\(client.accountId):alias/app already exists", "\(again)")
            let reserved = ErrorReply(try await client.kms("CreateAlias", #"{"AliasName":"alias/aws/x","TargetKeyId":"\#(key.id)"}"#))
            #expect(reserved.code == "NotAuthorizedException")
            let described = try Self.json(try await client.kms("DescribeKey", #"{"KeyId":"alias/app"}"#))
            #expect((described["KeyMetadata"] as? [String: Any])?["KeyId"] as? String == key.id)
            let missing = ErrorReply(try await client.kms("DescribeKey", #"{"KeyId":"alias/none"}"#))
            #expect(missing.code == "NotFoundException" && missing.message == "Alias arn:aws:kms:us-east-1:\(client.accountId):alias/none is not found.")
        }
    }

    @Test("rotation adds material: blobs made before still decrypt")
    func rotation() async throws {
        try await TestPortless.withClient { client in
            let key = try await Self.createKey(client)
            let before = try #require(try Self.json(try await client.kms("Encrypt", #"{"KeyId":"\#(key.id)","Plaintext":"b2xk"}"#))["CiphertextBlob"] as? String)
            #expect(try await client.kms("EnableKeyRotation", #"{"KeyId":"\#(key.id)"}"#).status == .ok)
            #expect(try Self.json(try await client.kms("GetKeyRotationStatus", #"{"KeyId":"\#(key.id)"}"#))["KeyRotationEnabled"] as? Bool == true)
            #expect(try await client.kms("RotateKeyOnDemand", #"{"KeyId":"\#(key.id)"}"#).status == .ok)
            let after = try #require(try Self.json(try await client.kms("Encrypt", #"{"KeyId":"\#(key.id)","Plaintext":"bmV3"}"#))["CiphertextBlob"] as? String)
            #expect(Data(base64Encoded: after)?[41..<45] == Data([0, 0, 0, 2]))
            #expect(try Self.json(try await client.kms("Decrypt", #"{"CiphertextBlob":"\#(before)"}"#))["Plaintext"] as? String == "b2xk")
        }
    }

    @Test("a key policy that does not name the account shuts out IAM: even an admin is denied")
    func keyPolicyDecides() async throws {
        try await TestPortless.withClient { client in
            let alice = try await AuthorizationTests.makeAlice(client)
            _ = try await client.query("iam", "AttachUserPolicy", [("UserName", "alice"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")])
            let key = try await Self.createKey(client)
            #expect(try await client.kms("Encrypt", #"{"KeyId":"\#(key.id)","Plaintext":"aGk="}"#, signing: .init(credentials: alice)).status == .ok)
            let rootOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(client.accountId):user/nobody"},"Action":"kms:*","Resource":"*"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(client.accountId):root"},"Action":"kms:PutKeyPolicy","Resource":"*"}]}"#
            let escaped = rootOnly.replacingOccurrences(of: "\"", with: "\\\"")
            #expect(try await client.kms("PutKeyPolicy", #"{"KeyId":"\#(key.id)","PolicyName":"default","Policy":"\#(escaped)"}"#).status == .ok)
            let denied = ErrorReply(try await client.kms("Encrypt", #"{"KeyId":"\#(key.id)","Plaintext":"aGk="}"#, signing: .init(credentials: alice)))
            #expect(denied.code == "AccessDeniedException"
                && denied.message == "User: arn:aws:iam::\(client.accountId):user/alice is not authorized to perform: kms:Encrypt on resource: \(key.arn) because no resource-based policy allows the kms:Encrypt action",
                "\(denied)")
        }
    }

    @Test("a SecureString under a customer key is readable decrypted only with kms:Decrypt; alias/aws/ssm is made on first use")
    func secureStrings() async throws {
        try await TestPortless.withClient { client in
            let key = try await Self.createKey(client)
            #expect(try await client.ssm("PutParameter", #"{"Name":"/app/db","Value":"s3cret","Type":"SecureString","KeyId":"\#(key.id)"}"#).status == .ok)
            #expect(try await client.ssm("PutParameter", #"{"Name":"/app/default","Value":"d3fault","Type":"SecureString"}"#).status == .ok)
            let raw = try #require(try Self.json(try await client.ssm("GetParameter", #"{"Name":"/app/db"}"#))["Parameter"] as? [String: Any])
            #expect(raw["Value"] as? String != "s3cret")
            let alice = try await AuthorizationTests.makeAlice(client)
            let readOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter*","Resource":"*"}]}"#
            _ = try await client.query("iam", "PutUserPolicy", [("UserName", "alice"), ("PolicyName", "read"), ("PolicyDocument", readOnly)])
            let get = #"{"Name":"/app/db","WithDecryption":true}"#
            let denied = ErrorReply(try await client.ssm("GetParameter", get, signing: .init(credentials: alice)))
            #expect(denied.code == "AccessDeniedException" && denied.message.contains("kms:Decrypt on resource: \(key.arn)"), "\(denied)")
            // The AWS-managed key lets any principal of the account decrypt through SSM.
            let managed = try Self.json(try await client.ssm("GetParameter", #"{"Name":"/app/default","WithDecryption":true}"#, signing: .init(credentials: alice)))
            #expect((managed["Parameter"] as? [String: Any])?["Value"] as? String == "d3fault")
            let decrypt = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"\#(key.arn)"}]}"#
            _ = try await client.query("iam", "PutUserPolicy", [("UserName", "alice"), ("PolicyName", "decrypt"), ("PolicyDocument", decrypt)])
            let read = try Self.json(try await client.ssm("GetParameter", get, signing: .init(credentials: alice)))
            #expect((read["Parameter"] as? [String: Any])?["Value"] as? String == "s3cret")
            let aliases = String(buffer: try await client.kms("ListAliases", "{}").body)
            #expect(aliases.contains("alias/aws/ssm"))
        }
    }

    @Test("versions, selectors and labels; errors in SSM's words change nothing")
    func versionsAndLabels() async throws {
        try await TestPortless.withClient { client in
            #expect(try await client.ssm("PutParameter", #"{"Name":"/cfg/a","Value":"one","Type":"String"}"#).status == .ok)
            let exists = ErrorReply(try await client.ssm("PutParameter", #"{"Name":"/cfg/a","Value":"two","Type":"String"}"#))
            #expect(exists.code == "ParameterAlreadyExists")
            #expect(try await client.ssm("PutParameter", #"{"Name":"/cfg/a","Value":"two","Overwrite":true}"#).status == .ok)
            let label = try Self.json(try await client.ssm("LabelParameterVersion", #"{"Name":"/cfg/a","ParameterVersion":1,"Labels":["prod","9bad"]}"#))
            #expect(label["InvalidLabels"] as? [String] == ["9bad"] && label["ParameterVersion"] as? Int == 1)
            let byLabel = try Self.json(try await client.ssm("GetParameter", #"{"Name":"/cfg/a:prod"}"#))["Parameter"] as? [String: Any]
            #expect(byLabel?["Value"] as? String == "one" && byLabel?["Selector"] as? String == ":prod")
            let many = try Self.json(try await client.ssm("GetParameters", #"{"Names":["/cfg/a:2","/cfg/a:7","/cfg/none"]}"#))
            #expect(many["InvalidParameters"] as? [String] == ["/cfg/a:7", "/cfg/none"])
            let missing = ErrorReply(try await client.ssm("GetParameter", #"{"Name":"/cfg/a:7"}"#))
            #expect(missing.code == "ParameterVersionNotFound"
                && missing.message == "Systems Manager could not find version 7 of /cfg/a. Verify the version and try again.", "\(missing)")
            let tags = ErrorReply(try await client.ssm("PutParameter", #"{"Name":"/cfg/a","Value":"x","Overwrite":true,"Tags":[{"Key":"k","Value":"v"}]}"#))
            #expect(tags.code == "ValidationException" && tags.message.hasPrefix("Invalid request: tags and overwrite can't be used together."))
            let badType = ErrorReply(try await client.ssm("PutParameter", #"{"Name":"/cfg/b","Value":"x","Type":"Secret"}"#))
            #expect(badType.code == "UnsupportedParameterType" && badType.message == "The parameter type isn't supported.", "\(badType)")
            let history = try Self.json(try await client.ssm("GetParameterHistory", #"{"Name":"/cfg/a"}"#))["Parameters"] as? [[String: Any]]
            #expect(history?.count == 2 && history?.first?["Labels"] as? [String] == ["prod"])
        }
    }

    @Test("creating, updating, labelling and deleting a parameter publish Parameter Store Change events")
    func changeEvents() async throws {
        try await TestPortless.withServer { (server: PortlessServer, client: SignedClient) async throws -> Void in
            let events = await server.events.subscribe()
            #expect(try await client.ssm("PutParameter", #"{"Name":"/ev/p","Value":"1","Type":"String","Description":"d"}"#).status == .ok)
            #expect(try await client.ssm("PutParameter", #"{"Name":"/ev/p","Value":"2","Overwrite":true}"#).status == .ok)
            #expect(try await client.ssm("LabelParameterVersion", #"{"Name":"/ev/p","Labels":["prod"]}"#).status == .ok)
            #expect(try await client.ssm("DeleteParameter", #"{"Name":"/ev/p"}"#).status == .ok)
            var seen: [EventEnvelope] = []
            for await event in events where event.detailType == ParameterEvents.detailType {
                seen.append(event)
                if seen.count == 4 { break }
            }
            #expect(seen.map { $0.detail["operation"]?.stringValue } == ["Create", "Update", "LabelParameterVersion", "Delete"])
            #expect(seen.allSatisfy { $0.source == "aws.ssm" && $0.detail["name"]?.stringValue == "/ev/p" && $0.detail["type"]?.stringValue == "String" })
            #expect(seen.first?.detail["description"]?.stringValue == "d")
            #expect(seen.first?.resources == ["arn:aws:ssm:us-east-1:\(client.accountId):parameter/ev/p"])
        }
    }
}
