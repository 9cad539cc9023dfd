import Foundation
import Logging

/// swift-log to stderr, at the level of `--log-level` or `PORTLESS_LOG_LEVEL` (default `info`).
enum LogSetup {
    static func logger(label: String, level: String?) -> Logger {
        LoggingSystem.bootstrapOnce
        var logger = Logger(label: label)
        let name = level ?? ProcessInfo.processInfo.environment["PORTLESS_LOG_LEVEL"] ?? "info"
        logger.logLevel = Logger.Level(rawValue: name) ?? .info
        return logger
    }
}

extension LoggingSystem {
    fileprivate static let bootstrapOnce: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)
}
