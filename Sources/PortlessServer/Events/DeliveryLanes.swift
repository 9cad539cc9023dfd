/// Which deliveries are being carried, and how many run at once against each target: a target that hangs holds
/// only its own lane, every other target keeps its slots.
actor DeliveryLanes {
    let width: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var carried: Set<String> = []

    /// Claims delivery `id` for one carrier; false when another already carries it (read from the store at start
    /// and also just enqueued).
    func claim(_ id: String) -> Bool { carried.insert(id).inserted }

    func release(_ id: String) { carried.remove(id) }

    init(width: Int) { self.width = width }

    /// Waits for a slot in `lane`.
    func enter(_ lane: String) async {
        if running[lane, default: 0] < width {
            running[lane, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[lane, default: []].append($0) }
    }

    /// Gives the slot to the next waiter of `lane`, or frees it.
    func leave(_ lane: String) {
        if var queue = waiting[lane], !queue.isEmpty {
            queue.removeFirst().resume()
            waiting[lane] = queue.isEmpty ? nil : queue
            return
        }
        running[lane, default: 1] -= 1
        if running[lane] == 0 { running[lane] = nil }
    }
}
