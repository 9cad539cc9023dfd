import Foundation
import HTTPTypes

extension ErrorRow {
    static let unknownNode = "mi-0123456789abcdef0"

    /// SSM operation errors. AWS's texts: moto's SSM backend and its tests (`moto/ssm/models.py`), SSM's
    /// API reference, and AWS's request-validation wording ("1 validation error detected: …") with the
    /// constraints of botocore's SSM model. Rows marked Portless are errors for which AWS sends no text
    /// (an empty message, e.g. InvalidInstanceId in aws/aws-cli#3646): there the text names the field.
    static let ssm: [ErrorRow] = [
        ErrorRow("GetDocument of a missing document", "InvalidDocument", 400,
                 .exact("The specified document does not exist."), source: "moto ssm; SSM API reference") { client in
            try await client.ssm("GetDocument", #"{"Name": "Nope"}"#)
        },
        ErrorRow("DescribeDocument of a missing version", "InvalidDocumentVersion", 400,
                 .exact("The document version is not valid or does not exist."), source: "moto ssm") { client in
            try await client.createDocument("Doc1")
            return try await client.ssm("DescribeDocument", #"{"Name": "Doc1", "DocumentVersion": "9"}"#)
        },
        ErrorRow("UpdateDocumentDefaultVersion to a missing version", "InvalidDocumentVersion", 400,
                 .exact("The document version is not valid or does not exist."), source: "moto ssm") { client in
            try await client.createDocument("Doc1")
            return try await client.ssm("UpdateDocumentDefaultVersion", #"{"Name": "Doc1", "DocumentVersion": "9"}"#)
        },
        ErrorRow("CreateDocument with a taken name", "DocumentAlreadyExists", 400,
                 .exact("The specified document already exists."), source: "moto ssm") { client in
            try await client.createDocument("Doc1")
            return try await client.createDocument("Doc1")
        },
        ErrorRow("UpdateDocument with unchanged content", "DuplicateDocumentContent", 400,
                 .exact("The content of the association document matches another document. Change the content of the document and try again."),
                 source: "moto ssm") { client in
            try await client.createDocument("Doc1")
            return try await client.ssm("UpdateDocument", SignedClient.json(["Name": "Doc1", "Content": SignedClient.documentContent,
                                                                             "DocumentVersion": "$LATEST"]))
        },
        ErrorRow("UpdateDocument with a used version name", "DuplicateDocumentVersionName", 400,
                 .exact("The specified version name is a duplicate."), source: "moto ssm") { client in
            try await client.createDocument("Doc1", extra: ["VersionName": "v1"])
            let changed = SignedClient.documentContent.replacingOccurrences(of: "echo hi", with: "echo bye")
            return try await client.ssm("UpdateDocument", SignedClient.json(["Name": "Doc1", "Content": changed, "VersionName": "v1",
                                                                             "DocumentVersion": "$LATEST"]))
        },
        ErrorRow("DeleteDocument of a shared document", "InvalidDocumentOperation", 400,
                 .exact("You attempted to delete a document while it is still shared. You must stop sharing the document before you can delete it."),
                 source: "SSM API reference (InvalidDocumentOperation); moto ssm") { client in
            try await client.createDocument("Doc1")
            _ = try await client.ssm("ModifyDocumentPermission",
                                     #"{"Name": "Doc1", "PermissionType": "Share", "AccountIdsToAdd": ["111122223333"]}"#)
            return try await client.ssm("DeleteDocument", #"{"Name": "Doc1"}"#)
        },
        ErrorRow("ModifyDocumentPermission with an unknown permission type", "InvalidPermissionType", 400,
                 .exact("Value 'Bogus' at 'permissionType' failed to satisfy constraint: Member must satisfy enum value set: [Share]."),
                 source: "moto ssm") { client in
            try await client.ssm("ModifyDocumentPermission", #"{"Name": "Doc1", "PermissionType": "Bogus"}"#)
        },
        ErrorRow("ModifyDocumentPermission with a bad SharedDocumentVersion", "ValidationException", 400,
                 .exact("1 validation error detected: Value '1' at 'sharedDocumentVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: ([$]LATEST|[$]DEFAULT|[$]ALL)"),
                 source: "AWS validation wording; botocore SSM model; moto ssm") { client in
            try await client.ssm("ModifyDocumentPermission",
                                 #"{"Name": "Doc1", "PermissionType": "Share", "AccountIdsToAdd": ["111122223333"], "SharedDocumentVersion": "1"}"#)
        },
        ErrorRow("CreateDocument with an unknown DocumentFormat", "ValidationException", 400,
                 .exact("1 validation error detected: Value 'XML' at 'documentFormat' failed to satisfy constraint: Member must satisfy enum value set: [YAML, JSON, TEXT]"),
                 source: "AWS validation wording; botocore SSM model") { client in
            try await client.createDocument("Doc1", extra: ["DocumentFormat": "XML"])
        },
        ErrorRow("SendCommand with TimeoutSeconds below 30", "ValidationException", 400,
                 .exact("1 validation error detected: Value '10' at 'timeoutSeconds' failed to satisfy constraint: Member must have value greater than or equal to 30"),
                 source: "AWS validation wording; botocore SSM model") { client in
            try await client.ssm("SendCommand", #"{"DocumentName": "AWS-RunShellScript", "InstanceIds": ["\#(unknownNode)"], "TimeoutSeconds": 10, "Parameters": {"commands": ["echo"]}}"#)
        },
        ErrorRow("SendCommand with a long Comment", "ValidationException", 400,
                 .exact("1 validation error detected: Value '\(String(repeating: "c", count: 101))' at 'comment' failed to satisfy constraint: Member must have length less than or equal to 100"),
                 source: "AWS validation wording; botocore SSM model") { client in
            try await client.ssm("SendCommand", #"{"DocumentName": "AWS-RunShellScript", "InstanceIds": ["\#(unknownNode)"], "Comment": "\#(String(repeating: "c", count: 101))"}"#)
        },
        ErrorRow("SendCommand with MaxConcurrency 0", "ValidationException", 400,
                 .exact("1 validation error detected: Value '0' at 'maxConcurrency' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$"),
                 source: "AWS validation wording; botocore SSM model") { client in
            try await client.ssm("SendCommand", #"{"DocumentName": "AWS-RunShellScript", "InstanceIds": ["\#(unknownNode)"], "MaxConcurrency": "0"}"#)
        },
        ErrorRow("ListCommands with MaxResults 51", "ValidationException", 400,
                 .exact("1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50"),
                 source: "AWS validation wording; botocore SSM model") { client in
            try await client.ssm("ListCommands", #"{"MaxResults": 51}"#)
        },
        ErrorRow("DescribeInstanceInformation with MaxResults 4", "ValidationException", 400,
                 .exact("1 validation error detected: Value '4' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 5"),
                 source: "AWS validation wording; botocore SSM model (MaxResultsEC2Compatible)") { client in
            try await client.ssm("DescribeInstanceInformation", #"{"MaxResults": 4}"#)
        },
        ErrorRow("CreateActivation with RegistrationLimit 1001", "ValidationException", 400,
                 .exact("1 validation error detected: Value '1001' at 'registrationLimit' failed to satisfy constraint: Member must have value less than or equal to 1000"),
                 source: "AWS validation wording; botocore SSM model") { client in
            try await client.ssm("CreateActivation", #"{"IamRole": "role", "RegistrationLimit": 1001}"#)
        },
        ErrorRow("SendCommand to an unknown node", "InvalidInstanceId", 400,
                 .exact("Instance \(unknownNode) is not a managed node of this account. (field: InstanceIds)"),
                 source: "Portless (AWS sends no message: aws/aws-cli#3646)") { client in
            try await client.ssm("SendCommand", #"{"DocumentName": "AWS-RunShellScript", "InstanceIds": ["\#(unknownNode)"], "Parameters": {"commands": ["echo"]}}"#)
        },
        ErrorRow("GetCommandInvocation of an unknown command", "InvocationDoesNotExist", 400,
                 .exact("Command 00000000-0000-4000-8000-000000000000 has no invocation on managed node \(unknownNode). (field: InstanceId)"),
                 source: "Portless (AWS sends no message)") { client in
            try await client.ssm("GetCommandInvocation", #"{"CommandId": "00000000-0000-4000-8000-000000000000", "InstanceId": "\#(unknownNode)"}"#)
        },
    ]
}
