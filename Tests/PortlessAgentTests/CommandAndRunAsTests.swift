import Foundation
@testable import PortlessAgent
import PortlessCore
import Testing

@Suite("Non-interactive commands")
struct CommandSessionTests {
    @Test("stdout and stderr come apart, then the exit code")
    func stdoutStderrExit() async {
        let (leg, task) = startSession(order(.nonInteractiveCommand, command: "echo to-out; echo to-err >&2; exit 4"))
        #expect(await leg.wait { $0.exitCode != nil })
        #expect(leg.text(.stream) == "to-out\n")
        #expect(leg.text(.stderr) == "to-err\n")
        #expect(leg.exitCode == 4)
        await task.value
    }

    @Test("stream bytes from the leg are the command's stdin")
    func stdin() async {
        let (leg, task) = startSession(order(.nonInteractiveCommand, command: "read x; echo got-$x"))
        leg.type("abc\n")
        #expect(await leg.wait { $0.exitCode != nil })
        #expect(leg.text() == "got-abc\n")
        #expect(leg.exitCode == 0)
        await task.value
    }
}

@Suite("Run-as users", .serialized)
struct RunAsTests {
    @Test("portless-user is created when missing and the shell runs as it, not as root")
    func portlessUser() async throws {
        // userdel refuses a user with running processes (another suite's shell may still be ending): try for a while.
        for _ in 0..<100 where RunAsUser.lookup(RunAsUser.defaultName) != nil {
            if try await run(["/usr/sbin/userdel", "-r", RunAsUser.defaultName]) != 0 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(RunAsUser.lookup(RunAsUser.defaultName) == nil)
        let (leg, task) = startSession(order(.interactiveCommand, user: RunAsUser.defaultName, command: "id -un; id -u; pwd"))
        #expect(await leg.wait { $0.exitCode != nil })
        let user = try #require(RunAsUser.lookup(RunAsUser.defaultName))
        let lines = leg.text().split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines == [RunAsUser.defaultName, "\(user.uid)", user.home])
        #expect(user.uid != 0)
        #expect(FileManager.default.fileExists(atPath: user.home))
        await task.value
    }

    @Test("no user named means portless-user")
    func defaultUser() async {
        let (leg, task) = startSession(order(.nonInteractiveCommand, user: nil, command: "id -un"))
        #expect(await leg.wait { $0.exitCode != nil })
        #expect(leg.text() == RunAsUser.defaultName + "\n")
        await task.value
    }

    @Test("another missing user is refused with SSM's message")
    func missingUser() async {
        let (leg, task) = startSession(order(.shell, user: "no-such-user-pl"))
        await task.value
        #expect(leg.controls.map(\.type) == [.error])
        #expect(leg.controls.first?.message == "Unable to start command: failed to start pty since RunAs user no-such-user-pl does not exist")
    }

    private func run(_ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
