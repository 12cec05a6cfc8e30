"""Runs Sightline's Orca keys inside Debian's real Orca modules, as Orca runs a user's customisations, with
a recording script in place of the application's Orca script and a focus object at a given place on the screen.

    dbus-run-session -- python3 orca_keys_check.py KEY [X Y WIDTH HEIGHT]

Prints one JSON object: the key bindings Sightline added (their descriptions) and every message presented to
Orca, in order, once the key's work has ended. Used by Sightline's test suite (OrcaCompanionOnScreenTest).
"""

import json
import os
import sys
import threading
import time

import gi
gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import GLib  # noqa: E402

from orca import keybindings, orca_state, settings  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import sightline_orca  # noqa: E402


class Box:
    def __init__(self, x, y, width, height):
        self.x, self.y, self.width, self.height = x, y, width, height


class Focus:
    """An accessible object with a place on the screen, as pyatspi gives Orca."""

    def __init__(self, box):
        self._box = box

    def queryComponent(self):
        return self

    def getExtents(self, coord_type):
        return self._box


class RecordingScript:
    def __init__(self):
        self.presented = []

    def presentMessage(self, fullMessage, briefMessage=None, voice=None, resetStyles=True, force=False):
        self.presented.append(fullMessage)


def main():
    key = sys.argv[1]
    rect = [int(v) for v in sys.argv[2:6]]
    if os.environ.get("SIGHTLINE_NO_LAUNCHER"):
        sightline_orca.LAUNCHER = None
    sightline_orca.enable()
    script = RecordingScript()
    orca_state.activeScript = script
    orca_state.locusOfFocus = Focus(Box(*rect)) if rect else None
    bindings = settings.keyBindingsMap["default"]
    ours = [b for b in bindings.keyBindings if b.modifiers == keybindings.ORCA_CTRL_ALT_MODIFIER_MASK]
    binding = next(b for b in ours if b.keysymstring == key)
    loop = GLib.MainLoop()
    binding.handler.function(script, None)
    deadline = time.monotonic() + 60

    def finished():
        busy = any(t.name == "sightline-orca" and t.is_alive() for t in threading.enumerate())
        if not busy or time.monotonic() > deadline:
            # What the worker queued on the loop is presented before this runs again.
            GLib.timeout_add(200, loop.quit)
            return False
        return True

    GLib.timeout_add(100, finished)
    loop.run()
    print(json.dumps({"bindings": [b.handler.description for b in ours], "presented": script.presented}))


if __name__ == "__main__":
    main()
