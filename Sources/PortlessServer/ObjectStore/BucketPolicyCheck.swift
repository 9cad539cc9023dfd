import PortlessCore

/// Checks a bucket policy at write time and words refusals as S3 does (`MalformedPolicy`).
enum BucketPolicyCheck {
    static func validate(_ text: String) throws {
        do {
            _ = try Policy(json: text, kind: .resource, field: "Policy")
        } catch let error as PortlessError {
            throw S3Error("MalformedPolicy", 400, error.message)
        }
    }
}
