import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension S3Controller {
    func listBuckets(account: String) async -> Response {
        let buckets = await store.listBuckets(accountId: account)
        var inner = "<Buckets>"
        for bucket in buckets {
            inner += "<Bucket>" + S3XML.element("Name", bucket.name) + S3XML.element("CreationDate", S3XML.timestamp(bucket.created)) + "</Bucket>"
        }
        inner += "</Buckets>" + Self.owner(account)
        return S3XML.response(S3XML.document("ListAllMyBucketsResult", inner))
    }

    func createBucket(_ bucket: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        guard S3Names.isValidBucketName(bucket) else { throw S3Error.invalidBucketName(bucket) }
        let body = String(decoding: try await receiveSmall(request, auth: auth, limit: 64 << 10), as: UTF8.self)
        if !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard S3XML.hasRoot("CreateBucketConfiguration", body) else { throw S3Error.malformedXML() }
            if let constraint = S3XML.value("LocationConstraint", in: Substring(body)), !constraint.isEmpty, constraint != authenticator.region {
                throw S3Error("IllegalLocationConstraintException", 400,
                              "The \(constraint) location constraint is incompatible for the region specific endpoint this request was sent to.")
            }
        }
        try await store.createBucket(bucket, accountId: auth.principal.accountId)
        return Response(status: .ok, headers: [.location: "/\(bucket)", S3Headers.requestId: Identifiers.uuid(), .contentLength: "0"])
    }

    func listObjects(_ bucket: String, query: [String: String], account: String) async throws -> Response {
        _ = try await store.requireBucket(bucket, accountId: account)
        let isV2 = query["list-type"] == "2"
        let prefix = query["prefix"] ?? ""
        let delimiter = query["delimiter"].flatMap { $0.isEmpty ? nil : $0 }
        var maxKeys = 1000
        if let text = query["max-keys"] {
            guard let value = Int(text), value >= 0 else { throw S3Error.invalidArgument("Provided max-keys not an integer or within integer range", name: "max-keys") }
            maxKeys = min(value, 1000)
        }
        let urlEncoded = query["encoding-type"] == "url"
        if let encoding = query["encoding-type"], encoding != "url" {
            throw S3Error.invalidArgument("Invalid Encoding Method specified in Request", name: "encoding-type")
        }
        func text(_ value: String) -> String { urlEncoded ? SigV4URIEncoding.encode(value, keepSlash: true) : value }
        var marker: String?
        if isV2 {
            marker = query["start-after"].flatMap { $0.isEmpty ? nil : $0 }
            if let token = query["continuation-token"] {
                guard let bytes = S3Base64.decode(token), let decoded = String(validating: bytes, as: UTF8.self) else {
                    throw S3Error.invalidArgument("The continuation token provided is incorrect", name: "continuation-token")
                }
                marker = decoded
            }
        } else {
            marker = query["marker"].flatMap { $0.isEmpty ? nil : $0 }
        }
        let (listing, objects) = try await store.list(bucket: bucket, prefix: prefix, delimiter: delimiter, marker: marker, maxKeys: maxKeys)
        var inner = S3XML.element("Name", bucket) + S3XML.element("Prefix", text(prefix))
        if isV2 {
            inner += S3XML.element("KeyCount", String(listing.count))
            if let token = query["continuation-token"] { inner += S3XML.element("ContinuationToken", token) }
            if let next = listing.nextMarker { inner += S3XML.element("NextContinuationToken", S3Base64.encode(Array(next.utf8))) }
            if let startAfter = query["start-after"] { inner += S3XML.element("StartAfter", text(startAfter)) }
        } else {
            inner += S3XML.element("Marker", text(query["marker"] ?? ""))
            if delimiter != nil, let next = listing.nextMarker { inner += S3XML.element("NextMarker", text(next)) }
        }
        inner += S3XML.element("MaxKeys", String(maxKeys))
        if let delimiter { inner += S3XML.element("Delimiter", text(delimiter)) }
        if urlEncoded { inner += S3XML.element("EncodingType", "url") }
        inner += S3XML.element("IsTruncated", listing.isTruncated ? "true" : "false")
        for object in objects {
            inner += "<Contents>" + S3XML.element("Key", text(object.key)) + S3XML.element("LastModified", S3XML.timestamp(object.lastModified))
                + S3XML.element("ETag", object.etag) + S3XML.element("Size", String(object.size))
                + (isV2 && query["fetch-owner"] != "true" ? "" : Self.owner(account))
                + S3XML.element("StorageClass", "STANDARD") + "</Contents>"
        }
        for common in listing.commonPrefixes {
            inner += "<CommonPrefixes>" + S3XML.element("Prefix", text(common)) + "</CommonPrefixes>"
        }
        return S3XML.response(S3XML.document("ListBucketResult", inner))
    }

    func deleteObjects(_ bucket: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        _ = try await store.bucket(bucket)
        let body = String(decoding: try await receiveSmall(request, auth: auth), as: UTF8.self)
        guard S3XML.hasRoot("Delete", body) else { throw S3Error.malformedXML() }
        let objects = S3XML.elements("Object", in: Substring(body))
        guard !objects.isEmpty, objects.count <= 1000 else { throw S3Error.malformedXML() }
        let quiet = S3XML.value("Quiet", in: Substring(body))?.lowercased() == "true"
        var inner = ""
        for object in objects {
            guard let key = S3XML.value("Key", in: object) else { throw S3Error.malformedXML() }
            if let problem = S3Names.keyProblem(key) {
                inner += "<Error>" + S3XML.element("Key", key) + S3XML.element("Code", "InvalidArgument") + S3XML.element("Message", problem) + "</Error>"
                continue
            }
            try await store.delete(bucket: bucket, key: key)
            if !quiet { inner += "<Deleted>" + S3XML.element("Key", key) + "</Deleted>" }
        }
        return S3XML.response(S3XML.document("DeleteResult", inner))
    }
}
