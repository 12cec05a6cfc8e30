"""The NVDA add-on against the real Sightline service, with NVDA's modules replaced by recording stand-ins.

Run by the app module's NvdaAddonOnScreenTest, which starts the service (or not) and draws a window on the screen.
Environment: SIGHTLINE_COMPANION (the folder of sightline_client.py), SIGHTLINE_RECT ("x,y,width,height" of the
window), SIGHTLINE_EXPECT (its lines, separated by "|"), SIGHTLINE_MODE ("running": a service runs;
"start": none runs and SIGHTLINE_COMMAND starts one; SIGHTLINE_BUSY_PAGE, a large page that keeps the service busy; "missing": none runs and the command does not exist).
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "stand_in"), os.environ["SIGHTLINE_COMPANION"], os.path.dirname(HERE)]

import api  # noqa: E402
import config  # noqa: E402
import ui  # noqa: E402
import wx  # noqa: E402
import globalPlugins.sightline as addon  # noqa: E402

MODE = os.environ.get("SIGHTLINE_MODE", "running")
EXPECT = os.environ.get("SIGHTLINE_EXPECT", "").split("|")


class Obj:
    def __init__(self, location):
        self.location = location


def window():
    x, y, width, height = (int(v) for v in os.environ["SIGHTLINE_RECT"].split(","))
    return Obj((x, y, width, height))


class AddonTest(unittest.TestCase):

    def setUp(self):
        ui.calls.clear()
        wx.after.clear()
        self.started = []
        real_start = addon.start_service

        def start(command):
            process = real_start(command)
            self.started.append(process)
            return process
        addon.start_service = start
        self.addCleanup(setattr, addon, "start_service", real_start)
        self.plugin = addon.GlobalPlugin()

    def tearDown(self):
        self.plugin.wait(30)
        self.plugin.terminate()
        for process in self.started:
            process.terminate()
            process.wait(30)

    def run_script(self, script):
        script(None)
        self.plugin.wait(180)

    def report(self):
        for call in ui.calls:
            print("%s: %s" % (call[0], call[1].replace("\n", " | ")))

    @unittest.skipUnless(MODE == "running", "needs a running service")
    def test_read_navigator_speaks_each_line_then_shows_the_whole_text(self):
        api.navigator = window()
        self.run_script(self.plugin.script_readNavigator)
        self.report()
        self.assertEqual(EXPECT, ui.messages())
        self.assertEqual(["\n".join(EXPECT)], ui.browseable())
        self.assertTrue(set(wx.after) == {"message", "browseableMessage"}, wx.after)

    @unittest.skipUnless(MODE == "running", "needs a running service")
    def test_read_foreground_window_and_review_it_again(self):
        api.foreground = window()
        self.run_script(self.plugin.script_readWindow)
        ui.calls.clear()
        self.plugin.script_review(None)
        self.assertEqual(["\n".join(EXPECT)], ui.browseable())

    @unittest.skipUnless(MODE == "running", "needs a running service")
    def test_describe_then_a_follow_up_question_about_the_same_picture(self):
        api.navigator = window()
        self.run_script(self.plugin.script_describeNavigator)
        self.report()
        described = ui.browseable()
        self.assertEqual(1, len(described))
        self.assertIn(EXPECT[0], described[0])
        self.assertIn(ui.messages()[0], described[0])
        ui.calls.clear()
        asked = []
        real_ask = addon.ask_question
        addon.ask_question = lambda title, prompt, answer: (asked.append(prompt), answer("What does it say?"))
        try:
            self.run_script(self.plugin.script_ask)
        finally:
            addon.ask_question = real_ask
        self.report()
        self.assertEqual(["Your question about the last picture:"], asked)
        self.assertTrue(ui.calls, "the follow-up question got no answer")

    @unittest.skipUnless(MODE == "running", "needs a running service")
    def test_elements_of_the_navigator(self):
        api.navigator = window()
        self.run_script(self.plugin.script_elementsNavigator)
        self.report()
        self.assertEqual(1, len(ui.browseable()))
        self.assertTrue(ui.messages())

    @unittest.skipUnless(MODE == "running", "needs a running service")
    def test_element_lines_say_a_disclosures_state_after_its_type(self):
        lines = addon.element_lines({"elements": [
            {"type": "button", "label": "Changelog", "state": "collapsed"},
            {"type": "heading", "label": "Fuse", "headingLevel": 1},
            {"type": "button", "label": "", "state": "expanded"}]})
        self.assertEqual(["Changelog, button, collapsed", "Fuse, heading level 1", "button, expanded"], lines)

    def test_an_object_off_the_screen_and_cancel_with_nothing_running_say_so(self):
        api.navigator = Obj(None)
        self.run_script(self.plugin.script_readNavigator)
        self.plugin.script_cancel(None)
        self.assertEqual(["This object has no place on the screen to read.",
                          "Sightline is not working on anything."], ui.messages())

    @unittest.skipUnless(MODE == "running", "needs a running service")
    def test_cancel_stops_a_request_that_waits_behind_another_clients_work(self):
        import sightline_client
        import time
        busy = sightline_client.Client(timeout=120)
        self.addCleanup(busy.close)
        busy.send("read", source="file", path=os.environ["SIGHTLINE_BUSY_PAGE"])
        api.navigator = window()
        self.plugin.script_readNavigator(None)
        deadline = time.monotonic() + 10
        while self.plugin._running is None and time.monotonic() < deadline:
            time.sleep(0.01)
        self.plugin.script_cancel(None)
        self.plugin.wait(120)
        self.report()
        self.assertEqual(["Cancelled."], ui.messages())
        self.assertEqual([], ui.browseable())

    def test_gestures_are_declared_once_each_in_the_sightline_category(self):
        scripts = [getattr(addon.GlobalPlugin, n) for n in dir(addon.GlobalPlugin) if n.startswith("script_")]
        gestures = [g for s in scripts for g in s.gestures]
        self.assertEqual(8, len(scripts))
        self.assertEqual(len(gestures), len(set(g.lower() for g in gestures)))
        self.assertTrue(all(g.lower().startswith("kb:nvda+control+shift+") for g in gestures), gestures)
        self.assertTrue(all(s.category == "Sightline" and s.__doc__ for s in scripts))

    @unittest.skipUnless(MODE == "start", "needs no service running and a command that starts one")
    def test_with_no_service_running_the_add_on_starts_one_and_reads(self):
        config.conf["sightline"] = {"command": os.environ["SIGHTLINE_COMMAND"], "startTimeout": 120}
        api.navigator = window()
        self.run_script(self.plugin.script_readNavigator)
        self.report()
        self.assertEqual(1, len(self.started))
        self.assertEqual(["Starting Sightline. This can take a minute."] + EXPECT, ui.messages())

    @unittest.skipUnless(MODE == "missing", "needs no service running and a command that does not exist")
    def test_with_no_service_and_no_sightline_the_add_on_says_it_cannot_start_it(self):
        config.conf["sightline"] = {"command": os.environ["SIGHTLINE_COMMAND"]}
        api.navigator = window()
        self.run_script(self.plugin.script_readNavigator)
        self.report()
        self.assertEqual(2, len(ui.messages()))
        self.assertEqual("Starting Sightline. This can take a minute.", ui.messages()[0])
        self.assertTrue(ui.messages()[1].startswith("Sightline is not running and could not be started with "
                                                    + os.environ["SIGHTLINE_COMMAND"]), ui.messages()[1])


if __name__ == "__main__":
    unittest.main(verbosity=2)
