import Testing
@testable import PortlessCore

/// Filter patterns in each of CloudWatch Logs' three forms, with the examples its documentation gives, and the
/// patterns it refuses.
@Suite struct LogFilterPatternTests {
    static let apache = #"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534"#
    static let notFound = #"127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /missing.gif HTTP/1.0" 404 0"#
    static let json = #"{"eventType": "UpdateTrail", "sourceIPAddress": "123.123.123.123", "latency": 62, "user": {"id": 1, "name": "Alice"}, "items": ["a", "b"], "flag": true, "gone": null}"#

    /// (pattern, message, matches).
    static let cases: [(String, String, Bool)] = [
        ("", "anything at all", true),
        ("\"\"", "anything at all", true),
        ("ERROR", "[ERROR] A fatal exception has occurred", true),
        ("ERROR", "[error] lower case does not match", false),
        ("ERROR Exception", "[ERROR] Caught IllegalArgumentException", true),
        ("ERROR Exception", "[ERROR] nothing more", false),
        ("?ERROR ?WARN", "[WARN] disk nearly full", true),
        ("?ERROR ?WARN", "[INFO] all is well", false),
        ("ERROR -Exiting", "[ERROR] Exiting now", false),
        ("ERROR -Exiting", "[ERROR] Caught exception", true),
        ("\"Internal Server Error\"", "500 Internal Server Error at /", true),
        ("\"Internal Server Error\"", "Internal Error", false),
        ("{ $.eventType = \"UpdateTrail\" }", json, true),
        ("{ $.eventType = UpdateTrail }", json, true),
        ("{ $.eventType = \"DeleteTrail\" }", json, false),
        ("{ $.sourceIPAddress != 123.123.* }", json, false),
        ("{ $.sourceIPAddress = 123.123.* }", json, true),
        ("{ $.latency > 50 }", json, true),
        ("{ $.latency >= 62 && $.latency <= 62 }", json, true),
        ("{ $.latency < 50 }", json, false),
        ("{ $.user.name = \"Alice\" }", json, true),
        ("{ $.user.id = 1 }", json, true),
        ("{ $.items[1] = \"b\" }", json, true),
        ("{ $.items[2] = \"b\" }", json, false),
        ("{ ($.user.id = 2) || ($.eventType = UpdateTrail && $.latency > 60) }", json, true),
        ("{ ($.user.id = 2) || ($.eventType = UpdateTrail && $.latency > 70) }", json, false),
        ("{ $.gone IS NULL }", json, true),
        ("{ $.missing NOT EXISTS }", json, true),
        ("{ $.user NOT EXISTS }", json, false),
        ("{ $.flag IS TRUE }", json, true),
        ("{ $.flag IS FALSE }", json, false),
        ("{ $.eventType = \"UpdateTrail\" }", "not json at all", false),
        ("[ip, user, username, timestamp, request, status_code, bytes]", apache, true),
        ("[ip, user, username, timestamp, request, status_code = 404, bytes]", apache, false),
        ("[ip, user, username, timestamp, request, status_code = 404, bytes]", notFound, true),
        ("[ip, user, ..., status_code = 4*, bytes]", notFound, true),
        ("[ip, user, ..., status_code = 4* || status_code = 5*, bytes]", apache, false),
        ("[ip, user, ..., status_code = 2*, bytes > 1000]", apache, true),
        ("[ip, user, ..., status_code = 2*, bytes > 2000]", apache, false),
        ("[..., request = \"GET /missing.gif HTTP/1.0\", status_code, bytes]", notFound, true),
        ("[ip, user]", apache, false),
        ("[ip = 127.0.0.*, ...]", apache, true),
    ]

    @Test(arguments: cases)
    func matches(pattern: String, message: String, expected: Bool) throws {
        #expect(try LogFilterPattern(pattern).matches(message) == expected, "\(pattern) on \(message)")
    }

    /// (pattern, AWS's text).
    static let refused: [(String, String)] = [
        ("{ $.eventType = \"UpdateTrail\"", "If a filter pattern starts with '{' it must end with '}'"),
        ("{ eventType = 1 }", "Invalid filter pattern"),
        ("{ $.latency > abc }", "Invalid filter pattern"),
        ("{ $.a = 1 && }", "Invalid filter pattern"),
        ("{ ($.a = 1 }", "Invalid filter pattern"),
        ("[ip, user", "Invalid filter pattern"),
        ("[ip, status = 4* && bytes > 1000]", "Invalid filter pattern"),
        ("email@domain.com", "Invalid character(s) in term '@'"),
        ("\"unterminated", "Invalid filter pattern"),
    ]

    @Test(arguments: refused)
    func refuses(pattern: String, text: String) {
        #expect(throws: PortlessError(aws: .logsInvalidParameter, text, field: "filterPattern")) { try LogFilterPattern(pattern) }
    }

    @Test func splitsSpaceDelimitedFields() {
        #expect(LogDelimitedFilter.fields(of: Self.apache) == [
            "127.0.0.1", "-", "frank", "10/Oct/2000:13:25:15 -0700", "GET /apache_pb.gif HTTP/1.0", "200", "1534",
        ])
    }
}
