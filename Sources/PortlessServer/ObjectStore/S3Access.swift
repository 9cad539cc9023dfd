import HTTPTypes
import PortlessCore

/// The IAM action, resource and S3 condition keys of a path-style S3 request, as S3's authorization
/// reference names them (`HEAD` of a bucket is `s3:ListBucket`, of an object `s3:GetObject`; multipart
/// steps are `s3:PutObject` except listing and aborting; a copy also needs `s3:GetObject` on its source).
struct S3Access: Sendable {
    var action: String
    /// `arn:aws:s3:::BUCKET`, `arn:aws:s3:::BUCKET/KEY`, or `*` for the service.
    var arn: String
    var keys: [String: [ConditionValue]] = [:]

    init(action: String, arn: String, keys: [String: [ConditionValue]] = [:]) {
        self.action = action
        self.arn = arn
        self.keys = keys
    }

    /// The access `method` on `target` asks for; nil for a method S3 does not have there.
    static func of(_ method: HTTPRequest.Method, _ target: S3Target) -> S3Access? {
        guard let bucket = target.bucket else { return method == .get ? S3Access(action: "s3:ListAllMyBuckets", arn: "*") : nil }
        let query = target.query
        let bucketArn = "arn:aws:s3:::\(bucket)"
        guard let key = target.key else {
            let action: String? = switch method {
            case .put where query["policy"] != nil: "s3:PutBucketPolicy"
            case .get where query["policy"] != nil: "s3:GetBucketPolicy"
            case .delete where query["policy"] != nil: "s3:DeleteBucketPolicy"
            case .put: "s3:CreateBucket"
            case .delete: "s3:DeleteBucket"
            case .get where query["location"] != nil: "s3:GetBucketLocation"
            case .get where query["uploads"] != nil: "s3:ListBucketMultipartUploads"
            case .get, .head: "s3:ListBucket"
            case .post where query["delete"] != nil: "s3:DeleteObject"
            default: nil
            }
            guard let action else { return nil }
            var keys: [String: [ConditionValue]] = [:]
            if action == "s3:ListBucket" && method == .get {
                keys["s3:prefix"] = [.string(query["prefix"] ?? "")]
                if let delimiter = query["delimiter"] { keys["s3:delimiter"] = [.string(delimiter)] }
                if let maxKeys = query["max-keys"].flatMap(Double.init) { keys["s3:max-keys"] = [.number(maxKeys)] }
            }
            return S3Access(action: action, arn: bucketArn, keys: keys)
        }
        let action: String? = switch method {
        case .put: "s3:PutObject"
        case .post where query["uploads"] != nil || query["uploadId"] != nil: "s3:PutObject"
        case .get where query["uploadId"] != nil: "s3:ListMultipartUploadParts"
        case .get, .head: "s3:GetObject"
        case .delete where query["uploadId"] != nil: "s3:AbortMultipartUpload"
        case .delete: "s3:DeleteObject"
        default: nil
        }
        guard let action else { return nil }
        return S3Access(action: action, arn: "\(bucketArn)/\(key)")
    }
}
