public import Foundation

/// A scan report's findings in the AWS Security Finding Format (ASFF, schema 2018-10-08) as the body of an OpenSearch
/// `_bulk` request: for each finding an `{"index":{"_id":…}}` action line, then the finding on one line. The index is
/// named in the request's path (`POST /INDEX/_bulk`). A check's finding for a node keeps one Id across scans (as a
/// Security Hub control's finding does), so loading a later scan updates each node and check to its latest state.
public enum ScanFindingsASFF {
    public static let schemaVersion = "2018-10-08"
    public static let checkType = "Software and Configuration Checks/Industry and Regulatory Standards/KISA Unix"
    public static let hygieneType = "Software and Configuration Checks/AWS Security Best Practices"

    /// Where the findings are reported from: the server's region and the account that holds the scan.
    public struct Context: Sendable, Hashable {
        public var region: String
        public var accountId: String

        public init(region: String, accountId: String) {
            self.region = region
            self.accountId = accountId
        }
    }

    /// The bulk body: action and finding lines, each ending in a newline.
    public static func render(_ report: ScanReport, language: ReportLanguage, context: Context) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var body = ""
        for finding in findings(report, language: language, context: context) {
            let action = JSONValue.object(["index": .object(["_id": finding["Id"] ?? .null])])
            for value in [action, finding] {
                body += String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
            }
        }
        return body
    }

    /// One ASFF finding per scanned node and check, then one per hygiene finding.
    public static func findings(_ report: ScanReport, language: ReportLanguage, context: Context) -> [JSONValue] {
        var findings: [JSONValue] = []
        for node in report.scannedNodes {
            let at = timestamp(node.scannedAt ?? report.generatedAt)
            for result in node.results {
                findings.append(checkFinding(result, node: node.node, scanId: report.subject.scanId, at: at, language: language, context: context))
            }
        }
        for hygiene in report.hygiene {
            findings.append(hygieneFinding(hygiene, generatedAt: report.generatedAt, language: language, context: context))
        }
        return findings
    }

    private static func checkFinding(_ result: CheckResult, node: ScanReport.NodeRef, scanId: String?, at: String,
                                     language: ReportLanguage, context: Context) -> JSONValue {
        let evidence = result.evidence.map(ScanReportCSV.describe) + result.review
        let description = "\(language.text(result.title)): \(language.label(result.status))"
            + (evidence.isEmpty ? "" : ". " + evidence.joined(separator: "; "))
        var requirements = ["KISA Unix 2021 \(result.id)"]
        if result.id2026 != "-" { requirements.append("KISA Unix 2026 \(result.id2026)") }
        if !result.cis.isEmpty { requirements.append("CIS \(result.cis)") }
        var fields: [String: JSONValue] = ["Portless/CheckId": .string(result.id), "Portless/CheckId2026": .string(result.id2026),
                                           "Portless/Result": .string(result.status.rawValue), "Portless/Hostname": .string(clip(node.hostname, 1024))]
        if let scanId { fields["Portless/ScanId"] = .string(scanId) }
        return finding(
            id: "arn:aws:portless:\(context.region):\(node.accountId):finding/kisa-unix/\(node.nodeId)/\(result.id)",
            generator: "portless/kisa-unix/\(result.id)", type: checkType, node: node, createdAt: at, updatedAt: at,
            severity: severityLabel(result), title: "\(result.id) \(language.text(result.title))", description: description,
            remedy: language.text(result.remedy), compliance: complianceStatus(result.status), requirements: requirements,
            productFields: fields, context: context)
    }

    private static func hygieneFinding(_ hygiene: HygieneFinding, generatedAt: Date, language: ReportLanguage, context: Context) -> JSONValue {
        let node = ScanReport.NodeRef(nodeId: hygiene.nodeId, accountId: hygiene.accountId, hostname: "")
        return finding(
            id: "arn:aws:portless:\(context.region):\(hygiene.accountId):finding/hygiene/\(hygiene.nodeId)/\(hygiene.kind.rawValue)",
            generator: "portless/hygiene/\(hygiene.kind.rawValue)", type: hygieneType, node: node,
            createdAt: timestamp(hygiene.since ?? generatedAt), updatedAt: timestamp(generatedAt), severity: "MEDIUM",
            title: language.label(hygiene.kind), description: hygiene.detail, remedy: language.remedy(hygiene.kind),
            compliance: "FAILED", requirements: ["AWS Security Hub SSM.1"], productFields: [:], context: context)
    }

    private static func finding(id: String, generator: String, type: String, node: ScanReport.NodeRef, createdAt: String,
                                updatedAt: String, severity: String, title: String, description: String, remedy: String,
                                compliance: String, requirements: [String], productFields: [String: JSONValue],
                                context: Context) -> JSONValue {
        var resource: [String: JSONValue] = [
            "Type": .string("Other"), "Partition": .string("aws"), "Region": .string(context.region),
            "Id": .string("arn:aws:ssm:\(context.region):\(node.accountId):managed-instance/\(node.nodeId)"),
        ]
        if !node.hostname.isEmpty { resource["Details"] = .object(["Other": .object(["Hostname": .string(clip(node.hostname, 1024))])]) }
        return .object([
            "SchemaVersion": .string(schemaVersion),
            "Id": .string(id),
            "ProductArn": .string("arn:aws:securityhub:\(context.region):\(context.accountId):product/\(context.accountId)/default"),
            "ProductName": .string("Portless"),
            "CompanyName": .string("Portless"),
            "GeneratorId": .string(generator),
            "AwsAccountId": .string(node.accountId),
            "Types": .array([.string(type)]),
            "CreatedAt": .string(createdAt),
            "UpdatedAt": .string(updatedAt),
            "Severity": .object(["Label": .string(severity)]),
            "Title": .string(clip(title, 256)),
            "Description": .string(clip(description, 1024)),
            "Remediation": .object(["Recommendation": .object(["Text": .string(clip(remedy, 512))])]),
            "Resources": .array([.object(resource)]),
            "Compliance": .object(["Status": .string(compliance), "RelatedRequirements": .array(requirements.map { .string($0) })]),
            "RecordState": .string("ACTIVE"),
            "ProductFields": .object(productFields),
        ])
    }

    /// PASSED, FAILED, WARNING (a person must judge) or NOT_AVAILABLE (nothing to check, or the check could not run).
    static func complianceStatus(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "PASSED"
        case .fail: "FAILED"
        case .manual: "WARNING"
        case .notApplicable, .error: "NOT_AVAILABLE"
        }
    }

    /// INFORMATIONAL for a pass or NA, else the check's importance.
    static func severityLabel(_ result: CheckResult) -> String {
        switch result.status {
        case .pass, .notApplicable: "INFORMATIONAL"
        case .fail, .manual, .error: result.severity.rawValue.uppercased()
        }
    }

    private static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }

    private static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
