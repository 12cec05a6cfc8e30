"""Stand-in for NVDA's ui: records what would be spoken and brailled, and what would be shown for review."""
import threading

calls = []
_changed = threading.Condition()


def message(text, *args, **kwargs):
    with _changed:
        calls.append(("message", text))
        _changed.notify_all()


def browseableMessage(message, title=None, isHtml=False, *args, **kwargs):
    with _changed:
        calls.append(("browseableMessage", message, title))
        _changed.notify_all()


def messages():
    return [c[1] for c in calls if c[0] == "message"]


def browseable():
    return [c[1] for c in calls if c[0] == "browseableMessage"]
