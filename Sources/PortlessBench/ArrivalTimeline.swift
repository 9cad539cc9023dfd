/// How many `run` frames arrived in each interval after SendCommand: shows rate control's waves.
struct ArrivalTimeline: Sendable {
    let bucketMs: Int
    let counts: [Int]

    init(milliseconds values: [Double], bucketMs: Int) {
        self.bucketMs = max(1, bucketMs)
        let last = Int((values.max() ?? 0) / Double(self.bucketMs))
        var counts = [Int](repeating: 0, count: values.isEmpty ? 0 : last + 1)
        for value in values { counts[max(0, Int(value / Double(self.bucketMs)))] += 1 }
        self.counts = counts
    }

    /// "0-100 ms: 12" lines, empty buckets left out.
    func lines() -> [String] {
        counts.enumerated().compactMap { index, count in
            count == 0 ? nil : "\(index * bucketMs)-\((index + 1) * bucketMs) ms: \(count)"
        }
    }
}
