import Foundation
import Logging
import PortlessAgent
import PortlessClient
import PortlessCore
import ServiceLifecycle

/// The quickstart's own part: registers a local agent, runs a sample command through the API and
/// prints how to point the `aws` CLI at the server; then keeps the agent running.
struct QuickstartDemo: Service {
    static let tagKey = "portless-quickstart"

    let urls: AsyncStream<String>
    let credentialsFile: URL
    let dataDirectory: URL
    let region: String
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { return }
            let api = SSMClient(configuration: try ClientConfiguration.resolve(
                endpoint: url, environment: ["AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path, "AWS_DEFAULT_REGION": region]))
            let agent = try await makeAgent(url: url, api: api)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await agent.run { Console.line($0) } }
                try await demonstrate(api: api, url: url)
                try await group.next()
            }
        }
    }

    private func makeAgent(url: String, api: SSMClient) async throws -> PortlessAgent {
        let state = dataDirectory.appendingPathComponent("agent")
        var configuration = AgentConfiguration(server: URL(string: url)!, stateDirectory: state)
        if try AgentIdentity.load(from: state) == nil {
            let activation = try await api.call("AmazonSSM.CreateActivation", .object([
                "IamRole": .string("portless-quickstart"), "RegistrationLimit": .number(1),
                "DefaultInstanceName": .string("quickstart"), "Description": .string("Local node made by portless quickstart"),
                "Tags": .array([.object(["Key": .string(Self.tagKey), "Value": .string("true")])]),
            ]))
            configuration.activationId = activation["ActivationId"]?.stringValue
            configuration.activationCode = activation["ActivationCode"]?.stringValue
        }
        return PortlessAgent(configuration: configuration, logger: logger)
    }

    private func demonstrate(api: SSMClient, url: String) async throws {
        try await waitUntilOnline(api)
        let reply = try await api.call("AmazonSSM.SendCommand", .object([
            "DocumentName": .string(BuiltinDocuments.runShellScriptName),
            "Targets": .array([.object(["Key": .string("tag:\(Self.tagKey)"), "Values": .array([.string("true")])])]),
            "Parameters": .object(["commands": .array([.string("echo \"Hello from $(hostname), running as $(id -un)\""), .string("uname -a")])]),
            "Comment": .string("portless quickstart"),
        ]))
        guard let commandId = reply["Command"]?["CommandId"]?.stringValue else { return }
        Console.line("Ran a sample command (\(commandId)) through the API:")
        _ = try await CommandWatcher(api: api, commandId: commandId).watch { Console.line(ResultPrinter.format($0)) }
        try await scanLocalNode(api: api)
        Console.line("""

            Point the aws CLI (or boto3) at this server:
              export AWS_SHARED_CREDENTIALS_FILE=\(credentialsFile.path)
              export AWS_DEFAULT_REGION=\(region)
              export PORTLESS_ENDPOINT=\(url)
              aws ssm describe-instance-information --endpoint-url \(url)
              \(Self.portlessCommand) run --all -- 'uptime'

            Serving until interrupted (Ctrl-C).
            """)
    }

    /// Scans the local node against the KISA Unix checks, prints the summary and writes the HTML report.
    private func scanLocalNode(api: SSMClient) async throws {
        let started = try await api.call("Portless.StartScan", .object([
            "Targets": .array([.object(["Key": .string("tag:\(Self.tagKey)"), "Values": .array([.string("true")])])]),
            "Name": .string("quickstart"),
        ]))
        guard let scanId = started["Scan"]?["ScanId"]?.stringValue else { return }
        Console.line("\nScanning this node against the KISA Unix checks (\(scanId))...")
        var reply = try await api.call("Portless.GetScan", .object(["ScanId": .string(scanId), "IncludeNodes": .bool(true)]))
        while ScanStatus(rawValue: reply["Scan"]?["Status"]?.stringValue ?? "")?.isTerminal == false {
            try await Task.sleep(for: .milliseconds(500))
            reply = try await api.call("Portless.GetScan", .object(["ScanId": .string(scanId), "IncludeNodes": .bool(true)]))
        }
        for node in reply["Nodes"]?.arrayValue ?? [] {
            let counts = CheckStatus.allCases.map { status -> String in
                let count = if case .number(let value)? = node["CheckCounts"]?[status.rawValue] { Int(value) } else { 0 }
                return "\(count) \(status.rawValue)"
            }
            Console.line("  \(node["Hostname"]?.stringValue ?? "") (\(node["NodeId"]?.stringValue ?? "")): \(node["State"]?.stringValue ?? "")"
                         + (node["State"]?.stringValue == NodeScanState.scanned.rawValue ? " — " + counts.joined(separator: ", ")
                                                                                          : " — \(node["Reason"]?.stringValue ?? "")"))
        }
        let report = try await api.call("Portless.GetScanReport", .object(["ScanId": .string(scanId), "Format": .string("html")]))
        let file = dataDirectory.appendingPathComponent("reports/\(scanId).html")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((report["Report"]?.stringValue ?? "").utf8).write(to: file)
        Console.line("Scan report: \(file.path)")
    }

    /// How to call this very executable from a new terminal: its absolute path (after `swift run`
    /// `portless` is not on the PATH), quoted for the shell.
    static var portlessCommand: String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        return path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func waitUntilOnline(_ api: SSMClient) async throws {
        for _ in 0..<60 {
            let reply = try await api.call("AmazonSSM.DescribeInstanceInformation", .object([
                "Filters": .array([.object(["Key": .string("tag:\(Self.tagKey)"), "Values": .array([.string("true")])])]),
            ]))
            if reply["InstanceInformationList"]?.arrayValue?.contains(where: { $0["PingStatus"]?.stringValue == "Online" }) == true { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw ClientError.transport("The local agent did not come online within 30 seconds.")
    }
}
