import PortlessClient
import PortlessCore
import Testing

// The StartSession requests of `portless session`'s modes, and `--forward`'s LOCAL:HOST:PORT.

@Suite("Session requests")
struct SessionRequestTests {
    @Test func aShellNamesOnlyWhatWasGiven() {
        #expect(SessionRequest.shell(target: "mi-0123456789abcdef0") == .object(["Target": .string("mi-0123456789abcdef0")]))
        #expect(SessionRequest.shell(target: "mi-0123456789abcdef0", documentName: "AWS-StartInteractiveCommand",
                                     parameters: ["command": ["top"]], reason: "debugging") == .object([
            "Target": .string("mi-0123456789abcdef0"), "DocumentName": .string("AWS-StartInteractiveCommand"),
            "Parameters": .object(["command": .array([.string("top")])]), "Reason": .string("debugging"),
        ]))
    }

    @Test(arguments: [
        (["uptime"], "uptime"),
        (["ls -l | wc -l"], "ls -l | wc -l"),
        (["sh", "-c", "echo out; echo err >&2; exit 3"], "sh -c 'echo out; echo err >&2; exit 3'"),
        (["printf", "%s\\n", "it's", ""], "printf '%s\\n' 'it'\\''s' ''"),
    ])
    func aCommandIsOneLineOrAQuotedVector(arguments: [String], line: String) {
        let request = SessionRequest.command(target: "mi-0123456789abcdef0", arguments: arguments)
        #expect(request["DocumentName"] == .string("AWS-StartNonInteractiveCommand"))
        #expect(request["Parameters"] == .object(["command": .array([.string(line)])]))
    }

    @Test func aForwardToTheNodeOrToAHostBeyondIt() throws {
        let local = SessionRequest.forward(target: "mi-0123456789abcdef0", try PortForwardSpec(parsing: "8080:localhost:80"))
        #expect(local["DocumentName"] == .string("AWS-StartPortForwardingSession"))
        #expect(local["Parameters"] == .object(["portNumber": .array([.string("80")]), "localPortNumber": .array([.string("8080")])]))
        let remote = SessionRequest.forward(target: "mi-0123456789abcdef0", try PortForwardSpec(parsing: "5432:db.internal:5432"))
        #expect(remote["DocumentName"] == .string("AWS-StartPortForwardingSessionToRemoteHost"))
        #expect(remote["Parameters"]?["host"] == .array([.string("db.internal")]))
    }

    @Test func anSSHProxyIsOnePort() {
        #expect(SessionRequest.sshProxy(target: "mi-0123456789abcdef0", port: 22) == .object([
            "Target": .string("mi-0123456789abcdef0"), "DocumentName": .string("AWS-StartSSHSession"),
            "Parameters": .object(["portNumber": .array([.string("22")])]),
        ]))
    }

    @Test func forwardSpecsReadIPv6InBrackets() throws {
        #expect(try PortForwardSpec(parsing: "8443:[fd00::5]:443") == PortForwardSpec(localPort: 8443, host: "fd00::5", remotePort: 443))
        #expect(try PortForwardSpec(parsing: "1:localhost:65535").isNodeItself)
    }

    @Test(arguments: ["8080", "8080:80", ":localhost:80", "0:localhost:80", "8080:localhost:65536", "8080::80", "x:localhost:80",
                      "8080:local host:80"])
    func malformedForwardSpecsAreRefused(text: String) {
        #expect(throws: PortForwardSpecError.malformed(text)) { try PortForwardSpec(parsing: text) }
    }
}
