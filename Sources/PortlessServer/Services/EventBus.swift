public import PortlessCore

/// The server's in-process event bus: state changes are published here; rules and other
/// consumers subscribe. A slow subscriber loses its oldest events rather than slowing publishers.
public actor EventBus {
    public static let bufferLimit = 10_000

    private var subscribers: [Int: AsyncStream<EventEnvelope>.Continuation] = [:]
    private var nextId = 0

    public init() {}

    /// Every event published from now on, until the stream is dropped.
    public func subscribe() -> AsyncStream<EventEnvelope> {
        let (stream, continuation) = AsyncStream<EventEnvelope>.makeStream(bufferingPolicy: .bufferingNewest(Self.bufferLimit))
        let id = nextId
        nextId += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    public func publish(_ event: EventEnvelope) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    private func remove(_ id: Int) { subscribers[id] = nil }
}
