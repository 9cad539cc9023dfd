import Foundation
import Glibc

/// A TCP server on 127.0.0.1 that writes `size` bytes to every connection and closes it: the far end of the
/// port-forward measurements.
final class ByteSource: @unchecked Sendable {
    let port: Int
    private let socketFD: Int32

    init(size: Int) throws {
        (socketFD, port) = try Self.bindLoopback()
        guard listen(socketFD, 16) == 0 else { throw BenchError("byte source cannot listen") }
        let fd = socketFD
        Thread.detachNewThread {
            let chunk = [UInt8](repeating: 0x5A, count: 1 << 20)
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread {
                    var left = size
                    while left > 0 {
                        let n = chunk.withUnsafeBytes { send(client, $0.baseAddress, min(left, chunk.count), Int32(MSG_NOSIGNAL)) }
                        if n <= 0 { break }
                        left -= n
                    }
                    close(client)
                }
            }
        }
    }

    deinit { close(socketFD) }

    /// A port that was free a moment ago on 127.0.0.1.
    static func freePort() throws -> Int {
        let (fd, port) = try bindLoopback()
        close(fd)
        return port
    }

    /// A TCP socket bound to an ephemeral port of 127.0.0.1, and the port.
    private static func bindLoopback() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw BenchError("cannot bind a loopback port")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Connects to `port` on 127.0.0.1 (retrying until `timeout`) and reads to the end; returns the bytes read.
    static func readAll(port: Int, timeout: TimeInterval = 30) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected == 0 {
                var buffer = [UInt8](repeating: 0, count: 1 << 20)
                var total = 0
                while true {
                    let n = read(fd, &buffer, buffer.count)
                    if n <= 0 { break }
                    total += n
                }
                close(fd)
                if total > 0 || Date() > deadline { return total }
            } else {
                close(fd)
            }
            guard Date() < deadline else { throw BenchError("nothing listens on port \(port)") }
            usleep(100_000)
        }
    }
}
