"""Fixture: docks on real Connections / JobManager, shown at a dock's size as a user sees them (real widget sizes,
so clicks land on buttons and visible rows fetch their quicklooks).

At teardown every dock is brought to rest before it is closed: jobs cancelled, searches stopped, and nothing left
talking to an emulator (the emulators' fixtures, set up first, are stopped after this one). The docks are closed
here rather than by qtbot, whose own teardown would delete them while their background work still runs.
"""

import pytest
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QApplication

from eo_connector.core.job_store import JobStore
from eo_connector.gui.dock import EOConnectorDock
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.qgis_glue.connections import Connections
from eo_connector.qgis_glue.jobs import JobManager

WAIT_MS = 20000
DOCK_SIZE = (420, 1400)


def dock_is_idle(dock) -> bool:
    if dock.jobs.tasks or busy_tasks(dock.connections_panel):
        return False
    for panel in dock.panels.values():
        runner = getattr(panel, "runner", None)
        browser = getattr(panel, "browser", None)
        if (runner is not None and runner.is_running()) or busy_tasks(panel) or (browser and browser.busy()):
            return False
    return True


def stop_dock(dock):
    for job_id in list(dock.jobs.tasks):
        dock.jobs.cancel(job_id)
    for panel in dock.panels.values():
        runner, browser = getattr(panel, "runner", None), getattr(panel, "browser", None)
        if runner is not None:
            runner.cancel()
        if browser is not None:
            browser.loader.clear()


@pytest.fixture
def make_dock(beod_emulator_factory, terrascope_emulator_factory, rs_emulator_factory, ee_emulator_factory,
              qgis_iface, qtbot, memory_keyring, clean_state, tmp_path):
    """(The emulator factories are asked for first so that they are stopped after the docks are at rest: a
    quicklook still in flight must not meet an emulator that is going away. They start nothing until used.)"""
    docks = []

    def make(connections=None, store_path=None):
        connections = connections or Connections()
        jobs = JobManager(JobStore(str(store_path or tmp_path / "jobs.json")), connections, poll_interval=0.05)
        dock = EOConnectorDock(qgis_iface, connections, jobs)
        dock.resize(*DOCK_SIZE)
        dock.show()
        QApplication.processEvents()  # laid out, as on screen before the user's first click
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        if sip.isdeleted(dock):
            continue
        stop_dock(dock)
        qtbot.waitUntil(lambda d=dock: dock_is_idle(d), timeout=WAIT_MS)
        dock.close()
        dock.deleteLater()
    qtbot.wait(10)  # the deferred deletions happen now, not in the next test


@pytest.fixture
def dock(make_dock):
    return make_dock()
