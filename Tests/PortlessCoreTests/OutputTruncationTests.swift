import Foundation
@testable import PortlessCore
import Testing

// SSM's output limits: StandardOutputContent 24,000 chars then "\n---Output truncated---",
// StandardErrorContent 8,000 chars then "\n---Error truncated----", a plugin's Output 2,500 chars of
// stdout, "\n----------ERROR-------\n" and stderr.

@Suite("OutputTruncation")
struct OutputTruncationTests {
    @Test func limitsAndMarkersAreSSMs() {
        #expect(OutputTruncation.standardOutputLimit == 24_000)
        #expect(OutputTruncation.standardErrorLimit == 8_000)
        #expect(OutputTruncation.pluginOutputLimit == 2_500)
        #expect(OutputTruncation.outputMarker == "\n---Output truncated---")
        #expect(OutputTruncation.errorMarker == "\n---Error truncated----")
        #expect(OutputTruncation.errorSeparator == "\n----------ERROR-------\n")
    }

    @Test func standardOutputUpToTheLimitIsKept() {
        #expect(OutputTruncation.standardOutput("") == "")
        #expect(OutputTruncation.standardOutput("hello\n") == "hello\n")
        let full = String(repeating: "x", count: 24_000)
        #expect(OutputTruncation.standardOutput(full) == full)
    }

    @Test func standardOutputOverTheLimitIsCut() {
        let text = String(repeating: "a", count: 23_999) + "bc" + String(repeating: "z", count: 5_000)
        let result = OutputTruncation.standardOutput(text)
        #expect(result == String(repeating: "a", count: 23_999) + "b" + "\n---Output truncated---")
        #expect(result.count == 24_000 + OutputTruncation.outputMarker.count)
    }

    @Test func standardErrorUpToTheLimitIsKept() {
        let full = String(repeating: "e", count: 8_000)
        #expect(OutputTruncation.standardError(full) == full)
    }

    @Test func standardErrorOverTheLimitIsCut() {
        let text = String(repeating: "e", count: 8_000) + "X"
        #expect(OutputTruncation.standardError(text) == String(repeating: "e", count: 8_000) + "\n---Error truncated----")
    }

    @Test func limitsCountCharactersNotBytes() {
        let text = String(repeating: "é", count: 8_000)
        #expect(text.utf8.count == 16_000)
        #expect(OutputTruncation.standardError(text) == text)
        let stdout = String(repeating: "日", count: 24_001)
        #expect(OutputTruncation.standardOutput(stdout) == String(repeating: "日", count: 24_000) + OutputTruncation.outputMarker)
    }

    @Test func pluginOutputJoinsStdoutAndStderr() {
        #expect(OutputTruncation.pluginOutput(stdout: "out", stderr: "err") == "out\n----------ERROR-------\nerr")
        #expect(OutputTruncation.pluginOutput(stdout: "", stderr: "err") == "\n----------ERROR-------\nerr")
    }

    @Test func pluginOutputWithoutStderrHasNoSeparator() {
        #expect(OutputTruncation.pluginOutput(stdout: "out", stderr: "") == "out")
        #expect(OutputTruncation.pluginOutput(stdout: "", stderr: "") == "")
    }

    @Test func pluginOutputUpToTheLimitIsKept() {
        let stdout = String(repeating: "o", count: 2_500)
        #expect(OutputTruncation.pluginOutput(stdout: stdout, stderr: "") == stdout)
        let separator = OutputTruncation.errorSeparator
        let shortOut = String(repeating: "o", count: 2_500 - separator.count - 10)
        let combined = OutputTruncation.pluginOutput(stdout: shortOut, stderr: String(repeating: "e", count: 10))
        #expect(combined.count == 2_500)
        #expect(combined == shortOut + separator + String(repeating: "e", count: 10))
    }

    @Test func pluginOutputOverTheLimitIsCut() {
        let stdout = String(repeating: "o", count: 2_501)
        let result = OutputTruncation.pluginOutput(stdout: stdout, stderr: "")
        #expect(result.hasPrefix(String(repeating: "o", count: 2_500)))
        #expect(result.hasSuffix("---Output truncated---"))
        #expect(result.count <= 2_500 + OutputTruncation.outputMarker.count)
        #expect(!result.hasPrefix(String(repeating: "o", count: 2_501)))
    }

    @Test func aLongStdoutDoesNotHideStderr() {
        let result = OutputTruncation.pluginOutput(stdout: String(repeating: "o", count: 3_000), stderr: "FATAL")
        #expect(result.hasSuffix(OutputTruncation.errorSeparator + "FATAL"))
        #expect(result.contains(OutputTruncation.outputMarker + OutputTruncation.errorSeparator))
        let both = OutputTruncation.pluginOutput(stdout: String(repeating: "o", count: 3_000), stderr: String(repeating: "e", count: 3_000))
        #expect(both.hasSuffix(OutputTruncation.errorMarker))
        #expect(both.count <= OutputTruncation.pluginOutputLimit + OutputTruncation.outputMarker.count + OutputTruncation.errorMarker.count)
    }
}
