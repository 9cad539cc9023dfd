/// The size limits a scan result must keep: far above what the bundle writes, low enough that a hostile upload
/// cannot make the server hold or render much.
public enum ScanResultLimits {
    /// Bytes in one check's line.
    public static let lineBytes = 256 * 1024
    /// Bytes in a whole result file (header and every check).
    public static let fileBytes = 8 * 1024 * 1024
    /// Check results in one file.
    public static let checks = 1000
    /// Evidence items of one check.
    public static let evidenceItems = 1000
    /// Review items of one check.
    public static let reviewItems = 5000
    /// Characters in one string of a result (an evidence value, a review item, a title, a remedy).
    public static let stringCharacters = 16 * 1024
    /// Characters in a short field (id, severity, cis, hostname, ...).
    public static let shortCharacters = 255
}
