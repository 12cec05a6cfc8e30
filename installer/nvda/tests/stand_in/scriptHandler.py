"""Stand-in for NVDA's scriptHandler: ``script`` records its arguments on the function, as NVDA's does."""


def script(description="", category=None, gesture=None, gestures=None, **kwargs):
    def decorate(function):
        function.__doc__ = description
        function.category = category
        function.gestures = list(gestures or []) + ([gesture] if gesture else [])
        return function
    return decorate


def getLastScriptRepeatCount():
    return 0
