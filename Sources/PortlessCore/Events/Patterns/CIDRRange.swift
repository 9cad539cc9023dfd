/// A `cidr` match (`10.0.0.0/24`, `2001:db8::/64`): a string value matches when it is an address of the same family
/// from the given address up to the last one the mask leaves, as EventBridge reads it.
struct CIDRRange: Sendable, Hashable {
    private var bottom: [UInt8]
    private var top: [UInt8]

    /// Parses `text`; a malformed range throws EventBridge's reason.
    init(parsing text: String) throws(EventWildcardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw EventWildcardError(reason: "Malformed CIDR, one '/' required") }
        guard let bits = Int(parts[1]) else { throw EventWildcardError(reason: "Malformed CIDR, mask bits must be an integer") }
        guard bits >= 0 else { throw EventWildcardError(reason: "Malformed CIDR, mask bits must not be negative") }
        guard let address = IPAddressBytes(String(parts[0])) else { throw EventWildcardError(reason: "Invalid IP address: \(parts[0])") }
        let width = address.bytes.count * 8
        guard bits < width else {
            throw EventWildcardError(reason: width == 32 ? "IPv4 mask bits must be < 32" : "IPv6 mask bits must be < 128")
        }
        bottom = address.bytes
        var hostBits = width - bits
        var top = address.bytes
        for index in top.indices.reversed() where hostBits > 0 {
            top[index] |= hostBits >= 8 ? 0xFF : UInt8((1 << hostBits) - 1)
            hostBits -= 8
        }
        self.top = top
    }

    func contains(_ text: String) -> Bool {
        guard let address = IPAddressBytes(text), address.bytes.count == bottom.count else { return false }
        return !address.bytes.lexicographicallyPrecedes(bottom) && !top.lexicographicallyPrecedes(address.bytes)
    }
}
