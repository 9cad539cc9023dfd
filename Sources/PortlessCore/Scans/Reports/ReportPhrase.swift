/// The fixed words of a report, in each `ReportLanguage`.
public enum ReportPhrase: Sendable, CaseIterable {
    case reportTitle, localScan, scan, account, bundle, started, finished, generated
    case summary, nodesScanned, nodesNotScanned, passRate, failures, newFailures, fixed
    case fleetResults, failuresByCheck, worstNodes, trend, nodesWithFailure
    case resultsByCheck, check, severity, node, hostname, score, status, title, counts, failingNodes
    case evidence, review, remedy, reason, since, detail, kind, previous, current
    case noPreviousScan, noneFound, unscanned, hygiene, findingsByNode, scoreFormula
    case file, line, mode, owner, value, expected, note

    public func text(_ language: ReportLanguage) -> String {
        let (ko, en) = pair
        return language == .ko ? ko : en
    }

    private var pair: (String, String) {
        switch self {
        case .reportTitle: ("주요정보통신기반시설 Unix 서버 취약점 점검 결과", "KISA Unix server security check report")
        case .localScan: ("로컬 점검", "Local scan")
        case .scan: ("점검 ID", "Scan")
        case .account: ("계정", "Account")
        case .bundle: ("점검 번들", "Bundle")
        case .started: ("시작", "Started")
        case .finished: ("종료", "Finished")
        case .generated: ("보고서 작성", "Report generated")
        case .summary: ("요약", "Summary")
        case .nodesScanned: ("점검 완료 서버", "Nodes scanned")
        case .nodesNotScanned: ("미점검 서버", "Nodes not scanned")
        case .passRate: ("양호율", "Pass rate")
        case .failures: ("취약 건수", "Failures")
        case .newFailures: ("신규 취약", "New failures")
        case .fixed: ("조치 완료", "Fixed")
        case .fleetResults: ("전체 점검 결과", "Results across the fleet")
        case .failuresByCheck: ("항목별 취약 서버 수", "Failures by check")
        case .worstNodes: ("점수가 낮은 서버", "Lowest-scoring nodes")
        case .trend: ("점검 추이 (양호율)", "Trend across scans (pass rate)")
        case .nodesWithFailure: ("취약 서버", "failing nodes")
        case .resultsByCheck: ("항목별 결과", "Results by check")
        case .check: ("항목", "Check")
        case .severity: ("중요도", "Severity")
        case .node: ("서버", "Node")
        case .hostname: ("호스트명", "Host name")
        case .score: ("점수", "Score")
        case .status: ("결과", "Result")
        case .title: ("점검 항목", "Title")
        case .counts: ("결과 수", "Counts")
        case .failingNodes: ("취약 서버", "Failing nodes")
        case .evidence: ("점검 근거", "Evidence")
        case .review: ("수동 확인 대상", "To review")
        case .remedy: ("조치 방법", "Remedy")
        case .reason: ("사유", "Reason")
        case .since: ("마지막 확인", "Since")
        case .detail: ("내용", "Detail")
        case .kind: ("구분", "Kind")
        case .previous: ("이전", "Before")
        case .current: ("현재", "Now")
        case .noPreviousScan: ("비교할 이전 점검이 없습니다.", "No previous scan to compare with.")
        case .noneFound: ("없음", "None")
        case .unscanned: ("점검하지 못한 서버", "Nodes not scanned")
        case .hygiene: ("관리 노드 상태 점검", "Managed-node hygiene")
        case .findingsByNode: ("서버별 상세 결과", "Findings by node")
        case .scoreFormula: ("점수 = 100 × 양호 항목 가중치 합 ÷ (양호 + 취약 + 오류) 항목 가중치 합 (상 3, 중 2, 하 1; 해당 없음·수동 확인 제외)",
                             "Score = 100 × weight of passed checks ÷ weight of passed, failed and errored checks (High 3, Medium 2, Low 1; N/A and manual review left out)")
        case .file: ("파일", "File")
        case .line: ("줄", "Line")
        case .mode: ("권한", "Mode")
        case .owner: ("소유자", "Owner")
        case .value: ("현재 값", "Value")
        case .expected: ("기준", "Expected")
        case .note: ("비고", "Note")
        }
    }
}
