import PortlessCore

/// Formats one node's GetCommandInvocation reply for the terminal.
enum ResultPrinter {
    static func format(_ invocation: JSONValue) -> String {
        let instanceId = invocation["InstanceId"]?.stringValue ?? "?"
        let status = invocation["Status"]?.stringValue ?? "?"
        let details = invocation["StatusDetails"]?.stringValue ?? ""
        let code = RunCommand.int(invocation["ResponseCode"])
        var lines = ["== \(instanceId)  \(status)\(details == status || details.isEmpty ? "" : " (\(details))")  exit=\(code)"]
        let stdout = invocation["StandardOutputContent"]?.stringValue ?? ""
        let stderr = invocation["StandardErrorContent"]?.stringValue ?? ""
        lines += indent(stdout, prefix: "   ")
        lines += indent(stderr, prefix: "!  ")
        return lines.joined(separator: "\n")
    }

    private static func indent(_ text: String, prefix: String) -> [String] {
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return trimmed.isEmpty ? [] : trimmed.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
    }
}
