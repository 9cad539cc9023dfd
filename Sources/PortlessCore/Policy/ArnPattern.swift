/// An ARN pattern as `ArnLike`/`ArnEquals` compare it: each of the six colon-separated parts is matched on its
/// own (`*` and `?` do not cross a colon before the resource part; the resource part takes the rest).
struct ArnPattern: Sendable, Hashable {
    let segments: [WildcardPattern]

    init(units: [UInt16]) {
        var segments: [WildcardPattern] = []
        var current: [UInt16] = []
        for unit in units {
            if unit == UInt16(UInt8(ascii: ":")) && segments.count < 5 {
                segments.append(WildcardPattern(units: current, ignoresCase: false))
                current = []
            } else {
                current.append(unit)
            }
        }
        segments.append(WildcardPattern(units: current, ignoresCase: false))
        self.segments = segments
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            for (index, segment) in segments.enumerated() {
                var end = bytes.count
                if index < 5 {
                    guard let colon = bytes[start...].firstIndex(of: UInt8(ascii: ":")) else { return false }
                    end = colon
                }
                guard segment.matches(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return false }
                start = end + 1
            }
            return segments.count == 6
        }
    }
}
