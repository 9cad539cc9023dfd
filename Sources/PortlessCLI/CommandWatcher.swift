import Foundation
import PortlessClient
import PortlessCore

/// Polls a command's invocations and hands each one to the caller once, when it finishes.
struct CommandWatcher {
    struct Outcome { var succeeded = 0; var failed = 0 }

    static let terminal: Set<String> = ["Success", "Failed", "Cancelled", "TimedOut"]

    let api: SSMClient
    let commandId: String

    func watch(onFinished: (JSONValue) -> Void) async throws -> Outcome {
        var reported = Set<String>()
        var outcome = Outcome()
        while true {
            var token: String?
            repeat {
                var request: [String: JSONValue] = ["CommandId": .string(commandId)]
                if let token { request["NextToken"] = .string(token) }
                let page = try await api.call("AmazonSSM.ListCommandInvocations", .object(request))
                for invocation in page["CommandInvocations"]?.arrayValue ?? [] {
                    guard let instanceId = invocation["InstanceId"]?.stringValue,
                          let status = invocation["Status"]?.stringValue, Self.terminal.contains(status),
                          reported.insert(instanceId).inserted else { continue }
                    let detail = try await api.call("AmazonSSM.GetCommandInvocation",
                                                    .object(["CommandId": .string(commandId), "InstanceId": .string(instanceId)]))
                    onFinished(detail)
                    if status == "Success" { outcome.succeeded += 1 } else { outcome.failed += 1 }
                }
                token = page["NextToken"]?.stringValue
            } while token != nil
            let command = try await api.call("AmazonSSM.ListCommands", .object(["CommandId": .string(commandId)]))
            if let status = command["Commands"]?.arrayValue?.first?["Status"]?.stringValue, Self.terminal.contains(status) {
                let target = RunCommand.int(command["Commands"]?.arrayValue?.first?["TargetCount"])
                if reported.count >= target { return outcome }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
