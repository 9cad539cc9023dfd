import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's, plus the caller's address (`aws:SourceIp`).
struct PortlessRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

extension CallFacts {
    /// What the connection tells: the caller's IP address and whether it came over TLS.
    init(context: some Hummingbird.RequestContext, secureTransport: Bool) {
        let address = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
        self.init(sourceIp: address, secureTransport: secureTransport)
    }
}
