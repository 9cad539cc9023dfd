public import Foundation

/// Where and as whom a client talks to Portless, found the way the AWS CLI finds it.
public struct ClientConfiguration: Sendable {
    public var endpoint: URL
    public var region: String
    public var credentials: AWSCredentials
    /// A PEM file of CA certificates to trust besides the system's (`--ca-bundle`, `AWS_CA_BUNDLE`).
    public var caBundle: String?

    public init(endpoint: URL, region: String, credentials: AWSCredentials, caBundle: String? = nil) {
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.caBundle = caBundle
    }

    /// Resolves endpoint (flag, `PORTLESS_ENDPOINT`, `AWS_ENDPOINT_URL`), region (`AWS_REGION`,
    /// `AWS_DEFAULT_REGION`, config file, `us-east-1`), credentials (environment, then the shared
    /// credentials file and profile) and CA bundle (flag, `AWS_CA_BUNDLE`, config `ca_bundle`).
    public static func resolve(endpoint flag: String?, profile profileFlag: String? = nil, caBundle: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClientConfiguration {
        guard let endpointText = flag ?? environment["PORTLESS_ENDPOINT"] ?? environment["AWS_ENDPOINT_URL"],
              let endpoint = URL(string: endpointText), endpoint.scheme == "http" || endpoint.scheme == "https" else {
            throw ClientError.configuration("No endpoint: pass --endpoint-url or set PORTLESS_ENDPOINT (e.g. http://127.0.0.1:8580).")
        }
        let profile = profileFlag ?? environment["AWS_PROFILE"] ?? "default"
        let home = environment["HOME"] ?? NSHomeDirectory()
        let configFile = INIFile(path: environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config")
        let configSection = configFile?.sections[profile == "default" ? "default" : "profile \(profile)"]
        let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? configSection?["region"] ?? "us-east-1"
        return ClientConfiguration(endpoint: endpoint, region: region,
                                   credentials: try credentials(profile: profile, home: home, environment: environment),
                                   caBundle: caBundle ?? environment["AWS_CA_BUNDLE"] ?? configSection?["ca_bundle"])
    }

    private static func credentials(profile: String, home: String, environment: [String: String]) throws -> AWSCredentials {
        if let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] {
            return AWSCredentials(accessKeyId: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
        }
        let path = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials"
        guard let section = INIFile(path: path)?.sections[profile],
              let id = section["aws_access_key_id"], let secret = section["aws_secret_access_key"] else {
            throw ClientError.configuration("No credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or give profile '\(profile)' in \(path).")
        }
        return AWSCredentials(accessKeyId: id, secretAccessKey: secret, sessionToken: section["aws_session_token"])
    }
}
