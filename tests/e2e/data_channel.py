"""SSM data channel messages (the plugin's ClientMessage), for tests that speak the protocol by hand."""

from __future__ import annotations

import hashlib
import json
import struct
import time
import uuid


def encode(message_type: str, sequence: int, payload_type: int, payload: bytes, flags: int = 0) -> bytes:
    message_id = uuid.uuid4().bytes
    header = struct.pack(">I", 116) + message_type.encode().ljust(32) + struct.pack(">IQqQ", 1, int(time.time() * 1000), sequence, flags)
    header += message_id[8:] + message_id[:8] + hashlib.sha256(payload).digest() + struct.pack(">II", payload_type, len(payload))
    return header + payload


def decode(frame: bytes) -> dict:
    return {"type": frame[4:36].decode().strip(), "sequence": struct.unpack(">q", frame[48:56])[0],
            "payload_type": struct.unpack(">I", frame[112:116])[0], "payload": frame[120:]}


def ack(message: dict) -> bytes:
    content = {"AcknowledgedMessageType": message["type"], "AcknowledgedMessageId": str(uuid.uuid4()),
               "AcknowledgedMessageSequenceNumber": message["sequence"], "IsSequentialMessage": True}
    return encode("acknowledge", 0, 0, json.dumps(content).encode(), flags=3)


def open_frame(token: str, client_version: str = "probe") -> bytes:
    return json.dumps({"MessageSchemaVersion": "1.0", "RequestId": str(uuid.uuid4()), "TokenValue": token,
                       "ClientId": str(uuid.uuid4()), "ClientVersion": client_version}).encode()


def handshake(probe, token: str) -> None:
    """Opens the channel and completes the handshake (accepting the session type); acknowledges both server messages."""
    probe.send(open_frame(token), text=True)
    request = decode(probe.frame()[1])
    assert request["payload_type"] == 5, request
    probe.send(ack(request))
    action = json.loads(request["payload"])["RequestedClientActions"][0]["ActionType"]
    response = {"ClientVersion": "probe", "ProcessedClientActions": [{"ActionType": action, "ActionStatus": 1}], "Errors": []}
    probe.send(encode("input_stream_data", 0, 6, json.dumps(response).encode()))
    while True:
        message = decode(probe.frame()[1])
        if message["type"] == "output_stream_data":
            probe.send(ack(message))
            if message["payload_type"] == 7:
                return
