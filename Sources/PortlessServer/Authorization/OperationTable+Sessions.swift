import PortlessCore

extension OperationTable {
    /// Session Manager, as AWS's service authorization reference lists it: StartSession on the node and on the
    /// session document (`SSM-SessionManagerRunShell` of the caller's account when none is named); Resume and
    /// Terminate on the session (`session/${aws:username}-*` in policies); GetSessionTranscript (Portless's) likewise.
    static let sessions: [String: OperationRule] = {
        var rules = same("ssm", ["DescribeSessions", "GetConnectionStatus"])
        rules["StartSession"] = OperationRule("ssm:StartSession") { input in
            let target = input.fields.string("Target") ?? ""
            var resources = [try await input.resolver.document(input.fields.string("DocumentName") ?? "SSM-SessionManagerRunShell",
                                                               callerAccount: input.account)]
            if Identifiers.isNodeID(target) { resources.append(try await input.resolver.node(target, callerAccount: input.account)) }
            return resources
        }
        for name in ["ResumeSession", "TerminateSession"] {
            rules[name] = OperationRule("ssm:\(name)") { input in [sessionResource(input)] }
        }
        return rules
    }()

    /// `Portless.GetSessionTranscript`: reading a session's recording, `portless:GetSessionTranscript` on the session.
    static let sessionTranscripts: [String: OperationRule] = [
        "GetSessionTranscript": OperationRule("portless:GetSessionTranscript") { input in [sessionResource(input)] },
    ]

    private static func sessionResource(_ input: OperationRule.Input) -> ResourceRef {
        ResourceRef(arn: ARN.session(region: input.region, account: input.account, id: input.fields.string("SessionId") ?? ""),
                    accountId: input.account)
    }
}
