import Foundation
import PortlessCore
import Testing

/// The event-pattern grammar, with the examples EventBridge's documentation gives for each operator.
@Suite("Event patterns")
struct EventPatternTests {
    static let ec2Event = #"""
    {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "EC2 Instance State-change Notification",
     "source": "aws.ec2", "account": "111122223333", "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
     "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
     "detail": {"instance-id": "i-1234567890abcdef0", "state": "terminated", "c-count": 5, "d-count": 7, "x-limit": 301.8,
                "sourceIPAddress": "10.0.0.255", "FileName": "image.PNG", "FilePath": "/usr/lib/dir/a.jar",
                "responseElements": null, "eventVersion": "", "flags": [1, 2, 3],
                "items": [{"name": "a", "size": 1}, {"name": "b", "size": 20}]}}
    """#

    static func event(_ text: String = ec2Event) -> JSONValue {
        try! JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func matches(_ pattern: String, _ event: JSONValue = event()) throws -> Bool {
        try EventPattern(parsing: pattern).matches(event)
    }

    static func refusal(_ pattern: String) -> String? {
        do {
            _ = try EventPattern(parsing: pattern)
            return nil
        } catch {
            return error.message(source: pattern)
        }
    }

    @Test("exact values: strings, numbers (numerically), booleans, null, the empty string; arrays match by any element",
          arguments: [
              (#"{"source": ["aws.ec2"]}"#, true),
              (#"{"source": ["aws.ssm", "aws.ec2"]}"#, true),
              (#"{"source": ["AWS.EC2"]}"#, false),
              (#"{"detail": {"state": ["terminated"], "instance-id": ["i-1234567890abcdef0"]}}"#, true),
              (#"{"detail": {"state": ["terminated"], "instance-id": ["i-0"]}}"#, false),
              (#"{"detail": {"c-count": [5]}}"#, true),
              (#"{"detail": {"c-count": [5.0]}}"#, true),
              (#"{"detail": {"x-limit": [3.018e2]}}"#, true),
              (#"{"detail": {"c-count": ["5"]}}"#, false),
              (#"{"detail": {"responseElements": [null]}}"#, true),
              (#"{"detail": {"eventVersion": [""]}}"#, true),
              (#"{"detail": {"flags": [3]}}"#, true),
              (#"{"detail": {"flags": [4]}}"#, false),
              (#"{"resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0", "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f"]}"#, true),
              (#"{"detail": {"missing": ["x"]}}"#, false),
              (#"{"detail": {"items": {"name": ["b"], "size": [20]}}}"#, true),
              (#"{"detail": {"items": {"name": ["a"], "size": [20]}}}"#, false),
          ])
    func exact(pattern: String, expected: Bool) throws {
        #expect(try Self.matches(pattern) == expected, "\(pattern)")
    }

    @Test("prefix, suffix, equals-ignore-case and wildcard match strings", arguments: [
        (#"{"time": [{"prefix": "2017-12-22"}]}"#, true),
        (#"{"time": [{"prefix": "2018"}]}"#, false),
        (#"{"detail": {"state": [{"prefix": {"equals-ignore-case": "TERM"}}]}}"#, true),
        (#"{"detail": {"FileName": [{"suffix": ".PNG"}]}}"#, true),
        (#"{"detail": {"FileName": [{"suffix": ".png"}]}}"#, false),
        (#"{"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".png"}}]}}"#, true),
        (#"{"detail-type": [{"equals-ignore-case": "ec2 instance state-change notification"}]}"#, true),
        (#"{"detail": {"FilePath": [{"wildcard": "*/lib/*.jar"}]}}"#, true),
        (#"{"detail": {"FilePath": [{"wildcard": "*/bin/*.jar"}]}}"#, false),
        (#"{"resources": [{"wildcard": "arn:aws:ec2:us-west-1:*:instance/*"}]}"#, true),
        (#"{"detail": {"c-count": [{"prefix": "5"}]}}"#, false),
    ])
    func strings(pattern: String, expected: Bool) throws {
        #expect(try Self.matches(pattern) == expected, "\(pattern)")
    }

    @Test("anything-but in each of its forms", arguments: [
        (#"{"detail": {"state": [{"anything-but": "initializing"}]}}"#, true),
        (#"{"detail": {"state": [{"anything-but": "terminated"}]}}"#, false),
        (#"{"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}"#, true),
        (#"{"detail": {"state": [{"anything-but": ["stopped", "terminated"]}]}}"#, false),
        (#"{"detail": {"c-count": [{"anything-but": 123}]}}"#, true),
        (#"{"detail": {"c-count": [{"anything-but": [5, 6]}]}}"#, false),
        (#"{"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}"#, true),
        (#"{"detail": {"state": [{"anything-but": {"prefix": "term"}}]}}"#, false),
        (#"{"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}}"#, true),
        (#"{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "TERMINATED"]}}]}}"#, false),
        (#"{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/dir/*"}}]}}"#, false),
        (#"{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/etc/*"}}]}}"#, true),
        (#"{"detail": {"missing": [{"anything-but": "x"}]}}"#, false),
    ])
    func anythingBut(pattern: String, expected: Bool) throws {
        #expect(try Self.matches(pattern) == expected, "\(pattern)")
    }

    @Test("numeric ranges, exists, cidr and $or", arguments: [
        (#"{"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}}"#, true),
        (#"{"detail": {"c-count": [{"numeric": [">", 5]}]}}"#, false),
        (#"{"detail": {"c-count": [{"numeric": [">=", 5]}]}}"#, true),
        (#"{"detail": {"c-count": [{"numeric": [">", 0, "<", 5]}]}}"#, false),
        (#"{"detail": {"state": [{"numeric": [">", 0]}]}}"#, false),
        (#"{"detail": {"state": [{"exists": true}]}}"#, true),
        (#"{"detail": {"responseElements": [{"exists": true}]}}"#, true),
        (#"{"detail": {"c-count-missing": [{"exists": false}]}}"#, true),
        (#"{"detail": {"state": [{"exists": false}]}}"#, false),
        (#"{"detail": {"items": [{"exists": true}]}}"#, false),
        (#"{"detail": {"items": [{"exists": false}]}}"#, true),
        (#"{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]}}"#, true),
        (#"{"detail": {"sourceIPAddress": [{"cidr": "10.0.1.0/24"}]}}"#, false),
        (#"{"detail": {"$or": [{"c-count": [{"numeric": [">", 0, "<=", 5]}]}, {"d-count": [{"numeric": ["<", 10]}]}]}}"#, true),
        (#"{"detail": {"$or": [{"c-count": [{"numeric": [">", 9]}]}, {"d-count": [{"numeric": ["<", 1]}]}]}}"#, false),
        (#"{"source": ["aws.ec2"], "$or": [{"detail-type": ["x"]}, {"detail": {"state": ["terminated"]}}]}"#, true),
    ])
    func operators(pattern: String, expected: Bool) throws {
        #expect(try Self.matches(pattern) == expected, "\(pattern)")
    }

    @Test("a malformed pattern is refused with EventBridge's reason and the place its reader stood")
    func documentedRefusal() {
        let pattern = #"{"source": ["aws.health"], "detail": {}}"#
        #expect(Self.refusal(pattern) == """
            Event pattern is not valid. Reason: Empty objects are not allowed
             at [Source: (String)"{"source": ["aws.health"], "detail": {}}"; line: 1, column: 40]
            """)
        let multiline = "{\n  \"detail\": {\n    \"slug\": \"x\"\n  }\n}"
        #expect(Self.refusal(multiline)?.hasSuffix("Reason: \"slug\" must be an object or an array\n at [Source: (String)\"\(multiline)\"; line: 3, column: 16]") == true)
    }

    @Test("every malformed form is refused with its reason", arguments: [
        (#"["aws.ec2"]"#, "Filter is not an object"),
        (#"{"source": "aws.ec2"}"#, "\"source\" must be an object or an array"),
        (#"{"source": []}"#, "Empty arrays are not allowed"),
        (#"{"source": [["a"]]}"#, "Match value must be String, number, true, false, or null"),
        (#"{"source": [{}]}"#, "Match expression name not found"),
        (#"{"source": [{"regex": "a"}]}"#, "Unrecognized match type regex"),
        (#"{"source": [{"prefix": 1}]}"#, "prefix match pattern must be a string"),
        (#"{"detail": {"matchSuffix": [{"suffix": [":created"]}]}}"#, "suffix match pattern must be a string"),
        (#"{"source": [{"prefix": "a", "suffix": "b"}]}"#, "Only one key allowed in match expression"),
        (#"{"source": [{"prefix": {"wildcard": "a"}}]}"#, "Unsupported prefix pattern: wildcard"),
        (#"{"source": [{"exists": "yes"}]}"#, "exists match pattern must be either true or false."),
        (#"{"source": [{"numeric": 5}]}"#, "Value of numeric must be an array."),
        (#"{"source": [{"numeric": ["!", 5]}]}"#, "Unrecognized numeric range operator: !"),
        (#"{"source": [{"numeric": [">", "a"]}]}"#, "Value of > must be numeric"),
        (#"{"source": [{"numeric": ["<", 5, 6]}]}"#, "Too many elements in numeric expression"),
        (#"{"source": [{"numeric": [">", 0, ">", 5]}]}"#, "Bad numeric range operator: >"),
        (#"{"source": [{"numeric": [">", 0, "<", 5, 6]}]}"#, "Too many terms in numeric range expression"),
        (#"{"source": [{"anything-but": null}]}"#, "Value of anything-but must be an array or single string/number value."),
        (#"{"source": [{"anything-but": ["a", 1]}]}"#, "Inside anything but list, either all values are number or string, mixed type is not supported"),
        (#"{"source": [{"anything-but": [true]}]}"#, "Inside anything but list, start|null|boolean is not supported."),
        (#"{"source": [{"anything-but": {"exists": true}}]}"#, "Unsupported anything-but pattern: exists"),
        (#"{"source": [{"anything-but": {"prefix": ""}}]}"#, "Null prefix/suffix not allowed"),
        (#"{"source": [{"wildcard": "a**b"}]}"#, "Consecutive wildcard characters at pos 2"),
        (#"{"source": [{"wildcard": "a\\b"}]}"#, "Invalid escape character at pos 2"),
        (#"{"source": [{"cidr": "10.0.0.0"}]}"#, "Malformed CIDR, one '/' required"),
        (#"{"source": [{"cidr": "10.0.0.0/33"}]}"#, "IPv4 mask bits must be < 32"),
        (#"{"$or": [{"source": ["a"]}]}"#, "There must have at least 2 Objects in $or relationship."),
        (#"{"$or": {"source": ["a"]}}"#, "It must be an Array followed with $or."),
        (#"{"$or": [{"source": ["a"]}, "b"]}"#, "Only JSON object is allowed in array of $or relationship."),
        (#"{"$or": [{"source": ["a"]}, {"numeric": [1]}]}"#, "numeric is Ruler reserved fieldName which cannot be used inside $or."),
        (#"{"source": ["a"],}"#, "Unexpected character ('}' (code 125)): was expecting double-quote to start field name"),
        (#"{"source": ["a"]"#, "Unexpected end-of-input: expected close marker for Object"),
        (#"{"source": [tru]}"#, "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
    ])
    func refusals(pattern: String, reason: String) {
        let message = Self.refusal(pattern)
        #expect(message?.hasPrefix("Event pattern is not valid. Reason: \(reason)\n at [Source: (String)\"\(pattern)\"; line: 1, column: ") == true,
                "\(pattern): \(message ?? "accepted")")
    }

    @Test("a long pattern is quoted up to 500 characters")
    func truncatedQuote() {
        let pattern = #"{"source": ["\#(String(repeating: "a", count: 600))"], "detail": {}}"#
        #expect(Self.refusal(pattern)?.contains("[truncated \(pattern.count - 500) chars]; line: 1") == true)
    }

    @Test("the index files patterns by source and detail-type and returns exactly the patterns that match")
    func index() throws {
        let patterns: [(key: Int, pattern: EventPattern)] = try [
            (0, EventPattern(parsing: #"{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}"#)),
            (1, EventPattern(parsing: #"{"source": ["aws.ec2"]}"#)),
            (2, EventPattern(parsing: #"{"detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["running"]}}"#)),
            (3, EventPattern(parsing: #"{"detail": {"state": ["terminated"]}}"#)),
            (4, EventPattern(parsing: #"{"source": ["aws.ssm"]}"#)),
            (5, EventPattern(parsing: #"{"source": [{"prefix": "aws."}]}"#)),
        ]
        #expect(EventPatternIndex(patterns).matches(Self.event()).sorted() == [0, 1, 3, 5])
    }
}
