import Foundation
import PortlessCore

/// Renders a scan report in the format `GetScanReport` asks for.
enum ScanReportFormat {
    static let formats = ["json", "html", "csv", "findings"]

    static func render(_ report: ScanReport, format: String?, language: String?,
                       context: ScanFindingsASFF.Context) throws -> (text: String, contentType: String) {
        guard let language = ReportLanguage(rawValue: language ?? "en") else {
            throw PortlessError(.validation, "Language must be ko or en.", field: "Language")
        }
        switch format ?? "json" {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return (String(decoding: try encoder.encode(report), as: UTF8.self), "application/json")
        case "html": return (ScanReportHTML.render(report, language: language), "text/html; charset=utf-8")
        case "csv": return (ScanReportCSV.render(report, language: language), "text/csv; charset=utf-8")
        case "findings": return (ScanFindingsASFF.render(report, language: language, context: context), "application/x-ndjson")
        default: throw PortlessError(.validation, "Format must be one of \(formats.joined(separator: ", ")).", field: "Format")
        }
    }
}
