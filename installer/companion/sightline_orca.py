"""Sightline for Orca: keys that ask Sightline's local service to read, describe or map what has the focus, with
the answer presented by Orca itself (speech and braille, in the user's own Orca settings).

Orca 43 runs the user's ``orca-customizations.py`` when it starts. This module adds its keys there; to turn it
on, run ``python3 sightline_orca.py --install`` (``--remove`` takes it out again), then restart Orca. Keys,
with the Orca modifier (Insert or Caps Lock), Control and Alt, which Orca 43 leaves free:

    Orca+Ctrl+Alt+R   read the text of the object with the focus (recognised from the screen)
    Orca+Ctrl+Alt+P   describe the object with the focus (a picture, a chart, an unlabelled control)
    Orca+Ctrl+Alt+E   list the headings, links, buttons and fields Sightline sees in it
    Orca+Ctrl+Alt+W   read the whole active window
    Orca+Ctrl+Alt+X   stop what Sightline is doing for Orca

The service (``sightline serve``) keeps the models warm; it is started here when it is not running. Work runs
on a thread of its own, and everything reaches Orca through GLib's main loop, so Orca never waits for a model.
"""

import os
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sightline_client  # noqa: E402  (carried beside this file)

# What each key does; the letters can be changed here.
KEYS = {"r": "read", "p": "describe", "e": "elements", "w": "window", "x": "cancel"}
# Where to find Sightline when the service must be started: the installed package, else the PATH.
LAUNCHER = os.environ.get("SIGHTLINE_LAUNCHER") or (
    "/opt/sightline/bin/sightline" if os.path.exists("/opt/sightline/bin/sightline") else shutil.which("sightline"))
START_WAIT_SECONDS = 30

MESSAGES = {
    "starting": "Starting Sightline.",
    "noService": "Sightline is not running and could not be started. Start it with: sightline serve.",
    "noFocus": "Nothing has the focus to read.",
    "nothing": "Sightline found no text there.",
    "noElements": "Sightline found no headings, links, buttons or fields there.",
    "stopped": "Stopped.",
    "failed": "Sightline: {0}",
}


class Companion:
    """The keys' work, apart from Orca: ``present`` shows a message with Orca, ``focus_rect`` gives the object
    with the focus as a screen rectangle (None when nothing has the focus), ``call_soon`` runs on Orca's loop."""

    def __init__(self, present, focus_rect, call_soon, socket_path=None):
        self._present = present
        self._focus_rect = focus_rect
        self._call_soon = call_soon
        self._socket_path = socket_path
        self._lock = threading.Lock()
        self._current = None  # (client, request id) of the request under way

    def run(self, action):
        """Starts ``action`` (a value of KEYS) on a thread of its own; returns at once."""
        if action == "cancel":
            self._cancel()
            return
        if action in ("read", "describe", "elements"):
            rect = self._focus_rect()
            if rect is None:
                self._say(MESSAGES["noFocus"])
                return
            source = {"source": "rect", "rect": dict(zip(("x", "y", "width", "height"), rect))}
        else:
            source = {"source": "window"}
            action = "read"
        self._cancel()
        worker = threading.Thread(target=self._work, args=(action, source), name="sightline-orca", daemon=True)
        worker.start()
        return worker

    def _say(self, text):
        self._call_soon(self._present, text)

    def _connect(self):
        try:
            return sightline_client.Client(self._socket_path)
        except OSError:
            pass
        if not LAUNCHER:
            return None
        self._say(MESSAGES["starting"])
        subprocess.Popen([LAUNCHER, "serve"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + START_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.25)
            try:
                return sightline_client.Client(self._socket_path)
            except OSError:
                continue
        return None

    def _work(self, op, source):
        client = self._connect()
        if client is None:
            self._say(MESSAGES["noService"])
            return
        try:
            request_id = client.send(op, **source)
            with self._lock:
                self._current = (client, request_id)
            said = False
            pending = ""
            for event in client.events():
                if event.get("id") != request_id:
                    continue
                kind = event.get("event")
                if kind == "line" and op == "read":
                    # Each line as it is recognised: the first words come while the rest is still read.
                    self._say(event["text"])
                    said = True
                elif kind == "text" and op == "describe":
                    # The answer comes a few characters at a time: Orca gets whole sentences.
                    pending += event.get("text", "")
                    sentences, pending = _complete_sentences(pending)
                    for sentence in sentences:
                        self._say(sentence)
                        said = True
                elif kind == "notice":
                    self._say(event.get("text", ""))
                elif kind == "done":
                    result = event.get("result") or {}
                    if op == "elements":
                        said = self._present_elements(result)
                    elif op == "describe":
                        rest = pending.strip() if said else (result.get("text") or "").strip()
                        for extra in (rest, result.get("caution"), result.get("downloadHint")):
                            if extra:
                                self._say(extra)
                                said = True
                    if not said:
                        self._say(MESSAGES["nothing"] if op != "elements" else MESSAGES["noElements"])
                    return
                elif kind == "error":
                    self._say(MESSAGES["failed"].format(event.get("message", "")))
                    return
                elif kind == "cancelled":
                    self._say(MESSAGES["stopped"])
                    return
        except OSError as e:
            self._say(MESSAGES["failed"].format(e))
        finally:
            with self._lock:
                if self._current and self._current[0] is client:
                    self._current = None
            client.close()

    def _present_elements(self, result):
        elements = result.get("elements") or []
        if not elements:
            return False
        words = []
        for e in elements:
            label = e.get("label") or ""
            kind = e.get("type", "")
            words.append("%s, %s" % (label, kind) if label else kind)
        self._say("; ".join(words))
        return True

    def _cancel(self):
        with self._lock:
            current = self._current
        if current:
            client, request_id = current
            try:
                client.cancel(request_id)
            except OSError:
                pass


_SENTENCE_ENDS = ".!?。！？"


def _complete_sentences(text):
    """The sentences of ``text`` that have ended (a stop followed by a space, or a Chinese stop), and the rest."""
    sentences = []
    start = 0
    for i, c in enumerate(text):
        ended = c in "。！？" or c in ".!?" and i + 1 < len(text) and text[i + 1].isspace()
        if ended:
            sentence = text[start:i + 1].strip()
            if sentence:
                sentences.append(sentence)
            start = i + 1
    return sentences, text[start:]


def _orca_bindings():
    """Adds the keys to Orca's user key bindings; called when Orca runs the customisations."""
    import pyatspi
    from gi.repository import GLib
    from orca import input_event, keybindings, orca_state, settings

    def present(text):
        script = orca_state.activeScript
        if script is not None:
            script.presentMessage(text)
        return False  # once, as a GLib idle callback

    def focus_rect():
        obj = orca_state.locusOfFocus
        if obj is None:
            return None
        try:
            box = obj.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        except Exception:  # an object that has gone away, or one without a place on the screen
            return None
        if box.width <= 0 or box.height <= 0:
            return None
        return (box.x, box.y, box.width, box.height)

    companion = Companion(present, focus_rect, lambda f, *a: GLib.idle_add(f, *a))
    bindings = settings.keyBindingsMap.get("default") or keybindings.KeyBindings()
    descriptions = {"read": "Sightline: read the text of the object with the focus",
                    "describe": "Sightline: describe the object with the focus",
                    "elements": "Sightline: list the controls in the object with the focus",
                    "window": "Sightline: read the active window",
                    "cancel": "Sightline: stop"}
    for key, action in KEYS.items():
        def handler(script, event=None, action=action):
            companion.run(action)
            return True
        bindings.add(keybindings.KeyBinding(key, keybindings.defaultModifierMask,
                                            keybindings.ORCA_CTRL_ALT_MODIFIER_MASK,
                                            input_event.InputEventHandler(handler, descriptions[action])))
    settings.keyBindingsMap["default"] = bindings
    return companion


MARK_BEGIN = "# >>> Sightline >>>"
MARK_END = "# <<< Sightline <<<"


def customizations_path():
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data, "orca", "orca-customizations.py")


def install(path=None):
    """Adds the lines that load this module to the user's Orca customisations, once; keeps what is there."""
    path = path or customizations_path()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    text = _without_block(text)
    block = "%s\nimport sys\nsys.path.insert(0, %r)\nimport sightline_orca\nsightline_orca.enable()\n%s\n" % (
        MARK_BEGIN, os.path.dirname(os.path.abspath(__file__)), MARK_END)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + ("\n" if text and not text.endswith("\n") else "") + block)
    return path


def remove(path=None):
    path = path or customizations_path()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(_without_block(text))
    return path


def _without_block(text):
    start = text.find(MARK_BEGIN)
    end = text.find(MARK_END)
    if start < 0 or end < start:
        return text
    return text[:start] + text[end + len(MARK_END):].lstrip("\n")


_enabled = None


def enable():
    """Gives Orca Sightline's keys; safe to call more than once."""
    global _enabled
    if _enabled is None:
        _enabled = _orca_bindings()
    return _enabled


if __name__ == "__main__":
    if sys.argv[1:] == ["--install"]:
        print("Sightline's keys are added to %s. Restart Orca to use them." % install())
    elif sys.argv[1:] == ["--remove"]:
        print("Sightline's keys are taken out of %s. Restart Orca." % remove())
    else:
        print("Usage: python3 sightline_orca.py --install | --remove")
        sys.exit(2)
