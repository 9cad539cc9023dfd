/// A `numeric` match: a lower and an upper bound, each open, closed or absent (`["=", 5]` is `[5, 5]`).
struct NumericRange: Sendable, Hashable {
    var lower: Double?
    var lowerInclusive = true
    var upper: Double?
    var upperInclusive = true

    func contains(_ number: Double) -> Bool {
        if let lower, lowerInclusive ? number < lower : number <= lower { return false }
        if let upper, upperInclusive ? number > upper : number >= upper { return false }
        return true
    }
}
