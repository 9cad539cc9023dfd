import Foundation
import PortlessCore

/// The `Portless.*` operations AWS has no counterpart for (scans and their bundles), in the same JSON 1.1 shape.
struct PortlessOperations: Sendable {
    static let targetPrefix = "Portless."

    let scans: ScanService
    let bundles: BundleService
    let events: EventRuleService
    let sessions: SessionService
    let region: String

    func handle(_ operation: String, body: Data, principal: Principal, facts: CallFacts) async throws -> Data {
        switch operation {
        case "GetSessionTranscript":
            let request: SessionIdRequest = try decode(body)
            let transcript = try await sessions.transcript(sessionId: request.sessionId, principal: principal)
            return try encode(["SessionId": request.sessionId, "Transcript": String(decoding: transcript, as: UTF8.self)])
        case "StartScan":
            let request: StartScanRequest = try decode(body)
            let scan = try await scans.start(request.scanRequest, by: .caller(principal), facts: facts)
            return try encode(["Scan": ScanShape(scan: scan, counts: try await scans.get(scanId: scan.scanId, principal: principal).counts)])
        case "GetScan":
            let request: ScanIdRequest = try decode(body)
            let found = try await scans.get(scanId: request.scanId, principal: principal)
            let nodes = request.includeNodes == true ? try await scans.nodes(scanId: request.scanId).map(ScanNodeShape.init) : nil
            return try encode(GetScanReply(scan: ScanShape(scan: found.scan, counts: found.counts), nodes: nodes))
        case "ListScans":
            let request: ListScansRequest = try decode(body)
            let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
            let offset = try Pagination.offset(from: request.nextToken)
            let found = try await scans.list(principal: principal, offset: offset, limit: limit + 1)
            var shapes: [ScanShape] = []
            for scan in found.prefix(limit) {
                shapes.append(ScanShape(scan: scan, counts: try await scans.get(scanId: scan.scanId, principal: principal).counts))
            }
            return try encode(ListReply(key: "Scans", items: shapes, nextToken: found.count > limit ? Pagination.token(offset: offset + limit) : nil))
        case "CancelScan":
            let request: ScanIdRequest = try decode(body)
            let scan = try await scans.cancel(scanId: request.scanId, principal: principal)
            return try encode(["Scan": ScanShape(scan: scan, counts: try await scans.get(scanId: scan.scanId, principal: principal).counts)])
        case "GetScanReport":
            let request: ScanReportRequest = try decode(body)
            let report = try await scans.report(scanId: request.scanId, principal: principal)
            let rendered = try ScanReportFormat.render(report, format: request.format, language: request.language,
                                                       context: ScanFindingsASFF.Context(region: region, accountId: principal.accountId))
            return try encode(["Report": rendered.text, "ContentType": rendered.contentType])
        case "PutScanBundle":
            let request: PutScanBundleRequest = try decode(body)
            guard let archive = Data(base64Encoded: request.archive) else {
                throw PortlessError(.validation, "Archive is not base64.", field: "Archive")
            }
            let bundle: ScanBundle
            do {
                bundle = try ScanBundle(archive: Array(archive))
            } catch {
                throw PortlessError(.validation, "The bundle is not valid: \(error.message)", field: "Archive")
            }
            let record = try await bundles.push(bundle, accountId: principal.accountId, by: principal.arn)
            return try encode(["Bundle": BundleShape(bundle: record)])
        case "ListScanBundles":
            let records = try await bundles.list(accountId: principal.accountId)
            return try encode(ListReply(key: "Bundles", items: records.map(BundleShape.init), nextToken: nil))
        case "ListRuleDeliveries":
            let request: RuleDeliveriesRequest = try decode(body)
            let state = try request.state.map { (text: String) throws -> EventDeliveryRecord.State in
                guard let state = EventDeliveryRecord.State(rawValue: text) else {
                    throw ConstraintViolation.error(.validation, value: text, field: "State", .enumeration(["PENDING", "DEAD_LETTERED"]))
                }
                return state
            } ?? .deadLettered
            let deliveries = try await events.deliveries(rule: request.rule, state: state, principal: principal)
            return try encode(ListReply(key: "Deliveries", items: deliveries.map(EventDeliveryShape.init), nextToken: nil))
        default:
            throw PortlessError(.unknownOperation, "Operation Portless.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }

    struct GetScanReply: Encodable {
        var scan: ScanShape
        var nodes: [ScanNodeShape]?
        enum CodingKeys: String, CodingKey { case scan = "Scan", nodes = "Nodes" }
    }

    private func decode<T: Decodable>(_ body: Data) throws -> T {
        try WireCoding.decode(T.self, from: body.isEmpty ? Data("{}".utf8) : body)
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data {
        try WireCoding.encoder().encode(value)
    }
}
