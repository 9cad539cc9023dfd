import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortlessCore
import Testing

/// The scan API through `buildApplication`: bundles are validated before they are stored, bad scan requests
/// change nothing, and the scan bucket takes no writes but a scan's own result uploads.
@Suite("Scans through buildApplication")
struct ScanAPITests {
    static let bundle = try! ScanBundle(files: [
        TarEntry(path: "run.sh", bytes: Array("#!/bin/sh\n".utf8), mode: 0o755),
        TarEntry(path: "lib/common.sh", bytes: Array("# lib\n".utf8)),
        TarEntry(path: "checks/U-01.sh", bytes: Array("#!/bin/sh\n".utf8), mode: 0o755),
    ])

    static func push(_ client: SignedClient) async throws -> String {
        let archive = Data(bundle.archive).base64EncodedString()
        let reply = try await client.portless("PutScanBundle", #"{"Archive":"\#(archive)"}"#)
        #expect(reply.status == .ok)
        #expect(String(buffer: reply.body).contains(bundle.sha256))
        return bundle.sha256
    }

    @Test("a pushed bundle is listed under its SHA-256; a broken one is refused naming Archive")
    func bundles() async throws {
        try await TestPortless.withClient { client in
            let sha = try await Self.push(client)
            let listed = String(buffer: try await client.portless("ListScanBundles", "{}").body)
            #expect(listed.contains(sha) && listed.contains("\"CheckIds\":[\"U-01\"]"))
            for archive in ["%%%", Data("plain text".utf8).base64EncodedString()] {
                let error = ErrorReply(try await client.portless("PutScanBundle", #"{"Archive":"\#(archive)"}"#))
                #expect(error.status == 400 && error.code == "ValidationException" && error.message.contains("Archive"), "\(error)")
            }
        }
    }

    @Test("bad StartScan requests are refused naming the field, and no scan is made")
    func badRequests() async throws {
        try await TestPortless.withClient { client in
            _ = try await Self.push(client)
            let all = #"[{"Key":"InstanceIds","Values":["*"]}]"#
            let cases: [(String, String)] = [
                ("{}", "Targets"),
                (#"{"Targets":[{"Key":"color","Values":["x"]}]}"#, "Targets[0].Key"),
                (#"{"Targets":\#(all),"WindowSeconds":1}"#, "WindowSeconds"),
                (#"{"Targets":\#(all),"AccountIds":["1"]}"#, "AccountIds[0]"),
                (#"{"Targets":\#(all),"AccountIds":["111122223333"]}"#, "RoleName"),
                (#"{"Targets":\#(all),"BundleSha256":"xyz"}"#, "BundleSha256"),
                (#"{"Targets":\#(all),"BundleSha256":"\#(String(repeating: "0", count: 64))"}"#, "BundleSha256"),
                (#"{"Targets":\#(all),"CheckTimeoutSeconds":0}"#, "CheckTimeoutSeconds"),
            ]
            for (body, field) in cases {
                let error = ErrorReply(try await client.portless("StartScan", body))
                #expect(error.status == 400 && error.message.contains(field), "\(body): \(error)")
            }
            #expect(String(buffer: try await client.portless("ListScans", "{}").body) == #"{"Scans":[]}"#)
        }
    }

    @Test("a scan that matches no node finishes at once as Failed, saying why")
    func emptyScan() async throws {
        try await TestPortless.withClient { client in
            _ = try await Self.push(client)
            let reply = String(buffer: try await client.portless("StartScan", #"{"Targets":[{"Key":"tag:role","Values":["none"]}]}"#).body)
            #expect(reply.contains("\"Status\":\"Failed\"") && reply.contains("No node of this account matches the targets."))
            let scanId = try #require(reply.firstMatch(of: /scan-[0-9a-f]{17}/).map { String($0.output) })
            #expect(String(buffer: try await client.portless("GetScan", #"{"ScanId":"\#(scanId)"}"#).body).contains(scanId))
            let missing = ErrorReply(try await client.portless("GetScan", #"{"ScanId":"scan-00000000000000000"}"#))
            #expect(missing.message.contains("does not exist"))
        }
    }

    @Test("the scan bucket takes no write but a scan's own result upload, even from the account's root")
    func guardedBucket() async throws {
        try await TestPortless.withClient { client in
            _ = try await Self.push(client)
            let bucket = ScanLocations.bucket(accountId: client.accountId)
            let key = ScanLocations.resultKey(scanId: "scan-0123456789abcdef0", accountId: client.accountId, nodeId: "mi-0123456789abcdef0")
            let put = try await client.s3(.put, "/\(bucket)/\(key)", body: "{}")
            #expect(put.status == .forbidden && String(buffer: put.body).contains("presigned result URLs"))
            let overwrite = try await client.s3(.put, "/\(bucket)/\(ScanLocations.bundleKey(sha256: Self.bundle.sha256))", body: "x")
            #expect(overwrite.status == .forbidden)
            let delete = try await client.s3(.delete, "/\(bucket)/\(ScanLocations.bundleKey(sha256: Self.bundle.sha256))")
            #expect(delete.status == .forbidden && String(buffer: delete.body).contains("kept by Portless scans"))
            #expect(try await client.s3(.get, "/\(bucket)/\(ScanLocations.bundleKey(sha256: Self.bundle.sha256))").status == .ok)
        }
    }
}
