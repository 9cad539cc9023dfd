import Foundation
import PortlessCore

/// Virtual MFA devices.
extension IAMOperations {
    static let mfaActions: [String: Handler] = [
        "CreateVirtualMFADevice": { iam, p, principal in
            let (device, seed) = try await iam.mfa.create(accountId: principal.accountId, name: try p.required("VirtualMFADeviceName"),
                                                          path: p["Path"], tags: try p.tags("Tags"))
            return [XMLTag("VirtualMFADevice", children: QueryXML.virtualMFADevice(device, user: nil, seed: seed))]
        },
        "EnableMFADevice": { iam, p, principal in
            try await iam.mfa.enable(accountId: principal.accountId, userName: try p.required("UserName"), serialNumber: try p.required("SerialNumber"),
                                     code1: try p.required("AuthenticationCode1"), code2: try p.required("AuthenticationCode2"))
            return nil
        },
        "DeactivateMFADevice": { iam, p, principal in
            guard let name = try p["UserName"] ?? UserService.callerName(principal) else {
                throw PortlessError(.validationError, "Name the user whose MFA device to deactivate.", field: "UserName")
            }
            try await iam.mfa.deactivate(accountId: principal.accountId, userName: name, serialNumber: try p.required("SerialNumber"))
            return nil
        },
        "ListMFADevices": { iam, p, principal in
            guard let name = try p["UserName"] ?? UserService.callerName(principal) else {
                return QueryXML.page("MFADevices", [], marker: nil)
            }
            let page = try await iam.mfa.devices(accountId: principal.accountId, userName: name, marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("MFADevices", page.devices.map(QueryXML.mfaDevice), marker: page.marker)
        },
        "ListVirtualMFADevices": { iam, p, principal in
            let page = try await iam.mfa.virtualDevices(accountId: principal.accountId, assignmentStatus: p["AssignmentStatus"],
                                                        marker: p["Marker"], maxItems: p["MaxItems"])
            return QueryXML.page("VirtualMFADevices", page.devices.map { QueryXML.virtualMFADevice($0.0, user: $0.1) }, marker: page.marker)
        },
        "DeleteVirtualMFADevice": { iam, p, principal in
            try await iam.mfa.delete(accountId: principal.accountId, serialNumber: try p.required("SerialNumber"))
            return nil
        },
    ]
}
