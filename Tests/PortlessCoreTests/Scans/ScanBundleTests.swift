import Foundation
@testable import PortlessCore
import Testing

// Bundles travel as gzipped ustar archives named by their SHA-256; reading one refuses anything but
// regular files inside the bundle, and a bundle without its runner, library or checks.

private let minimal = [
    TarEntry(path: "run.sh", bytes: Array("#!/bin/sh\n".utf8), mode: 0o755),
    TarEntry(path: "lib/common.sh", bytes: Array("# lib\n".utf8)),
    TarEntry(path: "checks/U-01.sh", bytes: Array("#!/bin/sh\n# id: U-01\n".utf8), mode: 0o755),
    TarEntry(path: "checks/U-02.sh", bytes: Array(repeating: UInt8(ascii: "x"), count: 1500)),
]

@Suite("Scan bundles")
struct ScanBundleTests {
    @Test func packingIsDeterministicAndRoundTrips() throws {
        let bundle = try ScanBundle(files: minimal.reversed())
        #expect(try ScanBundle(files: minimal).sha256 == bundle.sha256)
        #expect(bundle.checkIds == ["U-01", "U-02"])
        let read = try ScanBundle(archive: bundle.archive)
        #expect(read.files == minimal.sorted { $0.path < $1.path })
        #expect(read.sha256 == bundle.sha256)
        #expect(read.files.first { $0.path == "run.sh" }?.mode == 0o755)
    }

    @Test func systemTarReadsWhatWeWrite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let archive = directory.appendingPathComponent("b.tar.gz")
        try Data(try ScanBundle(files: minimal).archive).write(to: archive)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        tar.arguments = ["-xzf", archive.path, "-C", directory.path]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("checks/U-01.sh"), encoding: .utf8) == "#!/bin/sh\n# id: U-01\n")
    }

    @Test(arguments: [
        ([TarEntry(path: "lib/common.sh", bytes: []), TarEntry(path: "checks/U-01.sh", bytes: [])], "run.sh"),
        ([TarEntry(path: "run.sh", bytes: []), TarEntry(path: "checks/U-01.sh", bytes: [])], "lib/common.sh"),
        ([TarEntry(path: "run.sh", bytes: []), TarEntry(path: "lib/common.sh", bytes: [])], "checks/U-NN.sh"),
    ])
    func incompleteBundlesAreRefused(files: [TarEntry], missing: String) {
        #expect { try ScanBundle(files: files) } throws: { ($0 as? BundleError)?.message.contains(missing) == true }
    }

    @Test(arguments: ["../escape.sh", "/etc/passwd", "checks/../../x"])
    func pathsLeavingTheBundleAreRefused(path: String) throws {
        var archive = try TarArchive.write(minimal)
        // Splice a hostile name into the first header (and fix its checksum) to mimic a crafted archive.
        archive.replaceSubrange(0..<100, with: Array(path.utf8) + [UInt8](repeating: 0, count: 100 - path.utf8.count))
        archive.replaceSubrange(148..<156, with: [UInt8](repeating: UInt8(ascii: " "), count: 8))
        let sum = String(archive[0..<512].reduce(0) { $0 + Int($1) }, radix: 8)
        archive.replaceSubrange(148..<155, with: Array(String(repeating: "0", count: 6 - sum.count).utf8) + Array(sum.utf8) + [0])
        #expect { try TarArchive.read(archive) } throws: { ($0 as? BundleError)?.message.contains("leaves the bundle") == true }
    }

    @Test func garbageAndBombsAreRefused() throws {
        #expect(throws: BundleError.self) { try ScanBundle(archive: Array("not gzip".utf8)) }
        let bomb = try Gzip.compress([UInt8](repeating: 0, count: 2 << 20))
        #expect { try Gzip.decompress(bomb, limit: 1 << 20) } throws: { ($0 as? GzipError)?.message.contains("more than") == true }
    }
}

@Suite("Scan locations and document")
struct ScanLocationTests {
    @Test func resultKeysNameScanAccountAndNode() {
        let key = ScanLocations.resultKey(scanId: "scan-0123456789abcdef0", accountId: "111122223333", nodeId: "mi-0123456789abcdef0")
        let parsed = ScanLocations.result(key: key)
        #expect(parsed?.scanId == "scan-0123456789abcdef0" && parsed?.accountId == "111122223333" && parsed?.nodeId == "mi-0123456789abcdef0")
        #expect(ScanLocations.result(key: "results/scan-0123456789abcdef0/111122223333/../x.ndjson") == nil)
        #expect(ScanLocations.result(key: "bundles/abc.tar.gz") == nil)
        #expect(ScanLocations.isScanBucket("portless-scans-111122223333"))
        #expect(!ScanLocations.isScanBucket("portless-scans-evil"))
    }

    @Test func theDocumentAcceptsOnlyThisServersObjectStore() throws {
        let content = ScanDocument.content(endpoint: "http://127.0.0.1:8580")
        let document = try JSONDecoder().decode(CommandDocument.self, from: Data(content.utf8))
        let sha = String(repeating: "a", count: 64)
        let own = "http://127.0.0.1:8580/portless-scans-111122223333/bundles/\(sha).tar.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12"
        func plan(_ url: String) throws -> StepPlan? {
            try CommandPlanner.plan(document, parameters: ["bundleUrl": [url], "bundleSha256": [sha], "scanId": ["scan-0123456789abcdef0"],
                                                           "accountId": ["111122223333"],
                                                           "workingDirectory": ["/var/tmp/portless-scan/scan-0123456789abcdef0"]]).steps.first
        }
        #expect(try plan(own) != nil)
        for hostile in [own.replacingOccurrences(of: "127.0.0.1", with: "127.0.0.2"), own.replacingOccurrences(of: "http:", with: "https:"),
                        own + "&x=$(id)", "http://127.0.0.1:8580/other-bucket/bundles/\(sha).tar.gz?X-Amz-Signature=1"] {
            #expect(throws: PortlessError.self) { try plan(hostile) }
        }
        #expect(throws: PortlessError.self) {
            try CommandPlanner.plan(document, parameters: ["bundleUrl": [own], "bundleSha256": [sha], "scanId": ["scan-0123456789abcdef0"],
                                                           "accountId": ["111122223333"], "workingDirectory": ["/tmp"]])
        }
    }
}
