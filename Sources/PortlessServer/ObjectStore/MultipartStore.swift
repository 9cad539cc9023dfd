import Foundation

/// Multipart uploads on disk: `uploads/<uploadId>/upload.json`, `part-<n>` and `part-<n>.json`.
/// A part is staged elsewhere and renamed in, so a part file is always whole.
struct MultipartStore: Sendable {
    let directory: URL

    /// Upload IDs are ours (hex), so a valid one is always a safe file name.
    static func isValidUploadId(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private func uploadDirectory(_ id: String) -> URL { directory.appendingPathComponent(id) }

    func create(_ upload: MultipartUpload) throws {
        let dir = uploadDirectory(upload.uploadId)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try JSONEncoder().encode(upload).write(to: dir.appendingPathComponent("upload.json"), options: .atomic)
    }

    /// The upload, if it exists and is for `bucket`/`key`; NoSuchUpload otherwise.
    func upload(_ id: String, bucket: String, key: String) throws -> MultipartUpload {
        guard Self.isValidUploadId(id),
              let data = try? Data(contentsOf: uploadDirectory(id).appendingPathComponent("upload.json")),
              let upload = try? JSONDecoder().decode(MultipartUpload.self, from: data),
              upload.bucket == bucket, upload.key == key
        else { throw S3Error.noSuchUpload(id) }
        return upload
    }

    func partURL(_ id: String, _ number: Int) -> URL {
        uploadDirectory(id).appendingPathComponent("part-\(number)")
    }

    /// Moves a staged part into place with its record (replacing an earlier upload of the same number).
    func storePart(_ id: String, staged: URL, part: UploadedPart) throws {
        let target = partURL(id, part.partNumber)
        _ = try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: staged, to: target)
        try JSONEncoder().encode(part).write(to: uploadDirectory(id).appendingPathComponent("part-\(part.partNumber).json"), options: .atomic)
    }

    /// Writes the named parts one after another into a new file at `url` (removed again on failure).
    func assemble(_ id: String, parts: [Int], into url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw S3Error.internalError
        }
        do {
            let output = try FileHandle(forWritingTo: url)
            defer { try? output.close() }
            for number in parts {
                let input = try FileHandle(forReadingFrom: partURL(id, number))
                defer { try? input.close() }
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try output.write(contentsOf: chunk)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }

    /// The uploaded parts, by part number.
    func parts(_ id: String) -> [UploadedPart] {
        let dir = uploadDirectory(id)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let decoder = JSONDecoder()
        return names.filter { $0.hasPrefix("part-") && $0.hasSuffix(".json") }
            .compactMap { name in (try? Data(contentsOf: dir.appendingPathComponent(name))).flatMap { try? decoder.decode(UploadedPart.self, from: $0) } }
            .sorted { $0.partNumber < $1.partNumber }
    }

    func remove(_ id: String) {
        try? FileManager.default.removeItem(at: uploadDirectory(id))
    }
}
