import Foundation
@testable import PortlessCore
import Testing

// SigV4 checked against botocore, the reference signer: tests/oracle/sigv4_vectors.py
// generates requests with a seeded RNG, signs them with botocore and reports what it
// computed. If python3 or botocore is missing these tests FAIL (they do not skip).

/// One request signed by botocore (see tests/oracle/sigv4_vectors.py for the fields).
fileprivate struct SigV4Vector: Decodable, Sendable {
    var id: Int
    var kind: String
    var signer: String
    var method: String
    var service: String
    var region: String
    var host: String
    var accessKey: String
    var secretKey: String
    var sessionToken: String?
    var amzDate: String
    var expires: Int?
    var path: String
    var query: String
    var presignInputQuery: String?
    var inputHeaders: [[String]]
    var headers: [[String]]
    var bodyB64: String
    var payloadHash: String
    var signedHeaders: String
    var canonicalRequest: String
    var stringToSign: String
    var signature: String
    var authorization: String?
    var repeatedQueryKeys: Bool

    var isPresigned: Bool { kind == "presign" }
    var scope: SigV4Scope { SigV4Scope(date: String(amzDate.prefix(8)), region: region, service: service) }
    var body: [UInt8] { Array(Data(base64Encoded: bodyB64) ?? Data()) }
    var wireHeaders: [(name: String, value: String)] { Self.pairs(headers) }
    var unsignedHeaders: [(name: String, value: String)] { Self.pairs(inputHeaders) }
    var label: String { "vector \(id) (\(signer) \(method) \(service) \(path)?\(query))" }

    static func pairs(_ list: [[String]]) -> [(name: String, value: String)] {
        list.compactMap { $0.count == 2 ? (name: $0[0], value: $0[1]) : nil }
    }
}

/// Why the oracle could not be run.
fileprivate struct OracleFailure: Error, CustomStringConvertible {
    var description: String
}

fileprivate enum SigV4Oracle {
    /// 500 vectors from seed 7; `PORTLESS_SIGV4_VECTORS` and `PORTLESS_SIGV4_SEED` override them.
    static let count = environmentInt("PORTLESS_SIGV4_VECTORS") ?? 500
    static let seed = environmentInt("PORTLESS_SIGV4_SEED") ?? 7

    static func environmentInt(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
    }

    /// Vectors from botocore, generated once per test process.
    static let vectors: Result<[SigV4Vector], OracleFailure> = Result { try generate() }
        .mapError { $0 as? OracleFailure ?? OracleFailure(description: "\($0)") }

    static func load() throws -> [SigV4Vector] {
        try vectors.get()
    }

    /// The repository root: `PORTLESS_REPO_ROOT`, else the first directory above this file
    /// (with and without symlinks resolved) holding tests/oracle/sigv4_vectors.py.
    static func repoRoot() throws -> URL {
        let marker = "tests/oracle/sigv4_vectors.py"
        let files = FileManager.default
        if let root = ProcessInfo.processInfo.environment["PORTLESS_REPO_ROOT"], !root.isEmpty {
            let url = URL(fileURLWithPath: root)
            guard files.fileExists(atPath: url.appendingPathComponent(marker).path) else {
                throw OracleFailure(description: "PORTLESS_REPO_ROOT=\(root) has no \(marker)")
            }
            return url
        }
        let here = URL(fileURLWithPath: #filePath)
        for start in [here.resolvingSymlinksInPath(), here] {
            var directory = start.deletingLastPathComponent()
            while directory.path != "/" && !directory.path.isEmpty {
                if files.fileExists(atPath: directory.appendingPathComponent(marker).path) {
                    return directory
                }
                directory = directory.resolvingSymlinksInPath().deletingLastPathComponent()
            }
        }
        throw OracleFailure(description: "cannot find \(marker) above \(#filePath); set PORTLESS_REPO_ROOT")
    }

    static func generate() throws -> [SigV4Vector] {
        let root = try repoRoot()
        let script = root.appendingPathComponent("tests/oracle/sigv4_vectors.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, String(count), String(seed)]
        process.currentDirectoryURL = root
        let stdout = Pipe()
        let stderrFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("sigv4-oracle-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: stderrFile) }
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        do {
            try process.run()
        } catch {
            throw OracleFailure(description: "cannot start /usr/bin/env python3 \(script): \(error)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let hint: String
            switch process.terminationStatus {
            case 127: hint = "python3 is not on PATH; install Python 3 and botocore (pip install botocore)"
            case 3: hint = "botocore is not installed for this python3 (pip install botocore)"
            default: hint = "the botocore oracle failed"
            }
            throw OracleFailure(
                description: "\(hint): `python3 \(script) \(count) \(seed)` exited \(process.terminationStatus): \(errors)"
            )
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode([SigV4Vector].self, from: output)
        } catch {
            throw OracleFailure(description: "cannot decode the oracle's JSON: \(error)")
        }
    }
}

/// Records at most a few failures per test so a systematic bug does not print 500 of them.
fileprivate struct FailureBudget {
    var failures = 0
    var passes = 0

    mutating func check(_ ok: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        if ok {
            passes += 1
            return
        }
        failures += 1
        if failures <= 5 {
            Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation)
        }
    }
}

@Suite("SigV4 against botocore")
struct SigV4BotocoreTests {
    @Test("the oracle produces vectors of every kind")
    func oracleRuns() throws {
        let vectors = try SigV4Oracle.load()
        #expect(vectors.count == SigV4Oracle.count)
        for service in ["ssm", "sts", "s3"] {
            #expect(vectors.contains { $0.service == service && !$0.isPresigned }, "header-signed \(service)")
            #expect(vectors.contains { $0.service == service && $0.isPresigned }, "presigned \(service)")
        }
    }

    @Test("canonical request, string to sign and signature equal botocore's")
    func canonicalRequestMatchesBotocore() throws {
        var budget = FailureBudget()
        for vector in try SigV4Oracle.load() {
            let signedHeaders = vector.signedHeaders.split(separator: ";").map(String.init)
            let canonical = SigV4.canonicalRequest(
                method: vector.method, path: vector.path, query: vector.query,
                headers: vector.wireHeaders, signedHeaders: signedHeaders,
                payloadHash: vector.payloadHash, service: vector.service
            )
            budget.check(
                canonical == vector.canonicalRequest,
                "\(vector.label): canonical request\n--- ours\n\(canonical)\n--- botocore\n\(vector.canonicalRequest)"
            )
            let toSign = SigV4.stringToSign(amzDate: vector.amzDate, scope: vector.scope, canonicalRequest: canonical)
            budget.check(toSign == vector.stringToSign, "\(vector.label): string to sign\n\(toSign)\n\(vector.stringToSign)")
            let signature = SigV4.signature(
                secret: vector.secretKey, amzDate: vector.amzDate, scope: vector.scope, canonicalRequest: canonical
            )
            budget.check(signature == vector.signature, "\(vector.label): signature \(signature) != \(vector.signature)")
        }
        #expect(budget.failures == 0, "\(budget.failures) mismatches, \(budget.passes) matches")
        #expect(budget.passes == 3 * SigV4Oracle.count)
    }

    @Test("payload hashes equal botocore's")
    func payloadHashes() throws {
        var budget = FailureBudget()
        for vector in try SigV4Oracle.load() where vector.payloadHash.count == 64 {
            budget.check(SigV4.hexSHA256(vector.body) == vector.payloadHash, "\(vector.label): payload hash")
            budget.check(SigV4.hexSHA256(Data(vector.body)) == vector.payloadHash, "\(vector.label): payload hash (Data)")
        }
        #expect(budget.failures == 0)
        #expect(budget.passes > 100)
    }

    @Test("botocore's Authorization headers parse")
    func authorizationHeadersParse() throws {
        var budget = FailureBudget()
        for vector in try SigV4Oracle.load() where !vector.isPresigned {
            guard let header = vector.authorization else {
                budget.check(false, "\(vector.label): no Authorization header")
                continue
            }
            let parsed = try SigV4Authorization(header: header)
            budget.check(parsed.accessKeyId == vector.accessKey, "\(vector.label): access key")
            budget.check(parsed.scope == vector.scope, "\(vector.label): scope \(parsed.scope)")
            budget.check(parsed.signedHeaders.joined(separator: ";") == vector.signedHeaders, "\(vector.label): signed headers")
            budget.check(parsed.signature == vector.signature, "\(vector.label): signature")
            budget.check(parsed.headerValue == header, "\(vector.label): headerValue round trip")
            budget.check(try SigV4PresignedQuery(query: vector.query) == nil, "\(vector.label): not presigned")
        }
        #expect(budget.failures == 0)
    }

    @Test("botocore's presigned queries parse")
    func presignedQueriesParse() throws {
        var budget = FailureBudget()
        for vector in try SigV4Oracle.load() where vector.isPresigned {
            guard let parsed = try SigV4PresignedQuery(query: vector.query) else {
                budget.check(false, "\(vector.label): not recognised as presigned")
                continue
            }
            budget.check(parsed.accessKeyId == vector.accessKey, "\(vector.label): access key")
            budget.check(parsed.scope == vector.scope, "\(vector.label): scope")
            budget.check(parsed.amzDate == vector.amzDate, "\(vector.label): date")
            budget.check(parsed.expires == vector.expires, "\(vector.label): expires")
            budget.check(parsed.signedHeaders.joined(separator: ";") == vector.signedHeaders, "\(vector.label): signed headers")
            budget.check(parsed.signature == vector.signature, "\(vector.label): signature")
            budget.check(parsed.securityToken == vector.sessionToken, "\(vector.label): security token")
        }
        #expect(budget.failures == 0)
        #expect(budget.passes > 0)
    }

    @Test("SigV4Signer.sign verifies, and equals botocore where both sign the same headers")
    func signerOutputVerifies() throws {
        var budget = FailureBudget()
        var identical = 0
        for vector in try SigV4Oracle.load() where !vector.isPresigned {
            guard let date = SigV4.parseAmzDate(vector.amzDate) else {
                budget.check(false, "\(vector.label): date")
                continue
            }
            let signer = SigV4Signer(
                accessKeyId: vector.accessKey, secretAccessKey: vector.secretKey,
                sessionToken: vector.sessionToken, region: vector.region, service: vector.service
            )
            let added = signer.sign(
                method: vector.method, path: vector.path, query: vector.query,
                headers: vector.unsignedHeaders, body: vector.body, date: date
            )
            let names = added.map(\.name)
            let expected = ["x-amz-date"] + (vector.service == "s3" ? ["x-amz-content-sha256"] : [])
                + (vector.sessionToken == nil ? [] : ["x-amz-security-token"]) + ["authorization"]
            budget.check(names == expected, "\(vector.label): added headers \(names)")

            // Verify the request as a server would: from the headers on the wire.
            let sent = vector.unsignedHeaders + added.filter { $0.name != "authorization" }
            guard let header = added.first(where: { $0.name == "authorization" })?.value else { continue }
            let authorization = try SigV4Authorization(header: header)
            let payloadHash = sent.first { $0.name.lowercased() == "x-amz-content-sha256" }?.value
                ?? SigV4.hexSHA256(vector.body)
            let canonical = SigV4.canonicalRequest(
                method: vector.method, path: vector.path, query: vector.query, headers: sent,
                signedHeaders: authorization.signedHeaders, payloadHash: payloadHash, service: vector.service
            )
            let amzDate = sent.first { $0.name == "x-amz-date" }?.value ?? ""
            let recomputed = SigV4.signature(
                secret: vector.secretKey, amzDate: amzDate, scope: authorization.scope, canonicalRequest: canonical
            )
            budget.check(ConstantTime.equals(recomputed, authorization.signature), "\(vector.label): signer output does not verify")
            budget.check(authorization.signedHeaders.contains("host"), "\(vector.label): host not signed")
            budget.check(authorization.signedHeaders.contains("x-amz-date"), "\(vector.label): x-amz-date not signed")

            if authorization.signedHeaders.joined(separator: ";") == vector.signedHeaders,
               vector.payloadHash == SigV4.hexSHA256(vector.body) {
                identical += 1
                budget.check(header == vector.authorization, "\(vector.label): \(header) != \(vector.authorization ?? "nil")")
            }
        }
        #expect(budget.failures == 0)
        #expect(identical > 50, "only \(identical) vectors had the same signed headers as botocore")
    }

    @Test("SigV4Signer.presignedQuery equals botocore's presigned URL, and verifies")
    func presignedQueryMatchesBotocore() throws {
        var budget = FailureBudget()
        var identical = 0
        for vector in try SigV4Oracle.load() where vector.isPresigned {
            guard let date = SigV4.parseAmzDate(vector.amzDate), let expires = vector.expires else {
                budget.check(false, "\(vector.label): date/expires")
                continue
            }
            let signer = SigV4Signer(
                accessKeyId: vector.accessKey, secretAccessKey: vector.secretKey,
                sessionToken: vector.sessionToken, region: vector.region, service: vector.service
            )
            let query = signer.presignedQuery(
                method: vector.method, path: vector.path, query: vector.presignInputQuery ?? "",
                host: vector.host, expires: expires, date: date
            )
            if vector.signedHeaders == "host" && !vector.repeatedQueryKeys {
                identical += 1
                budget.check(query == vector.query, "\(vector.label): presigned query\n\(query)\n\(vector.query)")
            }
            guard let parsed = try SigV4PresignedQuery(query: query) else {
                budget.check(false, "\(vector.label): our presigned query does not parse")
                continue
            }
            let canonical = SigV4.canonicalRequest(
                method: vector.method, path: vector.path, query: query, headers: [("Host", vector.host)],
                signedHeaders: parsed.signedHeaders,
                payloadHash: vector.service == "s3" ? SigV4.unsignedPayload : SigV4.emptyPayloadHash,
                service: vector.service
            )
            let recomputed = SigV4.signature(
                secret: vector.secretKey, amzDate: parsed.amzDate, scope: parsed.scope, canonicalRequest: canonical
            )
            budget.check(ConstantTime.equals(recomputed, parsed.signature), "\(vector.label): presigned query does not verify")
        }
        #expect(budget.failures == 0)
        #expect(identical > 20, "only \(identical) presigned vectors compared byte for byte")
    }
}

@Suite("SigV4 known answers and parsing")
struct SigV4UnitTests {
    // AWS's get-vanilla example (aws-sig-v4-test-suite), also what botocore 1.43 computes.
    @Test func awsVanillaExample() throws {
        let scope = SigV4Scope(date: "20150830", region: "us-east-1", service: "service")
        #expect(scope.string == "20150830/us-east-1/service/aws4_request")
        let canonical = SigV4.canonicalRequest(
            method: "GET", path: "/", query: "",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            signedHeaders: ["x-amz-date", "host"], payloadHash: SigV4.hexSHA256([UInt8]()), service: "service"
        )
        #expect(canonical == """
            GET
            /

            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        let signature = SigV4.signature(
            secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", amzDate: "20150830T123600Z",
            scope: scope, canonicalRequest: canonical
        )
        #expect(signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        let signer = SigV4Signer(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            region: "us-east-1", service: "service"
        )
        let date = try #require(SigV4.parseAmzDate("20150830T123600Z"))
        let added = signer.sign(
            method: "GET", path: "/", query: "", headers: [("Host", "example.amazonaws.com")], body: [], date: date
        )
        #expect(added.last?.value == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func pathEncoding() {
        #expect(SigV4.canonicalPath("/a//b/./c/../d%20e/", service: "ssm") == "/a/b/d%2520e/")
        #expect(SigV4.canonicalPath("/a//b/./c/../d%20e/", service: "s3") == "/a//b/./c/../d%20e/")
        #expect(SigV4.canonicalPath("", service: "ssm") == "/")
        #expect(SigV4.canonicalPath("", service: "s3") == "/")
        #expect(SigV4.canonicalPath("/..", service: "sts") == "/")
        #expect(SigV4.canonicalPath("/é+x", service: "sts") == "/%C3%A9%2Bx")
    }

    @Test func queryEncoding() {
        #expect(SigV4.canonicalQuery("b=2&a=1&a=0&c&X-Amz-Signature=ff") == "a=0&a=1&b=2&c=")
        #expect(SigV4.canonicalQuery("k=a+b&p=%2b&u=%c3%a9&t=~&s=%7E") == "k=a%20b&p=%2B&s=~&t=~&u=%C3%A9")
        #expect(SigV4.canonicalQuery("") == "")
        #expect(SigV4.canonicalQuery("bad=%zz&x=%") == "bad=%25zz&x=%25")
        #expect(SigV4URIEncoding.encode("a b/ü~", keepSlash: true) == "a%20b/%C3%BC~")
        #expect(SigV4URIEncoding.encode("a b/ü~") == "a%20b%2F%C3%BC~")
        #expect(SigV4URIEncoding.decodeQuery("a=1+2&b&=c").map { "\($0.name)|\($0.value)" } == ["a|1 2", "b|", "|c"])
    }

    @Test func headerFolding() {
        let canonical = SigV4.canonicalRequest(
            method: "post", path: "/", query: "",
            headers: [("X-Dup", "  a   b "), ("host", "h"), ("x-dup", "\tc\t d"), ("X-Unsigned", "z")],
            signedHeaders: ["X-Dup", "host", "x-dup"], payloadHash: "UNSIGNED-PAYLOAD", service: "ssm"
        )
        #expect(canonical == "POST\n/\n\nhost:h\nx-dup:a b,c d\n\nhost;x-dup\nUNSIGNED-PAYLOAD")
    }

    @Test func amzDates() throws {
        #expect(SigV4.amzDate(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(SigV4.amzDate(Date(timeIntervalSince1970: 1_440_938_160.9)) == "20150830T123600Z")
        #expect(SigV4.amzDate(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
        #expect(SigV4.amzDate(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: -2_000_000_000...8_000_000_000, using: &rng)))
            let text = SigV4.amzDate(date)
            #expect(text == formatter.string(from: date))
            #expect(SigV4.parseAmzDate(text) == date)
        }
        for bad in ["", "20150830T123600", "20150830 123600Z", "20151330T123600Z", "20150230T000000Z",
                    "20230229T000000Z", "20150830T243600Z", "20150830T126000Z", "2015083OT123600Z",
                    "20150830T123600Z ", "+0150830T123600Z"] {
            #expect(SigV4.parseAmzDate(bad) == nil, "\(bad)")
        }
        #expect(SigV4.parseAmzDate("20240229T235959Z") != nil)
    }

    @Test func constantTimeEquals() {
        #expect(ConstantTime.equals("", ""))
        #expect(ConstantTime.equals("abc", "abc"))
        #expect(ConstantTime.equals("한글", "한글"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "ab"))
        #expect(!ConstantTime.equals("ab", "abc"))
        #expect(!ConstantTime.equals("", "a"))
        #expect(!ConstantTime.equals("abc\0", "abc"))
        #expect(!ConstantTime.equals("é", "e\u{301}"))  // bytes differ even though the strings are equal
    }

    static let goodCredential = "AKID/20261122/us-east-1/ssm/aws4_request"

    @Test(arguments: [
        ("", "empty"),
        ("AWS4-HMAC-SHA1 Credential=\(goodCredential), SignedHeaders=host, Signature=ab", "AWS4-HMAC-SHA1"),
        ("AWS AKID:sig", "'AWS'"),
        ("AWS4-HMAC-SHA256", "'Credential'"),
        ("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=ab", "requires 'Credential'"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), Signature=ab", "requires 'SignedHeaders'"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), SignedHeaders=host", "requires 'Signature'"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), SignedHeaders=host, Signature=", "empty 'Signature'"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), SignedHeaders=, Signature=ab", "SignedHeaders"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), SignedHeaders=host;;x, Signature=ab", "SignedHeaders"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/ssm, SignedHeaders=host, Signature=ab", "exactly 5 slash-delimited elements"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/ssm/aws4_request/x, SignedHeaders=host, Signature=ab", "exactly 5 slash-delimited elements"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/ssm/aws5_request, SignedHeaders=host, Signature=ab", "terminator"),
        ("AWS4-HMAC-SHA256 Credential=AKID/2026-11-22/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=ab", "valid date"),
        ("AWS4-HMAC-SHA256 Credential=/20261122/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=ab", "access key"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261122//ssm/aws4_request, SignedHeaders=host, Signature=ab", "region"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), SignedHeaders=host, Signature=ab, Signature=cd", "more than once"),
        ("AWS4-HMAC-SHA256 Credential=\(goodCredential), SignedHeaders=host, Signatureab", "key=value"),
    ])
    func malformedAuthorization(header: String, messageContains: String) {
        do {
            let parsed = try SigV4Authorization(header: header)
            Issue.record("parsed \(parsed) from \(header)")
        } catch let error as PortlessError {
            #expect(error.code == .incompleteSignature)
            #expect(error.field == "Authorization")
            #expect(error.message.contains(messageContains), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func authorizationTolerance() throws {
        let parsed = try SigV4Authorization(
            header: "  AWS4-HMAC-SHA256   Signature=abc,SignedHeaders=host;x-amz-date,Credential=\(Self.goodCredential) , Extra=1 "
        )
        #expect(parsed == SigV4Authorization(
            accessKeyId: "AKID", scope: SigV4Scope(date: "20261122", region: "us-east-1", service: "ssm"),
            signedHeaders: ["host", "x-amz-date"], signature: "abc"
        ))
    }

    static let presignBase = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261122%2Fap-northeast-2%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20261122T010203Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abcd"

    @Test func presignedQueryParses() throws {
        let parsed = try #require(try SigV4PresignedQuery(query: "a=1&" + Self.presignBase + "&X-Amz-Expires=600&X-Amz-Security-Token=t%2Bk"))
        #expect(parsed.accessKeyId == "AKID")
        #expect(parsed.scope == SigV4Scope(date: "20261122", region: "ap-northeast-2", service: "s3"))
        #expect(parsed.amzDate == "20261122T010203Z")
        #expect(parsed.expires == 600)
        #expect(parsed.signedHeaders == ["host"])
        #expect(parsed.signature == "abcd")
        #expect(parsed.securityToken == "t+k")
        #expect(try SigV4PresignedQuery(query: "") == nil)
        #expect(try SigV4PresignedQuery(query: "a=1&X-Amz-Credential=x&X-Amz-Date=y") == nil)
    }

    @Test(arguments: [
        ("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Credential", PortlessError.Code.incompleteSignature),
        ("X-Amz-Signature=ab", "X-Amz-Algorithm", .incompleteSignature),
        (presignBase, "X-Amz-Expires", .incompleteSignature),
        (presignBase + "&X-Amz-Expires=0", "X-Amz-Expires", .invalidParameters),
        (presignBase + "&X-Amz-Expires=604801", "X-Amz-Expires", .invalidParameters),
        (presignBase + "&X-Amz-Expires=-5", "X-Amz-Expires", .invalidParameters),
        (presignBase + "&X-Amz-Expires=ten", "X-Amz-Expires", .invalidParameters),
        (presignBase + "&X-Amz-Expires=60&X-Amz-Expires=60", "X-Amz-Expires", .incompleteSignature),
        (presignBase.replacingOccurrences(of: "AWS4-HMAC-SHA256", with: "AWS4-HMAC-SHA512") + "&X-Amz-Expires=60",
         "X-Amz-Algorithm", .incompleteSignature),
        (presignBase.replacingOccurrences(of: "20261122T010203Z", with: "2026-11-22T01:02:03Z") + "&X-Amz-Expires=60",
         "X-Amz-Date", .incompleteSignature),
        (presignBase.replacingOccurrences(of: "20261122T010203Z", with: "20261123T010203Z") + "&X-Amz-Expires=60",
         "X-Amz-Credential", .incompleteSignature),
        (presignBase.replacingOccurrences(of: "%2Faws4_request", with: "") + "&X-Amz-Expires=60",
         "X-Amz-Credential", .incompleteSignature),
        (presignBase.replacingOccurrences(of: "X-Amz-SignedHeaders=host", with: "X-Amz-SignedHeaders=") + "&X-Amz-Expires=60",
         "X-Amz-SignedHeaders", .incompleteSignature),
        (presignBase.replacingOccurrences(of: "X-Amz-Signature=abcd", with: "X-Amz-Signature=") + "&X-Amz-Expires=60",
         "X-Amz-Signature", .incompleteSignature),
    ])
    func malformedPresignedQuery(query: String, field: String, code: PortlessError.Code) {
        do {
            let parsed = try SigV4PresignedQuery(query: query)
            Issue.record("parsed \(String(describing: parsed)) from \(query)")
        } catch let error as PortlessError {
            #expect(error.code == code, "\(error)")
            #expect(error.field == field, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func signerKeepsGivenContentHashAndReplacesOldAuth() throws {
        let signer = SigV4Signer(accessKeyId: "AKID", secretAccessKey: "secret", sessionToken: "tok", region: "r", service: "s3")
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let added = signer.sign(
            method: "PUT", path: "/b/k", query: "",
            headers: [("Host", "h"), ("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"), ("Authorization", "old"),
                      ("X-Amz-Date", "old"), ("x-amz-meta-a", "1"), ("User-Agent", "x")],
            body: Array("data".utf8), date: date
        )
        #expect(added.map(\.name) == ["x-amz-date", "x-amz-security-token", "authorization"])
        let auth = try SigV4Authorization(header: try #require(added.last?.value))
        #expect(auth.signedHeaders == ["host", "x-amz-content-sha256", "x-amz-date", "x-amz-meta-a", "x-amz-security-token"])
    }
}
