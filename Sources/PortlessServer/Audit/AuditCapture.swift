import Foundation
import PortlessCore
import Synchronization

/// What one request's handling tells its audit record, noted by the shared parts every operation goes
/// through — the SigV4 check (who signed), the key lookup (who the key claims to be, for refused
/// signatures), and the reply builders (the result or the refusal) — so an operation, or a whole new
/// service added to the dispatcher, is audited without code of its own.
///
/// The hook around a request binds one to ``current`` for the request's task.
final class AuditCapture: Sendable {
    @TaskLocal static var current: AuditCapture?

    struct State: Sendable {
        /// The principal whose signature verified.
        var signer: Principal?
        /// The principal the request's access key belongs to, whether or not its signature verified.
        var claimed: Principal?
        var failure: (code: String, message: String)?
        /// A JSON reply's body, or a Query reply's result elements.
        var reply: Data?
        var queryResult: [XMLTag]?
    }

    private let state = Mutex(State())

    var snapshot: State { state.withLock { $0 } }

    func noteSigner(_ principal: Principal) { state.withLock { if $0.signer == nil { $0.signer = principal } } }
    func noteClaimed(_ principal: Principal) { state.withLock { if $0.claimed == nil { $0.claimed = principal } } }
    func noteFailure(code: String, message: String) { state.withLock { $0.failure = (code, message) } }
    func noteReply(_ data: Data) { state.withLock { $0.reply = data } }
    func noteQueryResult(_ result: [XMLTag]?) { state.withLock { $0.queryResult = result } }
}
