public import Foundation

/// One smux v1 frame (xtaci/smux), the multiplexing the session-manager-plugin runs inside a port
/// session's byte stream: version, command, little-endian length and stream ID, data.
public struct SmuxFrame: Sendable, Equatable {
    public enum Command: UInt8, Sendable {
        case syn = 0
        case fin = 1
        case psh = 2
        case nop = 3
    }

    public static let version: UInt8 = 1
    public static let headerSize = 8
    /// The largest data a frame carries.
    public static let maxData = 32 * 1024

    public var command: Command
    public var streamId: UInt32
    public var data: Data

    public init(_ command: Command, streamId: UInt32, data: Data = Data()) {
        self.command = command
        self.streamId = streamId
        self.data = data
    }

    /// The frame's bytes.
    public func encoded() -> Data {
        var out = Data(capacity: Self.headerSize + data.count)
        append(to: &out)
        return out
    }

    /// Appends the frame's bytes to `out`, for frames sent together in one buffer.
    public func append(to out: inout Data) {
        out.append(Self.version)
        out.append(command.rawValue)
        withUnsafeBytes(of: UInt16(data.count).littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: streamId.littleEndian) { out.append(contentsOf: $0) }
        out.append(data)
    }

    /// `data` cut into PSH frames of at most `maxData` bytes (each sharing `data`'s storage).
    public static func push(_ data: Data, streamId: UInt32) -> [SmuxFrame] {
        stride(from: data.startIndex, to: data.endIndex, by: maxData).map {
            SmuxFrame(.psh, streamId: streamId, data: data[$0..<min($0 + maxData, data.endIndex)])
        }
    }
}

/// Reassembles smux frames from a byte stream whose chunks may split frames anywhere. Frames whole
/// within one chunk keep sharing its storage; only a split frame's bytes are gathered.
public struct SmuxFrameReader: Sendable {
    private var pending = Data()

    public init() {}

    /// Adds bytes; returns the frames now complete. A frame with an unknown version or command throws.
    public mutating func append(_ bytes: Data) throws(SmuxError) -> [SmuxFrame] {
        var buffer: Data
        if pending.isEmpty {
            buffer = bytes
        } else {
            pending.append(bytes)
            buffer = pending
            pending = Data()
        }
        var frames: [SmuxFrame] = []
        var start = buffer.startIndex
        while buffer.endIndex - start >= SmuxFrame.headerSize {
            guard buffer[start] == SmuxFrame.version else { throw .badVersion(buffer[start]) }
            guard let command = SmuxFrame.Command(rawValue: buffer[start + 1]) else { throw .badCommand(buffer[start + 1]) }
            let length = Int(buffer[start + 2]) | Int(buffer[start + 3]) << 8
            guard buffer.endIndex - start >= SmuxFrame.headerSize + length else { break }
            var streamId: UInt32 = 0
            for index in 0..<4 { streamId |= UInt32(buffer[start + 4 + index]) << (8 * index) }
            let dataStart = start + SmuxFrame.headerSize
            frames.append(SmuxFrame(command, streamId: streamId, data: buffer[dataStart..<dataStart + length]))
            start = dataStart + length
        }
        if start < buffer.endIndex { pending = Data(buffer[start...]) }
        return frames
    }
}

/// A byte stream that is not smux.
public enum SmuxError: Error, Sendable, Equatable {
    case badVersion(UInt8)
    case badCommand(UInt8)
}
