import ArgumentParser
import Foundation
import PortlessClient
import PortlessCore
import PortlessServer

/// `portless scan bundle push DIR` / `list`: the check bundle versions of this account.
struct ScanBundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bundle", abstract: "Push and list check bundle versions.",
                                                    subcommands: [Push.self, List.self])

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "push", abstract: "Pack DIR and store it as a bundle version.")

        @OptionGroup var client: ClientOptions

        @Argument(help: "The bundle directory (run.sh, lib/, checks/U-NN.sh).")
        var directory: String

        func run() async throws {
            let bundle = try BundleDirectory.bundle(at: URL(fileURLWithPath: directory))
            let reply = try await client.client().call("Portless.PutScanBundle",
                                                       .object(["Archive": .string(Data(bundle.archive).base64EncodedString())]))
            Console.line("Bundle \(reply["Bundle"]?["Sha256"]?.stringValue ?? bundle.sha256) stored: \(bundle.checkIds.count) checks")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List bundle versions, newest first.")

        @OptionGroup var client: ClientOptions

        func run() async throws {
            let reply = try await client.client().call("Portless.ListScanBundles")
            guard case .array(let bundles)? = reply["Bundles"] else { return }
            for bundle in bundles {
                let checks = bundle["CheckIds"].flatMap { if case .array(let ids) = $0 { ids.count } else { nil } } ?? 0
                Console.line("\(bundle["Sha256"]?.stringValue ?? "") \(checks) checks, pushed by \(bundle["PushedBy"]?.stringValue ?? "")")
            }
        }
    }
}
