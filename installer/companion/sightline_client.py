"""A client of Sightline's local service (``sightline serve``), for screen-reader add-ons and scripts.

The service speaks JSON, one object per line, over a Unix domain socket that only its user can open, or (on
Windows, or with ``sightline serve --transport tcp``) over a port on 127.0.0.1 whose number and token are in a
connection file that only its user can read; the protocol is described in docs/service-protocol.md. This module needs only Python's standard library, so an
NVDA add-on or an Orca customisation can carry it as it is.

    with Client() as sightline:
        for event in sightline.request("read", source="file", path="/home/me/scan.png"):
            if event["event"] == "line":
                print(event["text"])

A watch streams ``change`` events until it is cancelled, from another thread or after a line of interest:

    for event in sightline.request("watch", request_id="w", source="window"):
        if event["event"] == "change" and "Done" in event["text"]:
            sightline.cancel("w")
"""

import itertools
import json
import os
import socket
import tempfile

PROTOCOL_VERSION = 1
_ENDS = ("done", "error", "cancelled", "hello")


def default_socket_path():
    """Where ``sightline serve`` listens unless told otherwise."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        folder = os.path.join(runtime, "sightline")
    else:
        import getpass
        folder = os.path.join(tempfile.gettempdir(), "sightline-" + getpass.getuser())
    return os.path.join(folder, "service.sock")


def default_connection_file():
    """Where ``sightline serve --transport tcp`` writes its port and token unless told otherwise."""
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Local")
        return os.path.join(base, "Sightline", "service.json")
    return os.path.join(os.path.dirname(default_socket_path()), "service.json")


class ServiceError(Exception):
    """The service's answer to a request it could not carry out: ``code`` for programs, ``message`` for people."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


class Cancelled(Exception):
    """The request was cancelled before it finished."""


class Client:
    """One connection to the service; requests on it are answered in the order they were sent.

    ``path`` names a Unix socket, ``connection_file`` a loopback service's connection file; with neither, the
    default socket is tried first where the system has Unix sockets, then the default connection file. Raises
    OSError when no service answers, ServiceError when the service refuses the connection file's token.
    """

    def __init__(self, path=None, timeout=None, connection_file=None):
        self._ids = itertools.count(1)
        if path is None and connection_file is None:
            unix = default_socket_path() if hasattr(socket, "AF_UNIX") and os.name != "nt" else None
            if unix and os.path.exists(unix):
                try:
                    self._open_unix(unix, timeout)
                    return
                except OSError:
                    pass
            connection_file = default_connection_file()
        if connection_file is not None:
            self._open_loopback(connection_file, timeout)
        else:
            self._open_unix(path, timeout)

    def _open_unix(self, path, timeout):
        self.path = path
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.settimeout(timeout)
        try:
            self._socket.connect(path)
        except OSError:
            self._socket.close()
            raise
        self._lines = self._socket.makefile("rb")

    def _open_loopback(self, connection_file, timeout):
        self.path = connection_file
        with open(connection_file, encoding="utf-8") as f:
            endpoint = json.load(f)
        self._socket = socket.create_connection(("127.0.0.1", int(endpoint["port"])), timeout=timeout)
        self._socket.settimeout(timeout)
        self._lines = self._socket.makefile("rb")
        try:
            self.hello = list(self.request("hello", token=endpoint["token"]))[-1]
        except (ServiceError, OSError):
            self.close()
            raise

    def send(self, op, request_id=None, **fields):
        """Sends a request without waiting for its answer; returns its id."""
        request_id = request_id or "py-%d" % next(self._ids)
        message = dict(fields, v=PROTOCOL_VERSION, id=request_id, op=op)
        self._socket.sendall((json.dumps(message) + "\n").encode("utf-8"))
        return request_id

    def events(self):
        """Every event the service sends on this connection, as it arrives."""
        for line in self._lines:
            if line.strip():
                yield json.loads(line.decode("utf-8"))

    def request(self, op, request_id=None, **fields):
        """Sends a request and yields its events; the last one is ``done`` (or ``hello``).

        ``request_id`` names the request, for ``cancel``; without it the client makes one up. Raises ServiceError
        when the service answers with an error, Cancelled when the request was cancelled (a ``watch`` ends so).
        """
        request_id = self.send(op, request_id, **fields)
        for event in self.events():
            if event.get("id") not in (request_id, None):
                continue
            yield event
            kind = event.get("event")
            if kind == "error":
                raise ServiceError(event.get("code"), event.get("message"))
            if kind == "cancelled":
                raise Cancelled(request_id)
            if kind in _ENDS:
                return
        raise ServiceError("unavailable", "The Sightline service closed the connection.")

    def cancel(self, request_id):
        """Asks the service to stop the request called ``request_id``."""
        self.send("cancel", request_id=request_id)

    def read_lines(self, **source):
        """The lines of text in a picture, in reading order: ``source="file", path=...`` or screen, window, rect."""
        return [e["text"] for e in self.request("read", **source) if e.get("event") == "line"]

    def close(self):
        self._lines.close()
        self._socket.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
