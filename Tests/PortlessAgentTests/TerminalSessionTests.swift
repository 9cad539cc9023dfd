import Foundation
@testable import PortlessAgent
import PortlessCore
import Testing

@Suite("Terminal sessions: a real PTY")
struct TerminalSessionTests {
    @Test("a shell echoes what is typed, runs it, and its exit code comes back")
    func shellEchoAndExit() async {
        let (leg, task) = startSession(order(.shell, profile: "export PROFILE_MARK=from-profile"))
        leg.type("echo sum-$((6*7)) $PROFILE_MARK $TERM\n")
        #expect(await leg.waitForOutput("sum-42 from-profile xterm-256color"))
        leg.type("exit 3\n")
        #expect(await leg.wait { $0.exitCode != nil })
        #expect(leg.exitCode == 3)
        await task.value
    }

    @Test("stty size shows the initial size and then a resize")
    func resize() async {
        let (leg, task) = startSession(order(.shell, columns: 91, rows: 27))
        leg.type("stty size\n")
        #expect(await leg.waitForOutput("27 91"))
        leg.feed(.control(SessionLegControl(type: .resize, columns: 132, rows: 43)))
        leg.type("stty size\n")
        #expect(await leg.waitForOutput("43 132"))
        leg.type("exit\n")
        #expect(await leg.wait { $0.exitCode == 0 })
        await task.value
    }

    @Test("an interactive command's exit code comes back")
    func interactiveCommandExitCode() async {
        let (leg, task) = startSession(order(.interactiveCommand, command: "tty; exit 7"))
        #expect(await leg.wait { $0.exitCode != nil })
        #expect(leg.exitCode == 7)
        #expect(leg.text().contains("/dev/pts/"))
        await task.value
    }

    @Test("Ctrl-C interrupts the foreground sleep")
    func controlC() async {
        let (leg, task) = startSession(order(.shell))
        // The shell has read the line once it prints the marker; then `sleep` is the foreground job.
        leg.type("echo started-$((20+3)); sleep 30\n")
        #expect(await leg.waitForOutput("started-23", timeout: .seconds(20)))
        try? await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        leg.type("\u{03}")
        leg.type("echo status-$?\n")
        #expect(await leg.waitForOutput("status-130", timeout: .seconds(5)))
        #expect(ContinuousClock.now - started < .seconds(5))
        leg.type("exit\n")
        await task.value
    }

    @Test("UTF-8 passes byte-exact both ways")
    func utf8() async {
        let (leg, task) = startSession(order(.shell))
        let word = "grüße✓日本"
        leg.type("read line; printf '[%s|%s]\\n' \"$line\" \"${#line}\"\n")
        try? await Task.sleep(for: .milliseconds(300))
        leg.type(word + "\n")
        #expect(await leg.waitForOutput("[\(word)|\(word.count)]"))
        leg.type("exit\n")
        await task.value
    }

    @Test("terminating kills the session's processes, a background job too")
    func terminateKillsBackground() async throws {
        let (leg, task) = startSession(order(.shell))
        leg.type("sleep 1000 & echo bg-pid-$!-end\n")
        #expect(await leg.wait { $0.text().range(of: #"bg-pid-\d+-end"#, options: .regularExpression) != nil })
        let match = try #require(leg.text().range(of: #"bg-pid-(\d+)-end"#, options: .regularExpression))
        let pid = try #require(Int32(leg.text()[match].dropFirst("bg-pid-".count).dropLast("-end".count)))
        #expect(isAlive(pid))
        task.cancel()
        await task.value
        #expect(await leg.wait(timeout: .seconds(5)) { _ in !isAlive(pid) })
    }

    @Test("the leg closing ends the shell")
    func legCloseEndsShell() async {
        let (leg, task) = startSession(order(.shell))
        leg.type("echo ready-$((1+1))\n")
        #expect(await leg.waitForOutput("ready-2"))
        leg.close()
        await task.value
        #expect(leg.exitCode == nil)
    }
}

/// Whether `pid` runs (a zombie waiting to be reaped does not).
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = stat.lastIndex(of: ")") else { return false }
    return stat[stat.index(end, offsetBy: 2)] != "Z"
}
