import Foundation
import PortlessCore

extension SSMOperations {
    static let parameterOperations: Set<String> = ["PutParameter", "GetParameter", "GetParameters", "GetParametersByPath", "DescribeParameters",
                                                   "DeleteParameter", "DeleteParameters", "GetParameterHistory", "LabelParameterVersion",
                                                   "UnlabelParameterVersion"]

    /// The Parameter Store operations.
    func handleParameter(_ operation: String, body: Data, principal: Principal, facts: CallFacts) async throws -> Data {
        let request: ParameterRequest = try WireCoding.decode(ParameterRequest.self, from: body.isEmpty ? Data("{}".utf8) : body)
        let caller = KMSCaller(principal: principal, facts: facts)
        let region = parameters.region
        switch operation {
        case "PutParameter":
            let input = ParameterService.PutInput(name: try required(request.name, "Name"), value: try required(request.value, "Value"), type: request.type,
                                                  description: request.description, keyId: request.keyId, overwrite: request.overwrite ?? false,
                                                  allowedPattern: request.allowedPattern, tags: request.tags, tier: request.tier,
                                                  policies: request.policies, dataType: request.dataType)
            let record = try await parameters.put(input, caller: caller)
            return try WireCoding.encoder().encode(PutParameterReply(version: record.version, tier: record.tier.rawValue))
        case "GetParameter":
            let read = try await parameters.get(try required(request.name, "Name"), withDecryption: request.withDecryption ?? false, caller: caller)
            return try WireCoding.encoder().encode(["Parameter": ParameterShape(read.record, selector: read.selector, region: region)])
        case "GetParameters":
            let (found, invalid) = try await parameters.get(try required(request.names, "Names"), withDecryption: request.withDecryption ?? false,
                                                            caller: caller)
            return try WireCoding.encoder().encode(GetParametersReply(parameters: found.map { ParameterShape($0.record, selector: $0.selector, region: region) },
                                                                      invalidParameters: invalid))
        case "GetParametersByPath":
            let limit = try Pagination.limit(request.maxResults, range: 1...10, defaultValue: 10)
            let offset = try Pagination.offset(from: request.nextToken)
            let page = try await parameters.byPath(try required(request.path, "Path"), recursive: request.recursive ?? false,
                                                   filters: request.parameterFilters ?? [], withDecryption: request.withDecryption ?? false,
                                                   offset: offset, limit: limit, caller: caller)
            return try WireCoding.encoder().encode(ListReply(key: "Parameters", items: page.items.map { ParameterShape($0, region: region) },
                                                            nextToken: page.nextOffset.map(Pagination.token(offset:))))
        case "DescribeParameters":
            let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
            let found = try await parameters.describe(filters: request.filters, parameterFilters: request.parameterFilters, caller: caller)
            let page = Pagination.page(found, offset: try Pagination.offset(from: request.nextToken), limit: limit)
            return try WireCoding.encoder().encode(ListReply(key: "Parameters", items: page.items.map { ParameterMetadataShape($0, region: region) },
                                                            nextToken: page.nextToken))
        case "DeleteParameter":
            try await parameters.delete(try required(request.name, "Name"), caller: caller)
            return Data("{}".utf8)
        case "DeleteParameters":
            let (deleted, invalid) = try await parameters.delete(try required(request.names, "Names"), caller: caller)
            return try WireCoding.encoder().encode(["DeletedParameters": deleted, "InvalidParameters": invalid])
        case "GetParameterHistory":
            let limit = try Pagination.limit(request.maxResults, range: 1...50, defaultValue: 50)
            let versions = try await parameters.history(try required(request.name, "Name"), withDecryption: request.withDecryption ?? false, caller: caller)
            let page = Pagination.page(versions, offset: try Pagination.offset(from: request.nextToken), limit: limit)
            return try WireCoding.encoder().encode(ListReply(key: "Parameters", items: page.items.map { ParameterMetadataShape($0, region: region, history: true) },
                                                            nextToken: page.nextToken))
        case "LabelParameterVersion":
            let (invalid, version) = try await parameters.label(try required(request.name, "Name"), version: request.parameterVersion,
                                                                labels: try required(request.labels, "Labels"), caller: caller)
            return try WireCoding.encoder().encode(LabelReply(invalidLabels: invalid, parameterVersion: version))
        case "UnlabelParameterVersion":
            let (removed, invalid) = try await parameters.unlabel(try required(request.name, "Name"),
                                                                  version: try required(request.parameterVersion, "ParameterVersion"),
                                                                  labels: try required(request.labels, "Labels"), caller: caller)
            return try WireCoding.encoder().encode(["RemovedLabels": removed, "InvalidLabels": invalid])
        default:
            throw PortlessError(.unknownOperation, "Operation AmazonSSM.\(operation) is not supported.", field: "X-Amz-Target")
        }
    }

    private func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw ConstraintViolation.error(.validation, value: nil, field: field, .notNull) }
        return value
    }
}

private struct PutParameterReply: Encodable {
    var version: Int
    var tier: String
    enum CodingKeys: String, CodingKey { case version = "Version", tier = "Tier" }
}

private struct GetParametersReply: Encodable {
    var parameters: [ParameterShape]
    var invalidParameters: [String]
    enum CodingKeys: String, CodingKey { case parameters = "Parameters", invalidParameters = "InvalidParameters" }
}

private struct LabelReply: Encodable {
    var invalidLabels: [String]
    var parameterVersion: Int
    enum CodingKeys: String, CodingKey { case invalidLabels = "InvalidLabels", parameterVersion = "ParameterVersion" }
}
