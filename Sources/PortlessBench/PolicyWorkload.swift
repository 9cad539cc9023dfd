import PortlessCore

/// A principal with `policies` attached identity policies of `statements` statements each, written the way
/// people write them: mixed services, wildcards in actions and resources, a few conditions and variables;
/// and the requests to decide against them (allowed and denied, across services).
struct PolicyWorkload {
    let set: PolicySet
    let requests: [AuthorizationRequest]

    static let services = ["ssm", "s3", "iam", "logs", "kms", "ec2", "sts", "events", "cloudtrail", "organizations"]
    static let verbs = ["Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Send", "Start", "Tag"]
    static let nouns = ["Command", "Object", "User", "LogEvents", "Key", "Instances", "Session", "Rule", "Trail", "Account"]

    init(policies: Int, statements: Int) throws {
        var identity: [Policy] = []
        for p in 0..<policies {
            var texts = (0..<statements).map { Self.statement(policy: p, index: $0) }
            if p == policies - 1 {
                // The grants the requests need sit in the last policy, so every decision reads every policy.
                for (index, grant) in Self.grants.enumerated() where index < texts.count { texts[texts.count - 1 - index] = grant }
            }
            let body = texts.joined(separator: ",")
            identity.append(try Policy(json: #"{"Version":"2012-10-17","Statement":[\#(body)]}"#, kind: .identity,
                                       name: "arn:aws:iam::111122223333:policy/bench-\(p)"))
        }
        set = PolicySet(identity: identity)
        let alice = PrincipalFacts(arn: "arn:aws:iam::111122223333:user/alice", accountId: "111122223333", kind: .user,
                                   userId: "AIDAEXAMPLE", username: "alice")
        var context = AuthorizationContext()
        context["aws:MultiFactorAuthPresent"] = [.bool(true)]
        context["aws:SourceIp"] = [.ip("10.1.2.3")]
        context["aws:PrincipalTag/team"] = [.string("ops")]
        context["ssm:resourceTag/team"] = [.string("ops")]
        context["aws:SecureTransport"] = [.bool(true)]
        let node = "arn:aws:ssm:us-east-1:111122223333:managed-instance/mi-0123456789abcdef0"
        requests = [
            ("ssm:SendCommand", node), ("ssm:StartSession", node), ("ssm:GetCommandInvocation", "*"),
            ("s3:GetObject", "arn:aws:s3:::reports/2026/q1.csv"), ("s3:PutObject", "arn:aws:s3:::home/alice/notes.txt"),
            ("iam:GetUser", "arn:aws:iam::111122223333:user/alice"), ("iam:CreateUser", "arn:aws:iam::111122223333:user/mallory"),
            ("logs:PutLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:/portless/sessions:log-stream:x"),
            ("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1234"), ("codecommit:GitPush", "*"),
        ].map { AuthorizationRequest(principal: alice, action: $0.0, resource: $0.1, context: context) }
    }

    /// What a team's operator is given: nodes of their team, their own home prefix, their own user, session logs.
    static let grants = [
        #"{"Sid":"Nodes","Effect":"Allow","Action":["ssm:SendCommand","ssm:StartSession"],"Resource":"arn:aws:ssm:*:*:managed-instance/*","Condition":{"StringEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team}"}}}"#,
        #"{"Sid":"Home","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::home/${aws:username}/*","arn:aws:s3:::reports/*"]}"#,
        #"{"Sid":"Self","Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"arn:aws:iam::111122223333:user/${aws:username}"}"#,
        #"{"Sid":"Logs","Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:*:111122223333:log-group:/portless/*"}"#,
        #"{"Sid":"Read","Effect":"Allow","Action":["ssm:Get*","ssm:Describe*","ssm:List*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}"#,
    ]

    /// Statement `index` of policy `policy`: deterministic, varied.
    static func statement(policy: Int, index: Int) -> String {
        let seed = policy * 31 + index * 7
        let service = services[seed % services.count]
        let actions = (0..<(1 + seed % 4)).map { i -> String in
            let verb = verbs[(seed + i * 3) % verbs.count]
            let noun = nouns[(seed + i * 5) % nouns.count]
            switch (seed + i) % 5 {
            case 0: return "\"\(service):\(verb)*\""
            case 1: return "\"\(service):*\(noun)\""
            default: return "\"\(service):\(verb)\(noun)\""
            }
        }.joined(separator: ",")
        let resource: String
        switch seed % 6 {
        case 0: resource = "\"*\""
        case 1: resource = "\"arn:aws:\(service):*:111122223333:*\""
        case 2: resource = "[\"arn:aws:\(service):us-east-1:111122223333:thing/\(policy)-*\",\"arn:aws:\(service):*:*:other/??-\(index)\"]"
        case 3: resource = "\"arn:aws:\(service):*:*:home/${aws:username}/*\""
        case 4: resource = "\"arn:aws:\(service):us-*-1:111122223333:managed-instance/*\""
        default: resource = "\"arn:aws:\(service):::bucket-\(index)/*\""
        }
        let condition: String
        switch seed % 8 {
        case 0: condition = #","Condition":{"StringEquals":{"ssm:resourceTag/team":"${aws:PrincipalTag/team}"}}"#
        case 1: condition = #","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}"#
        case 2: condition = #","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}"#
        case 3: condition = #","Condition":{"StringLike":{"aws:PrincipalTag/team":["ops","dev*"]},"Bool":{"aws:SecureTransport":"true"}}"#
        default: condition = ""
        }
        let effect = seed % 13 == 0 ? "Deny" : "Allow"
        return #"{"Sid":"S\#(index)","Effect":"\#(effect)","Action":[\#(actions)],"Resource":\#(resource)\#(condition)}"#
    }
}
