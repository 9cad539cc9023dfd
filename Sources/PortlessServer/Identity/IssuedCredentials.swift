import Foundation

/// Temporary credentials as handed to the caller, once: the secret and token are not kept in the clear.
struct IssuedCredentials: Sendable {
    var accessKeyId: String
    var secretAccessKey: String
    var sessionToken: String
    var expiration: Date
}
