"""Stand-in for NVDA's logHandler: the log goes to Python's logging."""
import logging


class _Log(logging.Logger):
    def debugWarning(self, msg, *args, **kwargs):
        self.warning(msg, *args, **kwargs)


log = _Log("nvda")
