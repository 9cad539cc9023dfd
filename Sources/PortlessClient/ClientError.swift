/// Failures a client reports: the server's AWS error, or a local problem.
public enum ClientError: Error, CustomStringConvertible, Sendable {
    /// The server answered with an AWS-shaped error.
    case service(code: String, message: String, status: Int)
    /// The client could not find its settings.
    case configuration(String)
    /// The server could not be reached or answered something unreadable.
    case transport(String)

    public var description: String {
        switch self {
        case .service(let code, let message, _): "\(code): \(message)"
        case .configuration(let message): message
        case .transport(let message): message
        }
    }
}
