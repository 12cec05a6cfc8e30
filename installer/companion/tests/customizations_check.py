"""Checks that ``sightline_orca.py --install`` and ``--remove`` keep the rest of a user's Orca customisations.

    python3 customizations_check.py FOLDER

Prints "ok" and exits 0, or fails with the file's text.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.join(HERE, "..", "sightline_orca.py")


def run(data, option):
    env = dict(os.environ, XDG_DATA_HOME=data)
    out = subprocess.run([sys.executable, MODULE, option], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main():
    data = sys.argv[1]
    path = os.path.join(data, "orca", "orca-customizations.py")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mine = "# my own Orca settings\nimport orca.settings\norca.settings.enableEchoByWord = True\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(mine)
    said = run(data, "--install")
    assert said == "Sightline's keys are added to %s. Restart Orca to use them." % path, said
    run(data, "--install")  # twice: still one block
    text = open(path, encoding="utf-8").read()
    assert text.startswith(mine), text
    assert text.count("import sightline_orca") == 1, text
    assert "sightline_orca.enable()" in text, text
    run(data, "--remove")
    text = open(path, encoding="utf-8").read()
    assert text == mine, text
    print("ok")


if __name__ == "__main__":
    main()
