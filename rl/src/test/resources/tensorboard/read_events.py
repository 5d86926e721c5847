#!/usr/bin/env python3
"""An independent reader of the TensorBoard event files ddpg.jar writes (used by TensorBoardPythonReaderTest).

    read_events.py EVENTS_FILE             every scalar as CSV: step,tag,value
    read_events.py --text TAG EVENTS_FILE  the text summary TAG (checked to be a text-plugin string scalar)

Checks every record's framing (length CRC, data CRC) and that the file starts with the file_version event; exits 1
with a message on any problem. Needs event_subset_pb2 on PYTHONPATH: protoc --python_out=DIR event_subset.proto
"""
import struct
import sys

import event_subset_pb2 as pb


def _crc32c_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


_TABLE = _crc32c_table()


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def masked_crc32c(data):
    c = crc32c(data)
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def fail(message):
    sys.stderr.write("read_events.py: " + message + "\n")
    sys.exit(1)


def records(path):
    with open(path, "rb") as f:
        data = f.read()
    pos = 0
    while pos < len(data):
        if len(data) - pos < 12:
            fail("%s: truncated record header at byte %d" % (path, pos))
        header = data[pos:pos + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", data[pos + 8:pos + 12])
        if masked_crc32c(header) != length_crc:
            fail("%s: bad length CRC at byte %d" % (path, pos))
        start, end = pos + 12, pos + 12 + length
        if end + 4 > len(data):
            fail("%s: truncated record at byte %d" % (path, pos))
        payload = data[start:end]
        (data_crc,) = struct.unpack("<I", data[end:end + 4])
        if masked_crc32c(payload) != data_crc:
            fail("%s: bad data CRC in the record at byte %d" % (path, pos))
        yield payload
        pos = end + 4


def events(path):
    first = True
    for payload in records(path):
        e = pb.Event()
        e.ParseFromString(payload)
        if first:
            if e.WhichOneof("what") != "file_version" or e.file_version != "brain.Event:2":
                fail("%s: the first event is not file_version brain.Event:2: %r" % (path, e))
            first = False
        yield e
    if first:
        fail("%s: no events" % path)


def print_scalars(path):
    print("step,tag,value")
    for e in events(path):
        if e.WhichOneof("what") != "summary":
            continue
        for v in e.summary.value:
            if v.WhichOneof("value") == "simple_value":
                print("%d,%s,%r" % (e.step, v.tag, v.simple_value))


def print_text(path, tag):
    for e in events(path):
        for v in e.summary.value:
            if v.tag != tag:
                continue
            t = v.tensor
            if v.WhichOneof("value") != "tensor" or t.dtype != pb.DT_STRING or len(t.tensor_shape.dim) != 0:
                fail("%s: %s is not a rank-0 string tensor: %r" % (path, tag, v))
            if v.metadata.plugin_data.plugin_name != "text" or len(t.string_val) != 1:
                fail("%s: %s is not a text-plugin summary: %r" % (path, tag, v))
            sys.stdout.write(t.string_val[0].decode("utf-8"))
            return
    fail("%s: no text summary %s" % (path, tag))


if __name__ == "__main__":
    if len(sys.argv) == 2:
        print_scalars(sys.argv[1])
    elif len(sys.argv) == 4 and sys.argv[1] == "--text":
        print_text(sys.argv[3], sys.argv[2])
    else:
        fail("usage: read_events.py [--text TAG] EVENTS_FILE")
