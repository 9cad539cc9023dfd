import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PortlessCore

extension S3Controller {
    func putObject(_ bucket: String, key: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        _ = try await store.bucket(bucket)
        let received = try await receive(request, auth: auth)
        let parts = Self.objectHeaders(request.headers)
        let metadata = ObjectMetadata(key: key, blob: "", size: received.digests.size, etag: S3ETag.quoted(md5: received.digests.md5),
                                      lastModified: Date(), contentType: parts.contentType, headers: parts.stored, userMetadata: parts.user,
                                      checksumCRC32: received.digests.crc32Base64)
        let stored = try await store.commit(bucket: bucket, staged: received.url, metadata: metadata)
        var headers = received.echo
        headers[.eTag] = stored.etag
        headers[S3Headers.requestId] = Identifiers.uuid()
        headers[.contentLength] = "0"
        return Response(status: .ok, headers: headers)
    }

    /// Opens the object's bytes; retries once if it was replaced between the lookup and the open.
    private func open(_ bucket: String, key: String) async throws -> (ObjectMetadata, FileHandle) {
        for _ in 0..<2 {
            let metadata = try await store.metadata(bucket: bucket, key: key)
            if let handle = try? FileHandle(forReadingFrom: store.blobURL(bucket: bucket, blob: metadata.blob)) {
                return (metadata, handle)
            }
        }
        throw S3Error.noSuchKey(key)
    }

    func getObject(_ bucket: String, key: String, request: Request, account: String) async throws -> Response {
        _ = try await store.requireBucket(bucket, accountId: account)
        let (metadata, handle) = try await open(bucket, key: key)
        var headers = HTTPFields()
        headers[S3Headers.requestId] = Identifiers.uuid()
        headers[.eTag] = metadata.etag
        headers[.lastModified] = S3XML.httpDate(metadata.lastModified)
        headers[.acceptRanges] = "bytes"
        headers[.contentType] = metadata.contentType ?? "binary/octet-stream"
        for (name, value) in metadata.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        for (name, value) in metadata.userMetadata.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name("x-amz-meta-" + name) { headers[field] = value }
        }
        if let parts = metadata.partCount { headers[HTTPField.Name("x-amz-mp-parts-count")!] = String(parts) }
        var status = HTTPResponse.Status.ok
        var range = ByteRange(first: 0, last: metadata.size - 1)
        switch ByteRange.resolve(request.headers[.range], size: metadata.size) {
        case .whole:
            if request.headers[S3Headers.checksumMode]?.uppercased() == "ENABLED", let crc = metadata.checksumCRC32 {
                headers[S3Headers.checksumCRC32] = crc
            }
        case .partial(let part):
            range = part
            status = .partialContent
            headers[.contentRange] = "bytes \(part.first)-\(part.last)/\(metadata.size)"
        case .unsatisfiable:
            try? handle.close()
            throw S3Error("InvalidRange", 416, "The requested range is not satisfiable",
                          details: ["RangeRequested": request.headers[.range] ?? "", "ActualObjectSize": String(metadata.size)])
        }
        let count = max(0, range.count)
        headers[.contentLength] = String(count)
        if request.method == .head {
            try? handle.close()
            return Response(status: status, headers: headers)
        }
        let first = range.first
        let body = ResponseBody(contentLength: count) { writer in
            defer { try? handle.close() }
            if first > 0 { try handle.seek(toOffset: UInt64(first)) }
            var remaining = count
            while remaining > 0 {
                guard let chunk = try handle.read(upToCount: min(remaining, 1 << 18)), !chunk.isEmpty else { break }
                remaining -= chunk.count
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    func copyObject(_ bucket: String, key: String, request: Request, auth: S3Authenticator.Outcome) async throws -> Response {
        _ = try await store.bucket(bucket)
        var source = request.headers[S3Headers.copySource] ?? ""
        if let question = source.firstIndex(of: "?") { source = String(source[..<question]) }
        source = SigV4URIEncoding.decode(source, plusAsSpace: false)
        if source.hasPrefix("/") { source.removeFirst() }
        guard let slash = source.firstIndex(of: "/"), slash != source.startIndex, source.index(after: slash) != source.endIndex else {
            throw S3Error.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey", name: "x-amz-copy-source")
        }
        let sourceBucket = String(source[..<slash]), sourceKey = String(source[source.index(after: slash)...])
        try await authorizeRead(bucket: sourceBucket, key: sourceKey, principal: auth.principal)
        _ = try await receiveSmall(request, auth: auth)
        let (original, handle) = try await open(sourceBucket, key: sourceKey)
        let staging = try StagingFile(url: store.temporaryURL(), limit: store.maximumObjectSize)
        let digests: StagingFile.Digests
        do {
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try await staging.write(ByteBuffer(bytes: chunk))
            }
            digests = try await staging.finish()
        } catch {
            staging.discard()
            throw error
        }
        var metadata = original
        metadata.key = key
        metadata.size = digests.size
        metadata.etag = S3ETag.quoted(md5: digests.md5)
        metadata.checksumCRC32 = digests.crc32Base64
        metadata.partCount = nil
        metadata.lastModified = Date()
        if request.headers[S3Headers.metadataDirective]?.uppercased() == "REPLACE" {
            let parts = Self.objectHeaders(request.headers)
            metadata.contentType = parts.contentType
            metadata.headers = parts.stored
            metadata.userMetadata = parts.user
        }
        let stored = try await store.commit(bucket: bucket, staged: staging.url, metadata: metadata)
        return S3XML.response(S3XML.document("CopyObjectResult",
                                             S3XML.element("ETag", stored.etag) + S3XML.element("LastModified", S3XML.timestamp(stored.lastModified))))
    }
}
