import ArgumentParser
import PortlessClient

/// Where the operator's commands send their API calls.
struct ClientOptions: ParsableArguments {
    @Option(name: .customLong("endpoint-url"), help: "The server's URL (else PORTLESS_ENDPOINT or AWS_ENDPOINT_URL).")
    var endpoint: String?

    @Option(help: "The profile in the shared credentials file (else AWS_PROFILE, else default).")
    var profile: String?

    @Option(name: .customLong("ca-bundle"), help: "PEM CA certificates to trust (else AWS_CA_BUNDLE), e.g. DATA_DIR/tls/ca.pem.")
    var caBundle: String?

    func client() throws -> SSMClient {
        SSMClient(configuration: try ClientConfiguration.resolve(endpoint: endpoint, profile: profile, caBundle: caBundle))
    }
}
