import Foundation
@testable import PortlessCore

/// Check results, node outcomes and bundle lines for the scan tests.
enum ScanFixtures {
    static let titles: [(String, CheckSeverity, String, String)] = [
        ("U-01", .high, "root 계정 원격 접속 제한", "Remote root login is blocked"),
        ("U-02", .high, "패스워드 복잡성 설정", "Passwords must be complex"),
        ("U-03", .high, "계정 잠금 임계값 설정", "Accounts lock after failed logins"),
        ("U-04", .high, "패스워드 파일 보호", "Passwords are kept in shadow form"),
        ("U-05", .high, "root 홈, 패스 디렉터리 권한 및 패스 설정", "root's PATH holds no relative entry"),
        ("U-06", .high, "파일 및 디렉터리 소유자 설정", "Every file has an owner"),
        ("U-07", .high, "/etc/passwd 파일 소유자 및 권한 설정", "/etc/passwd is owned by root, mode 644 or less"),
        ("U-08", .high, "/etc/shadow 파일 소유자 및 권한 설정", "/etc/shadow is owned by root, mode 400 or less"),
        ("U-13", .high, "SUID, SGID 설정 파일 점검", "No needless SUID or SGID files"),
        ("U-46", .medium, "패스워드 최소 길이 설정", "Passwords are at least 8 characters"),
        ("U-47", .medium, "패스워드 최대 사용 기간 설정", "Passwords expire within 90 days"),
        ("U-54", .low, "Session Timeout 설정", "Idle sessions time out"),
    ]

    static func result(_ id: String, _ status: CheckStatus, severity: CheckSeverity? = nil,
                       evidence: [CheckEvidence] = [], review: [String] = []) -> CheckResult {
        let known = titles.first { $0.0 == id }
        return CheckResult(id: id, id2026: id, title: LocalizedText(ko: known?.2 ?? "항목 \(id)", en: known?.3 ?? "Check \(id)"),
                           severity: severity ?? known?.1 ?? .medium, cis: "5.2.8", status: status,
                           evidence: evidence.isEmpty ? [CheckEvidence(file: "/etc/ssh/sshd_config", line: 12, value: "PermitRootLogin yes", expected: "PermitRootLogin no")] : evidence,
                           review: review, remedy: LocalizedText(ko: "설정을 바꾼다.", en: "Change the setting."))
    }

    static func node(_ index: Int, _ statuses: [String: CheckStatus], state: NodeScanState = .scanned, reason: String? = nil) -> NodeScanOutcome {
        NodeScanOutcome(nodeId: nodeId(index), accountId: "111122223333", hostname: "web-\(index)", state: state, reason: reason,
                        scannedAt: state == .scanned ? Date(timeIntervalSince1970: 1_800_000_000) : nil,
                        results: statuses.keys.sorted().map { result($0, statuses[$0]!) })
    }

    static func nodeId(_ index: Int) -> String { "mi-" + String(format: "%017x", index) }

    /// A line exactly as the bundle prints it.
    static let validLine = #"{"id":"U-01","id2026":"U-01","title":{"ko":"root 계정 원격 접속 제한","en":"Remote root login is blocked"},"severity":"High","cis":"5.2.8","status":"FAIL","evidence":[{"file":"/etc/ssh/sshd_config","line":12,"value":"PermitRootLogin yes","expected":"PermitRootLogin no"}],"review":[],"remedy":{"ko":"PermitRootLogin no 를 설정한다.","en":"Set PermitRootLogin no."}}"#

    /// `validLine` with `field` set to `value` (raw JSON), or removed when `value` is nil.
    static func line(setting field: String, to value: String?) -> String {
        var object = try! JSONSerialization.jsonObject(with: Data(validLine.utf8)) as! [String: Any]
        if let value {
            object[field] = try! JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        } else {
            object[field] = nil
        }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static let header = #"{"portlessScan":{"scanId":"scan-0123456789abcdef0","nodeId":"mi-0123456789abcdef0","accountId":"111122223333","bundleSha256":"\#(String(repeating: "ab", count: 32))","hostname":"web-1","startedAt":"2026-12-02T17:18:31Z","finishedAt":"2026-12-02T17:18:40.250Z"}}"#
}
