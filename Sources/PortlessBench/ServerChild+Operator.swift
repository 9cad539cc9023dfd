import Foundation
import PortlessClient
import PortlessCore

extension ServerChild {
    /// An SSM client signing as a fresh IAM user with `AmazonSSMFullAccess` (made by the root key), so that
    /// every call goes through the policy evaluator rather than the root's short path.
    func operatorClient() async throws -> SSMClient {
        let iam = QueryClient(configuration: client.configuration, service: "iam", version: "2010-05-08")
        _ = try await iam.call("CreateUser", [("UserName", "bench-operator")])
        _ = try await iam.call("AttachUserPolicy", [("UserName", "bench-operator"), ("PolicyArn", "arn:aws:iam::aws:policy/AmazonSSMFullAccess")])
        let key = try await iam.call("CreateAccessKey", [("UserName", "bench-operator")])
        guard let id = key.first("AccessKeyId"), let secret = key.first("SecretAccessKey") else {
            throw BenchError("CreateAccessKey reply without a key: \(key.text)")
        }
        var configuration = client.configuration
        configuration.credentials = AWSCredentials(accessKeyId: id, secretAccessKey: secret)
        let operatorClient = SSMClient(configuration: configuration)
        // An operator's first call reads and compiles its policies; the measured SendCommand is not the first.
        _ = try await operatorClient.call("AmazonSSM.ListCommands", .object(["MaxResults": .number(1)]))
        return operatorClient
    }
}
