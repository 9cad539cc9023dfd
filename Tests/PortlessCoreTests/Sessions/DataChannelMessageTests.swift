import Crypto
import Foundation
import PortlessCore
import Testing

@Suite struct DataChannelMessageTests {
    @Test func encodesThePluginsHeaderLayout() throws {
        let id = UUID(uuidString: "00112233-4455-6677-8899-aabbccddeeff")!
        let payload = Data("hello".utf8)
        let message = DataChannelMessage(messageType: .outputStreamData, sequenceNumber: 7, flags: 0, payloadType: .output, payload: payload,
                                         messageId: id, createdDate: Date(timeIntervalSince1970: 1_700_000_000.5))
        let bytes = [UInt8](message.encoded())
        #expect(bytes.count == 125)
        #expect(bytes[0..<4] == [0, 0, 0, 116])
        #expect(String(decoding: bytes[4..<36], as: UTF8.self) == "output_stream_data" + String(repeating: " ", count: 14))
        #expect(bytes[36..<40] == [0, 0, 0, 1])
        #expect(bytes[40..<48] == [0, 0, 0x01, 0x8B, 0xCF, 0xE5, 0x69, 0xF4])  // 1_700_000_000_500 ms
        #expect(bytes[48..<56] == [0, 0, 0, 0, 0, 0, 0, 7])
        // The UUID's 8-byte halves are swapped on the wire.
        #expect(bytes[64..<80] == [0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77])
        #expect(Data(bytes[80..<112]) == Data(SHA256.hash(data: payload)))
        #expect(bytes[112..<116] == [0, 0, 0, 1])
        #expect(bytes[116..<120] == [0, 0, 0, 5])
        #expect(Data(bytes[120...]) == payload)
    }

    @Test func roundTrips() throws {
        let message = DataChannelMessage(messageType: .inputStreamData, sequenceNumber: 42, payloadType: .size, payload: Data(#"{"cols":80,"rows":24}"#.utf8))
        let decoded = try DataChannelMessage.decode(message.encoded())
        #expect(decoded == message)
    }

    @Test func refusesWhatThePluginRefuses() throws {
        let good = DataChannelMessage(messageType: .inputStreamData, payloadType: .output, payload: Data("ls\r".utf8)).encoded()
        var tampered = good
        tampered[tampered.count - 1] ^= 0xFF
        #expect(throws: DataChannelError.self) { try DataChannelMessage.decode(tampered) }
        #expect(throws: DataChannelError.self) { try DataChannelMessage.decode(Data(good.prefix(100))) }
        var unknownType = good
        unknownType.replaceSubrange(4..<36, with: Data(("bogus" + String(repeating: " ", count: 27)).utf8))
        #expect(throws: DataChannelError.self) { try DataChannelMessage.decode(unknownType) }
        var noDate = good
        noDate.replaceSubrange(40..<48, with: Data(count: 8))
        #expect(throws: DataChannelError.self) { try DataChannelMessage.decode(noDate) }
        var zeroHeader = good
        zeroHeader.replaceSubrange(0..<4, with: Data(count: 4))
        #expect(throws: DataChannelError.self) { try DataChannelMessage.decode(zeroHeader) }
    }

    @Test func flagsAreFourBigEndianBytes() {
        #expect([UInt8](DataChannelFlag.terminateSession.payload) == [0, 0, 0, 2])
        #expect(DataChannelFlag(payload: Data([0, 0, 0, 3])) == .connectToPortError)
        #expect(DataChannelFlag(payload: Data([0, 0, 2])) == nil)
        #expect(DataChannelFlag(payload: Data([0, 0, 0, 9])) == nil)
    }

    @Test func acknowledgementNamesTheMessage() throws {
        let message = DataChannelMessage(messageType: .inputStreamData, sequenceNumber: 3, payloadType: .output, payload: Data("x".utf8))
        let ack = AcknowledgeContent.message(acknowledging: message)
        #expect(ack.messageType == .acknowledge)
        #expect(ack.flags == 3)
        let content = try JSONDecoder().decode(AcknowledgeContent.self, from: ack.payload)
        #expect(content.AcknowledgedMessageSequenceNumber == 3)
        #expect(content.AcknowledgedMessageType == "input_stream_data")
        #expect(content.AcknowledgedMessageId == message.messageId.uuidString.lowercased())
        #expect(AcknowledgeContent.acknowledgedSequenceNumber(in: ack.payload) == 3)
    }

    @Test func readsTheAcknowledgedNumberHoweverTheJSONIsLaidOut() {
        let payloads = [
            #"{"AcknowledgedMessageType":"output_stream_data","AcknowledgedMessageId":"x","AcknowledgedMessageSequenceNumber":12,"IsSequentialMessage":true}"#,
            "{ \"IsSequentialMessage\" : true ,\n \"AcknowledgedMessageSequenceNumber\" :\t9007199254740993 }",
            #"{"AcknowledgedMessageSequenceNumber":-1}"#,
            #"{"AcknowledgedMessageType":"x","AcknowledgedMessageId":"y","\u0041cknowledgedMessageSequenceNumber":7,"IsSequentialMessage":true}"#,
        ]
        #expect(payloads.map { AcknowledgeContent.acknowledgedSequenceNumber(in: Data($0.utf8)) } == [12, 9_007_199_254_740_993, -1, 7])
        for bad in [#"{"AcknowledgedMessageSequenceNumber":"12"}"#, #"{"AcknowledgedMessageSequenceNumber":1.5}"#, "{}", "not json", ""] {
            #expect(AcknowledgeContent.acknowledgedSequenceNumber(in: Data(bad.utf8)) == nil)
        }
    }
}

@Suite struct DataChannelSequencerTests {
    private func input(_ sequence: Int64) -> DataChannelMessage {
        DataChannelMessage(messageType: .inputStreamData, sequenceNumber: sequence, payloadType: .output, payload: Data("\(sequence)".utf8))
    }

    @Test func deliversInOrderOnceAndHoldsEarlyMessages() {
        var sequencer = DataChannelSequencer()
        let early = sequencer.receive(input(1))
        #expect(early.acknowledge && early.deliver.isEmpty)
        let first = sequencer.receive(input(0))
        #expect(first.deliver.map(\.sequenceNumber) == [0, 1])
        let duplicate = sequencer.receive(input(0))
        #expect(duplicate.acknowledge && duplicate.deliver.isEmpty)
        #expect(sequencer.expectedIncoming == 2)
    }

    @Test func keepsOutputUntilAcknowledgedAndResendsLateOnes() {
        var sequencer = DataChannelSequencer()
        let start = Date(timeIntervalSince1970: 1000)
        let a = sequencer.stamp(DataChannelMessage(messageType: .outputStreamData, payloadType: .output, payload: Data("a".utf8)), at: start)
        let b = sequencer.stamp(DataChannelMessage(messageType: .outputStreamData, payloadType: .output, payload: Data("b".utf8)), at: start)
        #expect([a.sequenceNumber, b.sequenceNumber] == [0, 1])
        #expect(sequencer.unacknowledgedCount == 2)
        #expect(sequencer.unacknowledgedBytes == 2)
        sequencer.acknowledge(0)
        sequencer.acknowledge(0)
        #expect(sequencer.unacknowledgedBytes == 1)
        #expect(sequencer.pending().map(\.sequenceNumber) == [1])
        #expect(sequencer.due(at: start.addingTimeInterval(0.1), timeout: 0.5).isEmpty)
        #expect(sequencer.due(at: start.addingTimeInterval(0.6), timeout: 0.5).map(\.sequenceNumber) == [1])
        // Resent just now: not due again at once.
        #expect(sequencer.due(at: start.addingTimeInterval(0.7), timeout: 0.5).isEmpty)
    }

    @Test func dropsEarlyMessagesBeyondItsBuffer() {
        var sequencer = DataChannelSequencer()
        for sequence in 1...Int64(DataChannelSequencer.receiveBufferLimit) { _ = sequencer.receive(input(sequence)) }
        let beyond = sequencer.receive(input(Int64(DataChannelSequencer.receiveBufferLimit) + 1))
        #expect(!beyond.acknowledge)
        #expect(sequencer.receive(input(0)).deliver.count == DataChannelSequencer.receiveBufferLimit + 1)
    }
}

@Suite struct SmuxFrameTests {
    @Test func encodesLittleEndianHeaders() {
        let frame = SmuxFrame(.psh, streamId: 3, data: Data("abc".utf8))
        #expect([UInt8](frame.encoded()) == [1, 2, 3, 0, 3, 0, 0, 0, 0x61, 0x62, 0x63])
    }

    @Test func reassemblesFramesSplitAnywhere() throws {
        let frames = [SmuxFrame(.syn, streamId: 3), SmuxFrame(.psh, streamId: 3, data: Data(repeating: 7, count: 1000)),
                      SmuxFrame(.fin, streamId: 5), SmuxFrame(.nop, streamId: 0)]
        let stream = frames.reduce(Data()) { $0 + $1.encoded() }
        var reader = SmuxFrameReader()
        var read: [SmuxFrame] = []
        var offset = 0
        for size in [1, 7, 3, 500, 2, 10_000] where offset < stream.count {
            let end = min(offset + size, stream.count)
            read += try reader.append(Data(stream[offset..<end]))
            offset = end
        }
        #expect(read == frames)
    }

    @Test func refusesAnotherProtocol() {
        var reader = SmuxFrameReader()
        #expect(throws: SmuxError.badVersion(0x53)) { try reader.append(Data("SSH-2.0-OpenSSH".utf8)) }
    }

    @Test func cutsLargeDataIntoFramesOfAtMost32KiB() {
        let frames = SmuxFrame.push(Data(count: 70_000), streamId: 9)
        #expect(frames.map(\.data.count) == [32_768, 32_768, 4_464])
    }
}
