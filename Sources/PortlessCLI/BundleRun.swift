import Foundation
import PortlessCore

/// One run of a check bundle's runner on this machine: `sh run.sh -r ROOT -t SECONDS`, each line it prints parsed
/// into that check's result (a line that is not a valid result becomes the check's ERROR result with the reason).
struct BundleRun {
    struct RunError: Error, CustomStringConvertible {
        var description: String
    }

    var bundle: URL
    var root: String
    var timeout: Int

    /// Runs the bundle and returns its results in bundle order; throws when the runner could not run.
    func results() throws -> [CheckResult] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [bundle.appending(path: "run.sh").path, "-r", root, "-t", String(timeout)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        do {
            // A child inherits the spawning thread's signal mask, and the threads async code runs on block almost every
            // signal: the runner's `wait` would then sleep forever for a SIGCHLD that never comes. Spawn with none blocked.
            var previous = sigset_t()
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, &previous)
            defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
            try process.run()
        } catch {
            throw RunError(description: "could not start the bundle's runner: \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw RunError(description: "the bundle's runner exited with status \(process.terminationStatus)")
        }
        return data.split(separator: UInt8(ascii: "\n")).map { line in
            let line = Data(line)
            do throws(ScanResultError) {
                return try CheckResult(bundleLine: line)
            } catch {
                return CheckResult.unreadable(line: line, error: error)
            }
        }
    }
}
