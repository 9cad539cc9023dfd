import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore

/// `portless nodes`: the managed nodes and whether they are online.
struct NodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nodes", abstract: "List managed nodes.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let api = try client.client()
        var rows = [["NODE", "PING", "NAME", "COMPUTER", "IP", "PLATFORM", "AGENT"]]
        var token: String?
        repeat {
            var request: [String: JSONValue] = [:]
            if let token { request["NextToken"] = .string(token) }
            let page = try await api.call("AmazonSSM.DescribeInstanceInformation", .object(request))
            for node in page["InstanceInformationList"]?.arrayValue ?? [] {
                let text = { (key: String) in node[key]?.stringValue ?? "-" }
                rows.append([text("InstanceId"), text("PingStatus"), text("Name"), text("ComputerName"), text("IPAddress"),
                             "\(text("PlatformName")) \(text("PlatformVersion"))", text("AgentVersion")])
            }
            token = page["NextToken"]?.stringValue
        } while token != nil
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            Console.line(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}
