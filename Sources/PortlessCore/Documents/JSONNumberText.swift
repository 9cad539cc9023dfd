/// Writes a JSON number the way a person would: integral values without a fraction.
enum JSONNumberText {
    static func text(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
