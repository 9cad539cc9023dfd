/// A node's scan results as SSM compliance items of type `Custom:KISA-Unix`, one item per check (Id `U-01`, ...).
///
/// PASS and NA are COMPLIANT; FAIL and ERROR are NON_COMPLIANT at the check's importance; MANUAL is
/// NON_COMPLIANT at INFORMATIONAL (a person has yet to judge it). `Details` keeps the KISA verdict and the
/// 2026 number.
public enum KISACompliance {
    public static let type = ComplianceType.custom("KISA-Unix")!
    public static let executionType = "PortlessScan"

    public static func items(for results: [CheckResult]) -> [ComplianceItem] {
        results.map { result in
            let compliant = result.status == .pass || result.status == .notApplicable
            let severity: ComplianceSeverity = switch (result.status, result.severity) {
            case (.manual, _): .informational
            case (_, .high): .high
            case (_, .medium): .medium
            case (_, .low): .low
            }
            return ComplianceItem(id: result.id, title: String(result.title.en.prefix(500)), severity: severity,
                                  status: compliant ? .compliant : .nonCompliant,
                                  details: ["KisaStatus": result.status.rawValue, "Id2026": result.id2026])
        }
    }
}
