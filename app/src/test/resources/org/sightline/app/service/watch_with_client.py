"""Watches a rectangle of the screen through the service with Sightline's Python client, as an add-on would.

Usage: watch_with_client.py COMPANION_DIR SOCKET X Y WIDTH HEIGHT. Prints what the watch says about itself and
its first new line, then cancels it and prints how it ended.
"""
import sys

sys.path.insert(0, sys.argv[1])
import sightline_client  # noqa: E402

x, y, width, height = (int(n) for n in sys.argv[3:7])
with sightline_client.Client(sys.argv[2], timeout=60) as client:
    try:
        for event in client.request("watch", request_id="w", source="rect",
                                    rect={"x": x, "y": y, "width": width, "height": height}):
            if event["event"] == "notice":
                print("notice: " + event["text"])
            elif event["event"] == "change":
                print("change: " + event["text"])
                client.cancel("w")
    except sightline_client.Cancelled as cancelled:
        print("cancelled: %s" % cancelled)
