"""Reads an image through the service with Sightline's Python client, as an add-on would.

Usage: read_with_client.py COMPANION_DIR SOCKET IMAGE. Prints each streamed line, then 'done: ' and the
whole text from the final event, then the answer to a request for protocol version 2.
"""
import sys

sys.path.insert(0, sys.argv[1])
import sightline_client  # noqa: E402

with sightline_client.Client(sys.argv[2], timeout=60) as client:
    hello = list(client.request("hello"))[-1]
    print("hello: version %d, ops %s" % (hello["version"], ", ".join(hello["ops"])))
    last = None
    for event in client.request("read", source="file", path=sys.argv[3]):
        if event["event"] == "line":
            print("line %d: %s" % (event["index"], event["text"]))
        last = event
    print("done: " + last["result"]["text"].replace("\n", " | "))
    client._socket.sendall(b'{"v": 2, "id": "future", "op": "read"}\n')
    for event in client.events():
        print("%s: %s" % (event["code"], event["message"]))
        break
