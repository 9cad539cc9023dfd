/// An S3 error: code, HTTP status and message, sent as `<Error><Code>…</Code>…</Error>`.
struct S3Error: Error, Sendable, Equatable {
    var code: String
    var status: Int
    var message: String
    /// Extra elements S3 adds to some errors (e.g. `BucketName`, `Key`).
    var details: [String: String] = [:]

    init(_ code: String, _ status: Int, _ message: String, details: [String: String] = [:]) {
        self.code = code
        self.status = status
        self.message = message
        self.details = details
    }

    static func noSuchBucket(_ bucket: String) -> S3Error {
        S3Error("NoSuchBucket", 404, "The specified bucket does not exist", details: ["BucketName": bucket])
    }
    static func noSuchKey(_ key: String) -> S3Error {
        S3Error("NoSuchKey", 404, "The specified key does not exist.", details: ["Key": key])
    }
    static func invalidBucketName(_ bucket: String) -> S3Error {
        S3Error("InvalidBucketName", 400, "The specified bucket is not valid.", details: ["BucketName": bucket])
    }
    static func accessDenied(_ message: String = "Access Denied") -> S3Error { S3Error("AccessDenied", 403, message) }
    static func signatureDoesNotMatch() -> S3Error {
        S3Error("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. Check your key and signing method.")
    }
    static func invalidArgument(_ message: String, name: String? = nil) -> S3Error {
        S3Error("InvalidArgument", 400, message, details: name.map { ["ArgumentName": $0] } ?? [:])
    }
    static func invalidRequest(_ message: String) -> S3Error { S3Error("InvalidRequest", 400, message) }
    static func malformedXML() -> S3Error {
        S3Error("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema")
    }
    static func badDigest(_ message: String = "The Content-MD5 you specified did not match what we received.") -> S3Error {
        S3Error("BadDigest", 400, message)
    }
    static func entityTooLarge(_ limit: Int) -> S3Error {
        S3Error("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size.", details: ["MaxSizeAllowed": String(limit)])
    }
    static func incompleteBody() -> S3Error {
        S3Error("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header")
    }
    static func noSuchUpload(_ uploadId: String) -> S3Error {
        S3Error("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", details: ["UploadId": uploadId])
    }
    static func invalidPart(_ message: String = "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.") -> S3Error {
        S3Error("InvalidPart", 400, message)
    }
    static let internalError = S3Error("InternalError", 500, "We encountered an internal error. Please try again.")
}
