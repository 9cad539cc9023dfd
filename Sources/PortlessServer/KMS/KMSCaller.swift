import PortlessCore

/// Who asks KMS for something, and through which service: a direct call, or Parameter Store's on the caller's
/// behalf (`kms:ViaService`), as the key policy's conditions see it.
struct KMSCaller: Sendable {
    var principal: Principal
    var facts: CallFacts

    init(principal: Principal, facts: CallFacts, viaService: String? = nil, region: String = "") {
        self.principal = principal
        self.facts = facts
        self.facts.keys["kms:CallerAccount"] = [.string(principal.accountId)]
        if let viaService { self.facts.keys["kms:ViaService"] = [.string("\(viaService).\(region).amazonaws.com")] }
    }

    var accountId: String { principal.accountId }
}
