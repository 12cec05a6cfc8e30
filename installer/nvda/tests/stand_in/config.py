"""Stand-in for NVDA's config: ``conf`` is a dict with a ``spec``; tests put the add-on's section in it."""


class _Conf(dict):
    def __init__(self):
        super().__init__()
        self.spec = {}


conf = _Conf()
