public import Foundation

/// The language a report is written in: Korean, as Korean auditors write findings, or English.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    case ko
    case en

    /// 양호 / 취약 / 해당 없음 / 수동 확인 / 오류.
    public func label(_ status: CheckStatus) -> String {
        switch (status, self) {
        case (.pass, .ko): "양호"
        case (.pass, .en): "Pass"
        case (.fail, .ko): "취약"
        case (.fail, .en): "Fail"
        case (.notApplicable, .ko): "해당 없음"
        case (.notApplicable, .en): "N/A"
        case (.manual, .ko): "수동 확인"
        case (.manual, .en): "Manual review"
        case (.error, .ko): "오류"
        case (.error, .en): "Error"
        }
    }

    /// 상 / 중 / 하.
    public func label(_ severity: CheckSeverity) -> String {
        switch (severity, self) {
        case (.high, .ko): "상"
        case (.medium, .ko): "중"
        case (.low, .ko): "하"
        case (.high, .en): "High"
        case (.medium, .en): "Medium"
        case (.low, .en): "Low"
        }
    }

    public func label(_ state: NodeScanState) -> String {
        switch (state, self) {
        case (.pending, .ko): "대기 중"
        case (.pending, .en): "Pending"
        case (.scanned, .ko): "점검 완료"
        case (.scanned, .en): "Scanned"
        case (.notScanned, .ko): "미점검"
        case (.notScanned, .en): "Not scanned"
        case (.malformed, .ko): "결과 형식 오류"
        case (.malformed, .en): "Malformed result"
        }
    }

    public func label(_ kind: HygieneFinding.Kind) -> String {
        switch (kind, self) {
        case (.offline, .ko): "오프라인"
        case (.offline, .en): "Offline"
        case (.neverConnected, .ko): "연결된 적 없음"
        case (.neverConnected, .en): "Never connected"
        case (.notScannedInWindow, .ko): "점검 주기 내 미점검"
        case (.notScannedInWindow, .en): "Not scanned within the window"
        }
    }

    /// What to do about a hygiene finding.
    public func remedy(_ kind: HygieneFinding.Kind) -> String {
        switch (kind, self) {
        case (.offline, .ko): "에이전트를 다시 실행하거나, 더 이상 쓰지 않는 서버라면 등록을 해제한다."
        case (.offline, .en): "Bring the node's agent back online, or deregister a node that is gone."
        case (.neverConnected, .ko): "활성화 코드로 에이전트를 설치해 실행하거나, 등록을 해제한다."
        case (.neverConnected, .en): "Install and start the agent with its activation, or deregister the node."
        case (.notScannedInWindow, .ko): "점검되지 않은 이유(오프라인, 명령 실패 등)를 확인하고 다시 점검한다."
        case (.notScannedInWindow, .en): "Find out why the node missed its scan (offline, command failed) and scan it again."
        }
    }

    public func text(_ text: LocalizedText) -> String {
        let chosen = self == .ko ? text.ko : text.en
        return chosen.isEmpty ? (self == .ko ? text.en : text.ko) : chosen
    }

    public func text(_ phrase: ReportPhrase) -> String { phrase.text(self) }

    /// A time as `2026-01-31 09:00 UTC`.
    public func time(_ date: Date) -> String {
        let iso = date.formatted(.iso8601)
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    /// A share 0…1 as a whole percentage (`87%`), or `-`.
    public func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    }

    /// A score 0…100 as a whole number, or `-`.
    public func score(_ score: Double?) -> String {
        score.map { "\(Int($0.rounded()))" } ?? "-"
    }
}
