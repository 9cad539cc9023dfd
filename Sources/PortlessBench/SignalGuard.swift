import Dispatch
import Foundation
import Glibc

/// While held, Ctrl-C or SIGTERM to the bench kills the server child before the bench exits.
struct SignalGuard {
    private let sources: [any DispatchSourceSignal]

    init(childPID pid: Int32) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                kill(pid, SIGKILL)
                FileHandle.standardError.write(Data("PortlessBench: interrupted; server \(pid) killed\n".utf8))
                exit(130)
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
