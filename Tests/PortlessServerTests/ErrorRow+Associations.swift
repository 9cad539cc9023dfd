import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

extension ErrorRow {
    /// State Manager association errors. AWS's texts are SSM's service model documentation of each error (what
    /// its SDKs show); `InvalidSchedule` and `InvalidTarget` have no public AWS text, so Portless says what is wrong.
    static let associations: [ErrorRow] = [
        ErrorRow("DescribeAssociation of an unknown ID", "AssociationDoesNotExist", 400,
                 .exact("The specified association doesn't exist."), source: "SSM service model") { client in
            try await client.ssm("DescribeAssociation", #"{"AssociationId": "0a1b2c3d-0000-4000-8000-000000000000"}"#)
        },
        ErrorRow("CreateAssociation with an unknown document", "InvalidDocument", 400,
                 .exact("The specified document does not exist."), source: "moto/SSM API reference") { client in
            try await client.ssm("CreateAssociation", #"{"Name": "NoSuchDoc", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}]}"#)
        },
        ErrorRow("CreateAssociation with a rate under 30 minutes", "InvalidSchedule", 400,
                 .exact("The schedule is invalid: a rate must be at least 30 minutes. (field: ScheduleExpression)"), source: "Portless") { client in
            try await client.ssm("CreateAssociation", #"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "Parameters": {"commands": ["true"]}, "ScheduleExpression": "rate(10 minutes)"}"#)
        },
        ErrorRow("CreateAssociation with a cron naming months", "InvalidSchedule", 400,
                 .pattern("The schedule is invalid: State Manager does not support months.*"), source: "Portless") { client in
            try await client.ssm("CreateAssociation", #"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "Parameters": {"commands": ["true"]}, "ScheduleExpression": "cron(0 2 1 JAN ? *)"}"#)
        },
        ErrorRow("CreateAssociation with an unsupported target key", "InvalidTarget", 400,
                 .pattern("Target key 'Name' is not supported.*"), source: "Portless") { client in
            try await client.ssm("CreateAssociation", #"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "Name", "Values": ["x"]}], "Parameters": {"commands": ["true"]}}"#)
        },
        ErrorRow("CreateAssociation without a required parameter", "InvalidParameters", 400,
                 .pattern(".*commands.*"), source: "SSM parameter validator") { client in
            try await client.ssm("CreateAssociation", #"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}]}"#)
        },
        ErrorRow("CreateAssociation with an unknown ComplianceSeverity", "ValidationException", 400,
                 .exact("1 validation error detected: Value 'SEVERE' at 'complianceSeverity' failed to satisfy constraint: Member must satisfy enum value set: [CRITICAL, HIGH, MEDIUM, LOW, UNSPECIFIED]"),
                 source: "AWS request validation wording") { client in
            try await client.ssm("CreateAssociation", #"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "Parameters": {"commands": ["true"]}, "ComplianceSeverity": "SEVERE"}"#)
        },
        ErrorRow("UpdateAssociation naming a stale version", "InvalidAssociationVersion", 400,
                 .exact("The version you specified isn't valid. Use ListAssociationVersions to view all versions of an association according to the association ID. Or, use the $LATEST parameter to view the latest version of the association."),
                 source: "SSM service model") { client in
            let id = try await client.createAssociation(#"{"Name": "AWS-RunShellScript", "Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "Parameters": {"commands": ["true"]}}"#)
            return try await client.ssm("UpdateAssociation", #"{"AssociationId": "\#(id)", "AssociationVersion": "7", "Parameters": {"commands": ["true"]}}"#)
        },
        ErrorRow("StartAssociationsOnce of an unknown association", "InvalidAssociation", 400,
                 .exact("The association isn't valid or doesn't exist."), source: "SSM service model") { client in
            try await client.ssm("StartAssociationsOnce", #"{"AssociationIds": ["0a1b2c3d-0000-4000-8000-000000000000"]}"#)
        },
    ]
}

extension SignedClient {
    /// CreateAssociation with `body`, returning the new association's ID ("" when refused).
    func createAssociation(_ body: String) async throws -> String {
        let reply = try await ssm("CreateAssociation", body)
        let object = try JSONSerialization.jsonObject(with: Data(String(buffer: reply.body).utf8)) as? [String: Any]
        return (object?["AssociationDescription"] as? [String: Any])?["AssociationId"] as? String ?? ""
    }
}
