"""`make screenshots`: the dock in every state a user meets, rendered at 400 px (offscreen, QWidget.grab()) into
docs/screenshots/<state>.png, the pictures the README links to.

Runs QGIS headless with a scratch profile against the local BrightEarth and Terrascope emulators, and reaches each
state by clicking as a user does (tests/support/dock_states.py, the same walk as the layout test).
"""

import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = os.path.join(ROOT, "docs", "screenshots")
WIDTH, HEIGHT = 400, 720


def main() -> int:
    from qgis.core import QgsApplication

    from tests.support.scratch_profile import files_in_user_profile, use_scratch_settings

    scratch = tempfile.mkdtemp(prefix="eo-connector-screenshots-")
    profile = use_scratch_settings(os.path.join(scratch, "qgis-profile"))
    app = QgsApplication([], True, profile)
    app.initQgis()
    if files_in_user_profile():
        print("The screenshots would write into your own QGIS profile: stopped.")
        return 1
    try:
        return run(scratch)
    finally:
        from eo_connector.qgis_glue import services

        services.reset()
        app.exitQgis()
        shutil.rmtree(scratch, ignore_errors=True)


def run(scratch: str) -> int:
    from qgis.core import QgsApplication, QgsProject
    from qgis.gui import QgsMapCanvas, QgsMessageBar
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtGui import QFont
    from qgis.PyQt.QtWidgets import QApplication, QMainWindow

    from eo_connector.core import i18n
    from eo_connector.core.job_store import JobStore
    from eo_connector.gui.dock import EOConnectorDock
    from eo_connector.qgis_glue.connections import Connections
    from eo_connector.qgis_glue.jobs import JobManager
    from tests.emulators.beod import BeodEmulator
    from tests.emulators.terrascope import S2_TOC, TerrascopeEmulator
    from tests.support.dock_states import catalogue_states, scenario_states, wait_until

    i18n.set_translator(QCoreApplication.translate)
    QApplication.setFont(QFont("DejaVu Sans", 9))  # QGIS's usual size, not the offscreen platform's large default
    QgsApplication.authManager().setMasterPassword("eo-connector-screenshots", True)  # no keyring here
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    iface = Interface(window, canvas, QgsMessageBar(window))
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".png"):
            os.remove(os.path.join(OUT, old))

    def dock_for_run():
        connections = Connections()
        jobs = JobManager(JobStore(os.path.join(scratch, f"jobs-{len(os.listdir(scratch))}.json")), connections,
                          poll_interval=0.05)
        dock = EOConnectorDock(iface, connections, jobs)
        dock.resize(WIDTH, HEIGHT)
        dock.show()
        QApplication.processEvents()
        return dock

    def shoot(dock, name, tab):
        dock.tabs.setCurrentIndex(tab)
        wait_until(lambda: True)
        path = os.path.join(OUT, f"{name}.png")
        dock.grab().save(path)
        print(path)

    with BeodEmulator(run_seconds=60) as emulator:
        dock = dock_for_run()
        for name, tab in scenario_states(dock, emulator, os.path.join(scratch, "results")):
            shoot(dock, name, tab)
        dock.close()
    with TerrascopeEmulator(products={S2_TOC: 120}, page_size=50) as emulator:
        ini = str(emulator.write_ini(os.path.join(scratch, "emulator.ini")))
        dock = dock_for_run()
        for name, tab in catalogue_states(dock, emulator, ini, os.path.join(scratch, "products")):
            shoot(dock, name, tab)
        wait_until(lambda: dock.platform_panel("terrascope").browser.busy() == 0)
        dock.close()
    QgsProject.instance().clear()
    return 0


class Interface:
    """What the dock asks of QGIS's interface: the map, the active layer, the message bar, the main window."""

    def __init__(self, window, canvas, bar):
        self.window, self.canvas, self.bar, self.layer = window, canvas, bar, None

    def mapCanvas(self):  # noqa: N802 (QGIS's names)
        return self.canvas

    def mainWindow(self):  # noqa: N802
        return self.window

    def messageBar(self):  # noqa: N802
        return self.bar

    def activeLayer(self):  # noqa: N802
        return self.layer

    def setActiveLayer(self, layer):  # noqa: N802
        self.layer = layer


if __name__ == "__main__":
    sys.exit(main())
