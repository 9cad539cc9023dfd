import Foundation
import Logging
import PortlessCore

/// Writes each step's full stdout and stderr where the command asked: its output bucket, at SSM's key layout
/// `prefix/CommandId/InstanceId/<action without ':'>/<step id without ':'>/stdout|stderr`, and its CloudWatch
/// Logs group, one event per line, at SSM's stream names `CommandId/InstanceId/<step>/stdout|stderr`.
struct CommandOutputWriter: Sendable {
    let objects: ObjectStore
    let logs: LogService
    let logger: Logger

    /// Checks at SendCommand that the output bucket exists and belongs to the caller.
    func checkBucket(_ bucket: String?, accountId: String) async throws {
        guard let bucket else { return }
        do {
            _ = try await objects.requireBucket(bucket, accountId: accountId)
        } catch {
            throw PortlessError(.invalidParameters, "Output bucket \(bucket) does not exist or is not yours.", field: "OutputS3BucketName")
        }
    }

    /// The keys a step's output is written under (without the `stdout`/`stderr` leaf).
    static func keyBase(command: CommandRecord, instanceId: String, step: StepReport) -> String {
        let plan = command.plan.steps.first { $0.name == step.name }
        let plugin = (plan?.action ?? "aws:runShellScript").replacingOccurrences(of: ":", with: "")
        let stepId = (plan?.inputs["id"]?.stringValue ?? step.name).replacingOccurrences(of: ":", with: "")
        return [command.outputS3KeyPrefix ?? "", command.commandId, instanceId, plugin, stepId]
            .filter { !$0.isEmpty }.joined(separator: "/")
    }

    func write(_ invocation: InvocationRecord, command: CommandRecord) async {
        await writeLogs(invocation, command: command)
        guard let bucket = command.outputS3BucketName else { return }
        for step in invocation.steps where step.startedAt != nil {
            let base = Self.keyBase(command: command, instanceId: invocation.instanceId, step: step)
            do {
                _ = try await objects.put(bucket: bucket, key: base + "/stdout", data: Data(step.stdout.utf8), accountId: command.accountId)
                if !step.stderr.isEmpty {
                    _ = try await objects.put(bucket: bucket, key: base + "/stderr", data: Data(step.stderr.utf8), accountId: command.accountId)
                }
            } catch {
                logger.warning("could not write command output to its bucket",
                               metadata: ["portless.command": "\(command.commandId)", "error": "\(error)"])
            }
        }
    }

    private func writeLogs(_ invocation: InvocationRecord, command: CommandRecord) async {
        guard let output = command.cloudWatchOutput, output.enabled else { return }
        let group = output.group(documentName: command.documentName)
        for step in invocation.steps where step.startedAt != nil {
            for (name, text) in [("stdout", step.stdout), ("stderr", step.stderr)] where !text.isEmpty {
                let stream = CloudWatchOutput.streamName(commandId: command.commandId, instanceId: invocation.instanceId, stepName: step.name,
                                                         stream: name)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                do {
                    try await logs.deliver(accountId: command.accountId, groupName: group, streamName: stream, messages: lines)
                } catch {
                    logger.warning("could not write command output to its log group",
                                   metadata: ["portless.command": "\(command.commandId)", "error": "\(error)"])
                }
            }
        }
    }
}
