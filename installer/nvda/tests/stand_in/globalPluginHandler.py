"""Stand-in for NVDA's globalPluginHandler."""


class GlobalPlugin:
    def __init__(self):
        self.terminated = False

    def terminate(self):
        self.terminated = True
