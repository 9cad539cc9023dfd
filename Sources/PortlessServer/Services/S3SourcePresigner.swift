import Foundation
import PortlessCore

/// Turns `aws:downloadContent` steps with `sourceType: S3` into HTTP downloads of a presigned URL,
/// made when the command is sent: nodes fetch objects from the Portless object store without
/// holding any credentials, and a missing bucket or object is refused before anything runs.
struct S3SourcePresigner: Sendable {
    let objects: ObjectStore
    let keys: AccessKeyResolver
    let endpoint: ServerEndpoint
    let region: String

    func rewrite(_ steps: [StepPlan], principal: Principal, validFor seconds: Int, path: String = "mainSteps") async throws -> [StepPlan] {
        var rewritten = steps
        for index in rewritten.indices {
            let field = "\(path)[\(index)].inputs"
            if let nested = rewritten[index].nested {
                rewritten[index].nested = try await rewrite(nested, principal: principal, validFor: seconds, path: "\(field).documentPath")
            }
            guard rewritten[index].action == "aws:downloadContent", case .object(var inputs) = rewritten[index].inputs,
                  inputs["sourceType"]?.stringValue == "S3" else { continue }
            let (bucket, key) = try Self.location(inputs["sourceInfo"], field: "\(field).sourceInfo")
            do {
                _ = try await objects.requireBucket(bucket, accountId: principal.accountId)
                _ = try await objects.metadata(bucket: bucket, key: key)
            } catch {
                throw PortlessError(.invalidParameters, "s3://\(bucket)/\(key) does not exist or is not yours.", field: "\(field).sourceInfo")
            }
            guard !principal.isTemporary else {
                throw PortlessError(.invalidParameters, "Presigning an S3 source needs long-term credentials; temporary ones cannot be used.",
                                    field: "\(field).sourceInfo")
            }
            let secret = try await keys.resolve(accessKeyId: principal.accessKeyId, securityToken: nil).secret
            guard let base = URL(string: endpoint.value) else { throw PortlessError(.internalServerError, "The server address is not known yet.") }
            let presigner = S3Presigner(endpoint: base, accessKeyId: principal.accessKeyId, secretAccessKey: secret, region: region)
            let url = try presigner.download(bucket: bucket, key: key, expires: min(max(seconds, 60), SigV4PresignedQuery.maximumExpires))
            inputs["sourceType"] = .string("HTTP")
            inputs["sourceInfo"] = .object(["url": .string(url.absoluteString)])
            rewritten[index].inputs = .object(inputs)
        }
        return rewritten
    }

    /// `sourceInfo.path` as `s3://bucket/key` or a path-style URL `https://host/bucket/key`.
    static func location(_ value: JSONValue?, field: String) throws -> (bucket: String, key: String) {
        var info = value
        if let text = value?.stringValue { info = try? WireCoding.decoder().decode(JSONValue.self, from: Data(text.utf8)) }
        guard let path = info?["path"]?.stringValue, let url = URL(string: path) else {
            throw PortlessError(.invalidParameters, "An S3 sourceInfo needs a path: s3://bucket/key or a path-style URL.", field: field)
        }
        var rest: Substring
        if path.hasPrefix("s3://") {
            rest = path.dropFirst("s3://".count)
        } else {
            rest = Substring(url.path)
            while rest.hasPrefix("/") { rest = rest.dropFirst() }
        }
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw PortlessError(.invalidParameters, "'\(path)' does not name a bucket and a key.", field: field)
        }
        return (String(parts[0]), String(parts[1]).removingPercentEncoding ?? String(parts[1]))
    }
}
