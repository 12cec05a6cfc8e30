"""Sightline for NVDA: reads, describes and lists the elements of the navigator object or the foreground window.

The pictures are read by the Sightline service (``sightline serve``) on this computer, which keeps its models
loaded; this add-on only sends the rectangle to read and presents the answer with NVDA's own speech and
braille (``ui.message``) as it streams in, then in a browseable message for line-by-line review. Network and
waiting happen on a background thread; everything NVDA is asked to do goes through ``wx.CallAfter``, because
NVDA's speech, braille and GUI must only be used from its main thread. When no service runs, the add-on starts
one with the configured command and says so.
"""

import os
import re
import subprocess
import threading
import time

import addonHandler
import api
import config
import globalPluginHandler
import ui
import wx
from logHandler import log
from scriptHandler import script

try:
    from . import sightline_client
except ImportError:  # run from the source tree, where the build script has not copied the client in yet
    import sightline_client

addonHandler.initTranslation()

CATEGORY = "Sightline"

config.conf.spec["sightline"] = {
    "command": "string(default='')",
    "startTimeout": "integer(default=90, min=5, max=600)",
}

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


def default_command():
    """The installed Sightline's console launcher, which ``sightline serve`` is run with."""
    if os.name == "nt":
        base = os.environ.get("ProgramFiles", r"C:\Program Files")
        return os.path.join(base, "Sightline", "sightline-cli.exe")
    return "sightline"


def setting(name, default):
    """A value of the add-on's section of NVDA's configuration, or ``default`` when it is not set."""
    try:
        value = config.conf["sightline"][name]
    except (KeyError, TypeError):
        return default
    return default if value in (None, "") else value


def start_service(command):
    """Starts ``command serve`` in the background, without a console window; returns the process."""
    arguments = [command, "serve"]
    if os.name == "nt":
        arguments += ["--transport", "tcp"]
    return subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, close_fds=True,
                            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))


def ask_question(title, prompt, answer):
    """Asks for a follow-up question in NVDA's own text-entry dialog; ``answer`` gets it unless cancelled.

    Kept apart so that it is the only function that needs NVDA's GUI: tests replace it.
    """
    import gui
    dialog = wx.TextEntryDialog(gui.mainFrame, prompt, title)

    def closed(result):
        text = dialog.GetValue().strip()
        if result == wx.ID_OK and text:
            answer(text)

    gui.runScriptModalDialog(dialog, closed)


def say(text):
    """Speaks and brailles ``text`` from NVDA's main thread."""
    wx.CallAfter(ui.message, text)


def show(text, title):
    """Opens ``text`` in a browseable message, NVDA's read-only document for review line by line."""
    wx.CallAfter(ui.browseableMessage, text, title)


def rectangle(obj):
    """The screen rectangle of an NVDA object, in the form the service takes; None when it has none."""
    location = getattr(obj, "location", None) if obj is not None else None
    if not location:
        return None
    left, top, width, height = location
    if width <= 0 or height <= 0:
        return None
    return {"x": int(left), "y": int(top), "width": int(width), "height": int(height)}


def element_lines(result):
    """An element map as one line per element: its label, type and the state its pixels show ("Changelog, button,
    collapsed"), as a sighted reader would list them."""
    lines = []
    for element in result.get("elements", []):
        label = element.get("label") or ""
        kind = element.get("type", "")
        if element.get("headingLevel"):
            kind = _("heading level {level}").format(level=element["headingLevel"])
        state = {"expanded": _("expanded"), "collapsed": _("collapsed"), "checked": _("checked"),
                 "not-checked": _("not checked")}.get(element.get("state"))
        if state:
            kind = "%s, %s" % (kind, state)
        lines.append(("%s, %s" % (label, kind)) if label else kind)
    return lines


class GlobalPlugin(globalPluginHandler.GlobalPlugin):
    """The scripts, one connection to the service (kept so follow-up questions see the same picture), and one
    request at a time: a new request cancels the one still running, as a new key press should."""

    scriptCategory = CATEGORY

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._client = None
        self._running = None
        self._thread = None
        self._closing = False
        self.last_result = None

    def terminate(self):
        self._closing = True
        self._cancel_running()
        client, self._client = self._client, None
        if client is not None:
            client.close()
        super().terminate()

    # The scripts. Gestures: NVDA+Control+Shift with a letter that neither NVDA nor popular add-ons use there;
    # all can be changed in NVDA's Input gestures dialog under "Sightline".

    @script(description=_("Reads the text of the navigator object with Sightline"),
            gesture="kb:NVDA+control+shift+o", category=CATEGORY)
    def script_readNavigator(self, gesture):
        self._on_object(api.getNavigatorObject(), "read", {})

    @script(description=_("Describes the navigator object with Sightline"),
            gesture="kb:NVDA+control+shift+i", category=CATEGORY)
    def script_describeNavigator(self, gesture):
        self._on_object(api.getNavigatorObject(), "describe", {})

    @script(description=_("Lists the headings, buttons, links and fields Sightline sees in the navigator object"),
            gesture="kb:NVDA+control+shift+e", category=CATEGORY)
    def script_elementsNavigator(self, gesture):
        self._on_object(api.getNavigatorObject(), "elements", {})

    @script(description=_("Reads the text of the foreground window with Sightline"),
            gesture="kb:NVDA+control+shift+f", category=CATEGORY)
    def script_readWindow(self, gesture):
        self._on_object(api.getForegroundObject(), "read", {})

    @script(description=_("Describes the foreground window with Sightline"),
            gesture="kb:NVDA+control+shift+y", category=CATEGORY)
    def script_describeWindow(self, gesture):
        self._on_object(api.getForegroundObject(), "describe", {})

    @script(description=_("Asks Sightline a question about the picture it last read or described"),
            gesture="kb:NVDA+control+shift+q", category=CATEGORY)
    def script_ask(self, gesture):
        ask_question(_("Sightline"), _("Your question about the last picture:"),
                     lambda question: self._start("describe", {"source": "last", "question": question}))

    @script(description=_("Shows Sightline's last result again for review line by line"),
            gesture="kb:NVDA+control+shift+v", category=CATEGORY)
    def script_review(self, gesture):
        if self.last_result:
            show(self.last_result, _("Sightline"))
        else:
            say(_("Sightline has no result yet."))

    @script(description=_("Stops what Sightline is doing"), gesture="kb:NVDA+control+shift+x", category=CATEGORY)
    def script_cancel(self, gesture):
        if self._cancel_running():
            say(_("Cancelled."))
        else:
            say(_("Sightline is not working on anything."))

    # The work.

    def _on_object(self, obj, op, fields):
        rect = rectangle(obj)
        if rect is None:
            say(_("This object has no place on the screen to read."))
            return
        self._start(op, dict(fields, source="rect", rect=rect))

    def _start(self, op, fields):
        self._cancel_running()
        self._thread = threading.Thread(target=self._work, args=(op, fields), name="sightline-request",
                                        daemon=True)
        self._thread.start()

    def _cancel_running(self):
        with self._lock:
            running, client = self._running, self._client
        if running is None or client is None:
            return False
        try:
            client.cancel(running)
        except OSError:
            pass
        return True

    def wait(self, timeout=None):
        """Waits for the request in progress to finish (for tests and for NVDA's exit)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _work(self, op, fields):
        with _ONE_AT_A_TIME:
            try:
                client = self._connect()
                if client is None:
                    return
                self._run(client, op, fields)
            except sightline_client.Cancelled:
                pass
            except sightline_client.ServiceError as e:
                say(e.message)
            except OSError as e:
                self._drop_client()
                if self._closing:
                    return
                log.debugWarning("Sightline service connection failed", exc_info=True)
                say(_("The Sightline service stopped answering ({error}). Try again.").format(error=e))
            finally:
                with self._lock:
                    self._running = None

    def _run(self, client, op, fields):
        request_id = client.send(op, **fields)
        with self._lock:
            self._running = request_id
        pending = ""
        spoken = []
        for event in client.events():
            if event.get("id") not in (request_id, None):
                continue
            kind = event.get("event")
            if kind == "line":
                say(event["text"])
                spoken.append(event["text"])
            elif kind == "text":
                pending += event["text"]
                *sentences, pending = _SENTENCE_END.split(pending)
                for sentence in sentences:
                    say(sentence.strip())
                    spoken.append(sentence.strip())
            elif kind == "notice":
                say(event["text"])
            elif kind == "error":
                raise sightline_client.ServiceError(event.get("code"), event.get("message"))
            elif kind == "cancelled":
                raise sightline_client.Cancelled(request_id)
            elif kind == "done":
                self._present(op, event.get("result", {}), spoken, pending)
                return
        raise OSError("the connection closed")

    def _present(self, op, result, spoken, pending):
        if op == "elements":
            lines = element_lines(result)
            text = "\n".join(lines) if lines else _("Sightline found no headings, buttons, links or fields.")
            say(text if not lines else _("{count} elements. {first}").format(count=len(lines), first=lines[0]))
        else:
            text = (result.get("text") or "").strip()
            if op == "describe":
                rest = pending.strip() if spoken else text
                if rest:
                    say(rest)
                text = "\n".join(filter(None, [text, result.get("caution"), result.get("closerLook"),
                                               result.get("downloadHint")]))
            elif not text:
                text = _("Sightline found no text.")
                say(text)
        self.last_result = text
        show(text, _("Sightline"))

    # The connection, and starting the service when none runs.

    def _connect(self):
        with self._lock:
            if self._client is not None:
                return self._client
        client = self._open()
        if client is None:
            command = setting("command", default_command())
            timeout = int(setting("startTimeout", 90))
            say(_("Starting Sightline. This can take a minute."))
            try:
                start_service(command)
            except OSError as e:
                say(_("Sightline is not running and could not be started with {command}: {error}. Install "
                      "Sightline or set its command in NVDA's configuration.").format(command=command, error=e))
                return None
            deadline = time.monotonic() + timeout
            while client is None and time.monotonic() < deadline:
                time.sleep(0.25)
                client = self._open()
            if client is None:
                say(_("Sightline did not start within {seconds} seconds.").format(seconds=timeout))
                return None
        with self._lock:
            self._client = client
        return client

    def _open(self):
        try:
            return sightline_client.Client(timeout=None)
        except (OSError, ValueError, KeyError):
            return None

    def _drop_client(self):
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except OSError:
                pass


_ONE_AT_A_TIME = threading.Lock()
