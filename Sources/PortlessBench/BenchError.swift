/// A benchmark that could not run to its end, with what was seen.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
