import Foundation
import HTTPTypes
import PortlessClient

extension ErrorRow {
    /// S3 (REST, `<Error>` XML). AWS's texts: S3's error-code table (Amazon S3 API reference, "Error
    /// responses"), moto's `s3/exceptions.py`, MinIO.
    static let s3: [ErrorRow] = [
        ErrorRow("S3: missing bucket", "NoSuchBucket", 404, .exact("The specified bucket does not exist"), source: "S3 error-code table") { client in
            try await client.s3(.get, "/nobucket")
        },
        ErrorRow("S3: missing key", "NoSuchKey", 404, .exact("The specified key does not exist."), source: "S3 error-code table") { client in
            _ = try await client.s3(.put, "/bucket1")
            return try await client.s3(.get, "/bucket1/nokey")
        },
        ErrorRow("S3: bucket created twice", "BucketAlreadyOwnedByYou", 409,
                 .exact("Your previous request to create the named bucket succeeded and you already own it."), source: "S3 error-code table") { client in
            _ = try await client.s3(.put, "/bucket1")
            return try await client.s3(.put, "/bucket1")
        },
        ErrorRow("S3: delete a bucket with objects", "BucketNotEmpty", 409, .exact("The bucket you tried to delete is not empty"),
                 source: "S3 error-code table") { client in
            _ = try await client.s3(.put, "/bucket1")
            _ = try await client.s3(.put, "/bucket1/key", body: "x")
            return try await client.s3(.delete, "/bucket1")
        },
        ErrorRow("S3: bad bucket name", "InvalidBucketName", 400, .exact("The specified bucket is not valid."), source: "S3 error-code table") { client in
            try await client.s3(.put, "/Bad_Bucket")
        },
        ErrorRow("S3: unsigned request", "AccessDenied", 403, .exact("Access Denied"), source: "S3 error-code table; moto s3") { client in
            try await client.unsigned(.get, "/", headers: [])
        },
        ErrorRow("S3: unknown access key", "InvalidAccessKeyId", 403, .exact("The AWS Access Key Id you provided does not exist in our records."),
                 source: "S3 error-code table") { client in
            try await client.s3(.get, "/", signing: .init(credentials: AWSCredentials(accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x")))
        },
        ErrorRow("S3: wrong secret", "SignatureDoesNotMatch", 403,
                 .exact("The request signature we calculated does not match the signature you provided. Check your key and signing method."),
                 source: "S3 error-code table; moto s3") { client in
            let keys = AWSCredentials(accessKeyId: client.credentials.accessKeyId, secretAccessKey: "not-the-secret")
            return try await client.s3(.get, "/", signing: .init(credentials: keys))
        },
        ErrorRow("S3: expired presigned URL", "AccessDenied", 403, .exact("Request has expired"), source: "S3 (presigned URLs); moto s3") { client in
            _ = try await client.s3(.put, "/bucket1")
            let url = client.presigned(.get, "/bucket1/key", expires: 60, date: Date(timeIntervalSinceNow: -3600))
            return try await client.unsigned(.get, url, headers: [])
        },
        ErrorRow("S3: presigned URL for more than a week", "AuthorizationQueryParametersError", 400,
                 .exact("X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds"),
                 source: "MinIO (S3's text)") { client in
            try await client.unsigned(.get, client.presigned(.get, "/bucket1/key", expires: 604_801, date: Date()), headers: [])
        },
    ]
}
