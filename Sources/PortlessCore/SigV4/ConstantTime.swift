/// Comparisons whose running time does not depend on where inputs differ.
public enum ConstantTime {
    /// Compares the UTF-8 bytes of two strings in time that depends only on
    /// their lengths, never on their content: a length difference does not
    /// stop the scan early.
    public static func equals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference: UInt8 = left.count == right.count ? 0 : 1
        let length = max(left.count, right.count)
        for index in 0..<length {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
