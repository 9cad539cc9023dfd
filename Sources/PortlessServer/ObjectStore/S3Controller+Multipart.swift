import Foundation
import HTTPTypes
import Hummingbird
import PortlessCore

extension S3Controller {
    /// The smallest part S3 accepts, except for the last one.
    static let minimumPartSize = 5 << 20

    func createMultipartUpload(_ bucket: String, key: String, request: Request, account: String) async throws -> Response {
        _ = try await store.requireBucket(bucket, accountId: account)
        let parts = Self.objectHeaders(request.headers)
        let uploadId = Identifiers.uuid().replacingOccurrences(of: "-", with: "").lowercased()
        try multipart.create(MultipartUpload(uploadId: uploadId, bucket: bucket, key: key, accountId: account, initiated: Date(),
                                             contentType: parts.contentType, headers: parts.stored, userMetadata: parts.user))
        return S3XML.response(S3XML.document("InitiateMultipartUploadResult",
                                             S3XML.element("Bucket", bucket) + S3XML.element("Key", key) + S3XML.element("UploadId", uploadId)))
    }

    func uploadPart(_ bucket: String, key: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        _ = try await store.bucket(bucket)
        let uploadId = request.uri.queryParameters["uploadId"].map(String.init) ?? ""
        guard let text = request.uri.queryParameters["partNumber"], let number = Int(text), (1...10_000).contains(number) else {
            throw S3Error.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", name: "partNumber")
        }
        guard request.headers[S3Headers.copySource] == nil else {
            throw S3Error("NotImplemented", 501, "UploadPartCopy is not implemented.")
        }
        _ = try multipart.upload(uploadId, bucket: bucket, key: key)
        let received = try await receive(request, auth: auth)
        let part = UploadedPart(partNumber: number, etag: S3ETag.quoted(md5: received.digests.md5), size: received.digests.size,
                                lastModified: Date(), checksumCRC32: received.digests.crc32Base64)
        do {
            _ = try multipart.upload(uploadId, bucket: bucket, key: key)
            try multipart.storePart(uploadId, staged: received.url, part: part)
        } catch {
            try? FileManager.default.removeItem(at: received.url)
            throw error is S3Error ? error : S3Error.noSuchUpload(uploadId)
        }
        var headers = received.echo
        headers[.eTag] = part.etag
        headers[S3Headers.requestId] = Identifiers.uuid()
        headers[.contentLength] = "0"
        return Response(status: .ok, headers: headers)
    }

    func completeMultipartUpload(_ bucket: String, key: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        _ = try await store.bucket(bucket)
        let uploadId = request.uri.queryParameters["uploadId"].map(String.init) ?? ""
        let upload = try multipart.upload(uploadId, bucket: bucket, key: key)
        let body = String(decoding: try await receiveSmall(request, auth: auth), as: UTF8.self)
        guard S3XML.hasRoot("CompleteMultipartUpload", body) else { throw S3Error.malformedXML() }
        var requested: [(number: Int, etag: String)] = []
        for part in S3XML.elements("Part", in: Substring(body)) {
            guard let numberText = S3XML.value("PartNumber", in: part), let number = Int(numberText),
                  let etag = S3XML.value("ETag", in: part) else { throw S3Error.malformedXML() }
            requested.append((number, etag))
        }
        guard !requested.isEmpty else { throw S3Error.malformedXML() }
        for (previous, next) in zip(requested, requested.dropFirst()) where next.number <= previous.number {
            throw S3Error("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts must be ordered by part number.")
        }
        let uploaded = Dictionary(multipart.parts(uploadId).map { ($0.partNumber, $0) }, uniquingKeysWith: { $1 })
        func bare(_ etag: String) -> String { etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        var chosen: [UploadedPart] = []
        for (index, entry) in requested.enumerated() {
            guard let part = uploaded[entry.number], bare(part.etag) == bare(entry.etag) else { throw S3Error.invalidPart() }
            if index < requested.count - 1, part.size < Self.minimumPartSize {
                throw S3Error("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size.")
            }
            chosen.append(part)
        }
        // Each part's MD5 was taken at upload and the object's ETag is made of those; the parts are only joined.
        let assembled = store.temporaryURL()
        try multipart.assemble(uploadId, parts: chosen.map(\.partNumber), into: assembled)
        let etag = S3ETag.multipart(partMD5s: chosen.map { S3ETag.md5Bytes(ofQuoted: $0.etag) ?? [] })
        let metadata = ObjectMetadata(key: key, blob: "", size: chosen.reduce(0) { $0 + $1.size }, etag: etag, lastModified: Date(),
                                      contentType: upload.contentType, headers: upload.headers, userMetadata: upload.userMetadata,
                                      checksumCRC32: nil, partCount: chosen.count)
        let stored = try await store.commit(bucket: bucket, staged: assembled, metadata: metadata)
        multipart.remove(uploadId)
        let host = request.head.authority ?? "localhost"
        let location = "http://\(host)/\(bucket)/\(SigV4URIEncoding.encode(key, keepSlash: true))"
        return S3XML.response(S3XML.document("CompleteMultipartUploadResult",
                                             S3XML.element("Location", location) + S3XML.element("Bucket", bucket)
                                                 + S3XML.element("Key", key) + S3XML.element("ETag", stored.etag)))
    }

    func abortUpload(_ bucket: String, key: String, uploadId: String, account: String) async throws -> Response {
        _ = try await store.requireBucket(bucket, accountId: account)
        _ = try multipart.upload(uploadId, bucket: bucket, key: key)
        multipart.remove(uploadId)
        return Response(status: .noContent, headers: [S3Headers.requestId: Identifiers.uuid()])
    }

    func listParts(_ bucket: String, key: String, query: [String: String], account: String) async throws -> Response {
        _ = try await store.requireBucket(bucket, accountId: account)
        let uploadId = query["uploadId"] ?? ""
        let upload = try multipart.upload(uploadId, bucket: bucket, key: key)
        let maxParts = min(Int(query["max-parts"] ?? "") ?? 1000, 1000)
        let marker = Int(query["part-number-marker"] ?? "") ?? 0
        let all = multipart.parts(uploadId).filter { $0.partNumber > marker }
        let page = Array(all.prefix(maxParts))
        var inner = S3XML.element("Bucket", bucket) + S3XML.element("Key", key) + S3XML.element("UploadId", uploadId)
            + "<Initiator>" + S3XML.element("ID", upload.accountId) + S3XML.element("DisplayName", upload.accountId) + "</Initiator>"
            + Self.owner(upload.accountId) + S3XML.element("StorageClass", "STANDARD")
            + S3XML.element("PartNumberMarker", String(marker))
            + S3XML.element("NextPartNumberMarker", String(page.last?.partNumber ?? marker))
            + S3XML.element("MaxParts", String(maxParts)) + S3XML.element("IsTruncated", all.count > page.count ? "true" : "false")
        for part in page {
            inner += "<Part>" + S3XML.element("PartNumber", String(part.partNumber)) + S3XML.element("LastModified", S3XML.timestamp(part.lastModified))
                + S3XML.element("ETag", part.etag) + S3XML.element("Size", String(part.size)) + "</Part>"
        }
        return S3XML.response(S3XML.document("ListPartsResult", inner))
    }

    func listMultipartUploads(_ bucket: String, account: String) async throws -> Response {
        _ = try await store.requireBucket(bucket, accountId: account)
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: multipart.directory.path)) ?? []
        var inner = S3XML.element("Bucket", bucket) + S3XML.element("KeyMarker", "") + S3XML.element("UploadIdMarker", "")
            + S3XML.element("MaxUploads", "1000") + S3XML.element("IsTruncated", "false")
        for id in ids.sorted() {
            guard MultipartStore.isValidUploadId(id),
                  let data = try? Data(contentsOf: multipart.directory.appendingPathComponent(id).appendingPathComponent("upload.json")),
                  let upload = try? JSONDecoder().decode(MultipartUpload.self, from: data), upload.bucket == bucket else { continue }
            inner += "<Upload>" + S3XML.element("Key", upload.key) + S3XML.element("UploadId", upload.uploadId)
                + S3XML.element("StorageClass", "STANDARD") + S3XML.element("Initiated", S3XML.timestamp(upload.initiated)) + "</Upload>"
        }
        return S3XML.response(S3XML.document("ListMultipartUploadsResult", inner))
    }
}
