import Foundation
import PortlessCore

/// A managed policy as IAM shows it: the account's own, or one AWS manages.
enum ManagedPolicy: Sendable {
    case local(ManagedPolicyRecord)
    case aws(AWSManagedPolicy)

    var arn: String {
        switch self { case .local(let policy): policy.arn; case .aws(let policy): policy.arn }
    }
    var name: String {
        switch self { case .local(let policy): policy.policyName; case .aws(let policy): policy.name }
    }
    var path: String {
        switch self { case .local(let policy): policy.path; case .aws(let policy): policy.path }
    }
    var versions: [PolicyVersionRecord] {
        switch self {
        case .local(let policy): policy.versions
        case .aws(let policy): [PolicyVersionRecord(versionId: policy.versionId, document: policy.document, createDate: policy.updateDate)]
        }
    }
    var defaultVersionId: String {
        switch self { case .local(let policy): policy.defaultVersionId; case .aws(let policy): policy.versionId }
    }
    var tags: [Tag] {
        switch self { case .local(let policy): policy.tags; case .aws: [] }
    }
}
