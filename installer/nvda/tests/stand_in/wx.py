"""Stand-in for wxPython as NVDA uses it: CallAfter runs the call at once and records that it went this way."""
ID_OK = 5100
after = []


def CallAfter(function, *args, **kwargs):
    after.append(getattr(function, "__name__", repr(function)))
    function(*args, **kwargs)


class TextEntryDialog:
    def __init__(self, *args, **kwargs):
        raise RuntimeError("The stand-in has no GUI; the test replaces ask_question.")
