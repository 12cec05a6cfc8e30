"""Measures Sightline's service as an add-on meets it: the first line and the whole reading of a page through a
warm service, and the service's memory over many requests in a row.

Usage: python3 service_bench.py IMAGE [--requests N] [--socket PATH] [--pid PID]
Start the service first (./sightline serve); give its process id with --pid to report its memory (RSS, which
includes ONNX Runtime's native memory) before the first request and after 100 and N requests.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sightline_client  # noqa: E402


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one_read(client, image):
    start = time.perf_counter()
    first = None
    for event in client.request("read", source="file", path=image):
        if event["event"] == "line" and first is None:
            first = time.perf_counter() - start
    return first, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("image")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--socket")
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()
    image = os.path.abspath(args.image)
    with sightline_client.Client(args.socket, timeout=120) as client:
        if args.pid:
            print("RSS before the first request: %.0f MB" % rss_mb(args.pid))
        firsts, wholes = [], []
        for i in range(1, args.requests + 1):
            first, whole = one_read(client, image)
            firsts.append(first)
            wholes.append(whole)
            if args.pid and i in (1, 100, args.requests):
                print("RSS after %d requests: %.0f MB" % (i, rss_mb(args.pid)))
        warm = firsts[1:] or firsts
        print("first request: first line %.3f s, whole page %.3f s" % (firsts[0], wholes[0]))
        print("warm requests (%d): first line median %.3f s, whole page median %.3f s"
              % (len(warm), statistics.median(warm), statistics.median(wholes[1:] or wholes)))


if __name__ == "__main__":
    main()
