"""Stand-in for NVDA's api: the navigator and foreground objects are whatever the test sets."""
navigator = None
foreground = None


def getNavigatorObject():
    return navigator


def getForegroundObject():
    return foreground
