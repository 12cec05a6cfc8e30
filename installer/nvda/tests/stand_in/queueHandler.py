"""Stand-in for NVDA's queueHandler: queued functions run at once."""
eventQueue = object()


def queueFunction(queue, function, *args, **kwargs):
    function(*args, **kwargs)
