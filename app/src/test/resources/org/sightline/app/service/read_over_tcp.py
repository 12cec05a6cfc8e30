"""Reads an image through a loopback service with Sightline's Python client, as the NVDA add-on does on Windows.

Usage: read_over_tcp.py COMPANION_DIR CONNECTION_FILE IMAGE. Prints the greeting, each streamed line, then what
the service says to a connection file whose token is wrong.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, sys.argv[1])
import sightline_client  # noqa: E402

with sightline_client.Client(connection_file=sys.argv[2], timeout=60) as client:
    print("hello: version %d" % client.hello["version"])
    for event in client.request("read", source="file", path=sys.argv[3]):
        if event["event"] == "line":
            print("line %d: %s" % (event["index"], event["text"]))

with open(sys.argv[2], encoding="utf-8") as f:
    forged = dict(json.load(f), token="0" * 64)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "forged.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(forged, f)
    try:
        sightline_client.Client(connection_file=path, timeout=60)
    except sightline_client.ServiceError as e:
        print("%s: %s" % (e.code, e.message))
