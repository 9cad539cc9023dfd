/// Persistence for compliance: what each resource reported per compliance type. Every method is atomic.
public protocol ComplianceStore: Sendable {
    /// Reads every compliance type `resourceId` of `accountId` holds, lets `body` return what it should hold
    /// instead (nil: leave it as it is), and writes the change, all in one transaction.
    func modifyCompliance(accountId: String, resourceId: String,
                          _ body: @Sendable ([ResourceCompliance]) throws -> [ResourceCompliance]?) async throws

    /// What the resources of `accountId` hold, with their items: the resources named (every resource when
    /// nil), ordered by resource and compliance type.
    func compliance(accountId: String, resourceIds: [String]?) async throws -> [ResourceCompliance]

    /// The summary of every resource and compliance type of `accountId`, read without the items, ordered by
    /// resource and compliance type.
    func complianceSummaries(accountId: String) async throws -> [ResourceComplianceSummary]
}
