import Foundation
import HTTPTypes
import HummingbirdTesting

/// SSM calls the error rows make before (or as) the failing request.
extension SignedClient {
    static let documentContent = #"{"schemaVersion":"2.2","mainSteps":[{"action":"aws:runShellScript","name":"run","inputs":{"runCommand":["echo hi"]}}]}"#

    /// CreateDocument `name` with `content`; the reply of a refusal is returned, as for any call.
    @discardableResult
    func createDocument(_ name: String, content: String = Self.documentContent, extra: [String: String] = [:]) async throws -> TestResponse {
        try await ssm("CreateDocument", Self.json(["Name": name, "Content": content].merging(extra) { $1 }))
    }

    /// A JSON object of string members.
    static func json(_ members: [String: String]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }
}
