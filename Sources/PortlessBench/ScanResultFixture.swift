import Foundation
import PortlessCore

/// A result file like the bundle writes: the scan document's header line, then 72 check results whose
/// verdicts vary with the node, so the analysis has a realistic mix to count.
enum ScanResultFixture {
    static let statuses: [CheckStatus] = [.pass, .pass, .pass, .fail, .notApplicable, .pass, .manual, .pass, .fail, .notApplicable]

    /// U-01 … U-72 with evidence of a typical size.
    static func checks() -> [CheckResult] {
        (1...72).map { number in
            let id = String(format: "U-%02d", number)
            return CheckResult(id: id, id2026: id, title: LocalizedText(ko: "점검 항목 \(id)", en: "Check \(id)"),
                               severity: [.high, .medium, .low][number % 3], cis: "", status: .pass,
                               evidence: [CheckEvidence(file: "/etc/example/\(id).conf", line: number, mode: "644", owner: "root",
                                                        group: "root", value: "setting value \(number)", expected: "a safe value")],
                               review: [], remedy: LocalizedText(ko: "설정을 변경한다.", en: "Change the setting."))
        }
    }

    /// The bytes node `variant` uploads.
    static func file(scanId: String, nodeId: String, accountId: String, bundleSha256: String, hostname: String, checks: [CheckResult],
                     variant: Int) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = #"{"portlessScan":{"scanId":"\#(scanId)","nodeId":"\#(nodeId)","accountId":"\#(accountId)","bundleSha256":"\#(bundleSha256)","hostname":"\#(hostname)","startedAt":"2026-12-02T00:00:00Z","finishedAt":"2026-12-02T00:00:05Z"}}"#
        var lines = [header]
        for (index, check) in checks.enumerated() {
            var result = check
            result.status = statuses[(index + variant) % statuses.count]
            lines.append(String(decoding: (try? encoder.encode(result)) ?? Data(), as: UTF8.self))
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
