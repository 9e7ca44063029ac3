"""`make bench`: the plugin's start, as QGIS runs it (classFactory then initGui, the Processing provider and its
algorithms registered), measured headless in fresh QGIS processes, after QGIS itself has started, its bytecode
compiled once beforehand as QGIS keeps it.

`python -m tests.bench_start` is one such process: it prints the milliseconds and the heavy modules the plugin
imported beyond what QGIS had. Nothing here is asserted by the tests (test_plugin.py checks the imports).
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 5
HEAVY = ("requests", "urllib3", "shapely", "keyring", "osgeo", "numpy")


def measure(runs: int = RUNS):
    """(median milliseconds over `runs` fresh processes, the heavy modules imported by the plugin).

    As in QGIS, where a plugin's modules are compiled once and their bytecode kept: a first run, not counted, compiles
    them into a scratch bytecode cache (PYTHONPYCACHEPREFIX; the Makefile forbids bytecode in the tree)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=tempfile.mkdtemp(prefix="eo-bench-pycache-"))
    times, heavy = [], set()
    for run in range(runs + 1):
        out = subprocess.run([sys.executable, "-m", "tests.bench_start"], capture_output=True, text=True, timeout=120,
                             env=env)
        if out.returncode != 0:
            raise RuntimeError(f"plugin start failed: {out.stderr[-2000:]}")
        result = json.loads(out.stdout.strip().splitlines()[-1])
        heavy.update(result["heavy"])
        if run:
            times.append(result["ms"])
    return statistics.median(times), sorted(heavy)


def child():
    from qgis.core import QgsApplication
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtWidgets import QMainWindow

    from tests.support.scratch_profile import use_scratch_settings

    app = QgsApplication([], True, use_scratch_settings(tempfile.mkdtemp(prefix="eo-bench-start-")))
    app.initQgis()

    class Iface:
        def __init__(self):
            self.window = QMainWindow()
            self.bar = QgsMessageBar(self.window)

        def mainWindow(self):  # noqa: N802 (QGIS's names)
            return self.window

        def messageBar(self):  # noqa: N802
            return self.bar

        def addToolBarIcon(self, action):  # noqa: N802
            pass

        def addPluginToWebMenu(self, menu, action):  # noqa: N802
            pass

    before = {name for name in HEAVY if name in sys.modules}
    started = time.perf_counter()
    import eo_connector

    plugin = eo_connector.classFactory(Iface())
    plugin.initGui()
    ms = (time.perf_counter() - started) * 1000
    assert QgsApplication.processingRegistry().providerById("eo_connector") is not None
    print(json.dumps({"ms": ms, "heavy": sorted(n for n in HEAVY if n in sys.modules and n not in before)}))


if __name__ == "__main__":
    child()
