"""Issue 8, defect 1 and "Done when": no Python traceback reaches the user when a package is missing, the QGIS
master password is refused, the server cannot be reached, a connection is removed while its job runs, the AOI is
refused or a search is refused. Each situation is driven as a user meets it: the first three here, the others in
tests/test_dock_defects.py (test_removing_a_connection_while_its_job_runs_warns_then_stops_it,
test_an_aoi_over_the_platforms_limit_is_refused_before_run, test_a_refusal_by_the_server_replaces_the_started_line,
test_a_refused_search_keeps_the_previous_results). pytest-qt fails a test on any exception raised in a Qt slot or
virtual method (what QGIS shows as a traceback dialog)."""

import sys

import pytest
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt

import eo_connector
from eo_connector.qgis_glue import services


@pytest.fixture
def iface(qgis_iface, monkeypatch):
    bar = QgsMessageBar(qgis_iface.mainWindow())
    monkeypatch.setattr(qgis_iface, "messageBar", lambda: bar, raising=False)
    for name in ("addPluginToWebMenu", "removePluginWebMenu", "removeDockWidget"):
        monkeypatch.setattr(qgis_iface, name, lambda *args: None, raising=False)
    yield qgis_iface
    services.reset()


def bar_texts(iface):
    return [item.text() for item in iface.messageBar().items()]


def test_toolbar_button_with_a_package_missing_explains_and_builds_nothing(iface, monkeypatch, qtbot):
    """Clicking the toolbar button (not calling show_dock) with shapely missing: the message bar says so, the
    button pops back up, no dock is built (building it would import shapely and raise ModuleNotFoundError)."""
    monkeypatch.setitem(sys.modules, "shapely", None)
    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    try:
        plugin.action.trigger()
        assert plugin.dock is None
        assert not plugin.action.isChecked()
        assert any("shapely" in text for text in bar_texts(iface))
    finally:
        plugin.unload()


def test_a_dock_that_cannot_be_built_is_a_sentence_not_a_traceback(iface, monkeypatch, qtbot):
    """A package that looks installed but fails to import (broken, built for another Python): the dock cannot be
    built; the user reads why in the message bar and the button is not left pressed."""
    from eo_connector.qgis_glue import dependencies

    monkeypatch.setattr(dependencies, "missing", lambda: [])
    monkeypatch.setitem(sys.modules, "eo_connector.gui.dock", None)  # importing it raises ImportError
    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    try:
        plugin.action.trigger()
        assert plugin.dock is None and not plugin.action.isChecked()
        assert any("could not be opened" in text for text in bar_texts(iface))
    finally:
        plugin.unload()


# -- the QGIS master password: explained first, Cancel means "not in this session" ----------------------------------
class CancellingAuthManager:
    """QGIS's own authentication manager, except that its master password prompt is answered by `answer` (as the
    user would: Cancel, or typing it); every call that prompts is recorded in `calls`."""

    def __init__(self, real, calls, answer=False, has_master_password=True):
        self._real, self.calls, self.answer, self.has_master_password = real, calls, answer, has_master_password

    def __getattr__(self, name):
        return getattr(self._real, name)

    def masterPasswordHashInDatabase(self):  # noqa: N802 (QGIS's name)
        return self.has_master_password

    def setMasterPassword(self, verify=False):  # noqa: N802
        self.calls.append("QGIS asks for its master password")
        if self.answer:
            from tests.support.keyring_fixtures import TEST_MASTER_PASSWORD

            return self._real.setMasterPassword(TEST_MASTER_PASSWORD, True)
        return False


def locked_store_connections(monkeypatch, qgis_auth_db, calls, answer=False, has_master_password=True):
    from eo_connector.core.credentials import SecretStore
    from eo_connector.qgis_glue import qgis_auth
    from eo_connector.qgis_glue.connections import Connections

    monkeypatch.setattr(qgis_auth, "_user_can_be_asked", lambda: True)  # a desktop: someone can type it
    manager = CancellingAuthManager(qgis_auth_db, calls, answer, has_master_password)
    backend = qgis_auth.QgsAuthSecretBackend(
        auth_manager=manager, explain=lambda first: calls.append(("explained", first)) or True)
    return Connections(SecretStore(fallback=backend))


def test_master_password_cancelled_the_dock_opens_and_works_for_the_session(qtbot, make_dock, monkeypatch, no_keyring,
                                                                            qgis_auth_db, beod_emulator):
    import json
    import time

    from eo_connector.core.models import Connection
    from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD
    from tests.test_credentials import our_auth_configs

    calls = []
    connections = locked_store_connections(monkeypatch, qgis_auth_db, calls)
    connection = connections.add(Connection("brightearth", "Saved", beod_emulator.url, DEMO_EMAIL))
    token = {"access_token": beod_emulator.issue_token(), "expiry": time.time() + 3600}
    connections.secrets.set(connection.id + "/tokens", json.dumps(token))  # saved in an earlier session
    saved = dict(our_auth_configs(qgis_auth_db))
    qgis_auth_db.clearMasterPassword()  # QGIS restarted: the database is locked

    dock = make_dock(connections)  # the dock reads the saved session: QGIS asks, the user cancels
    assert calls == [("explained", False), "QGIS asks for its master password"]  # the plugin's word first
    panel = dock.connections_panel
    assert "Saved sign-ins cannot be used in this session" in panel.statusLabel.text()
    assert panel.signInWidget.isVisibleTo(panel) and panel.passwordEdit.isVisibleTo(panel)
    panel.update_status()
    assert len(calls) == 2  # not asked again and again

    panel.passwordEdit.setText(DEMO_PASSWORD)  # signing in still works, for this session
    qtbot.mouseClick(panel.signInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=20000)
    assert panel.statusLabel.text() == f"Signed in as {DEMO_EMAIL} — 1,000 credits"
    assert connections.has_session(connection) and len(calls) == 2
    assert our_auth_configs(qgis_auth_db) == saved  # the new token was kept in memory, nothing written


def test_first_sign_in_explains_why_qgis_asks_to_choose_a_master_password(qtbot, make_dock, monkeypatch, no_keyring,
                                                                          qgis_auth_db, beod_emulator):
    from tests.test_dock import add_connection

    calls = []
    qgis_auth_db.clearMasterPassword()
    connections = locked_store_connections(monkeypatch, qgis_auth_db, calls, answer=True, has_master_password=False)
    dock = make_dock(connections)
    assert calls == []  # nothing saved yet: nothing to ask for
    add_connection(qtbot, dock, beod_emulator.url, "correct horse")
    qtbot.waitUntil(lambda: dock.connections_panel.connection_dialog is None, timeout=20000)
    assert calls[:2] == [("explained", True), "QGIS asks for its master password"]


def test_the_sentence_said_before_qgis_asks(qgis_app):
    from eo_connector.qgis_glue.qgis_auth import explanation

    for first in (True, False):
        text = explanation(first)
        assert text.count(". ") == 0 and text.endswith(".")  # one sentence
        assert "master password" in text and "Cancel" in text


# -- a server that cannot be reached --------------------------------------------------------------------------------
def test_an_unreachable_server_is_a_sentence_everywhere(qtbot, make_dock, beod_emulator_factory, tmp_path):
    from eo_connector.core.models import JobState
    from tests.support.dock_states import office_layer, use_layer
    from tests.test_dock import signed_in

    emulator = beod_emulator_factory()
    dock = make_dock()
    signed_in(qtbot, dock, emulator)
    use_layer(dock, office_layer())
    emulator.stop()  # the network goes away
    panel = dock.connections_panel
    qtbot.mouseClick(panel.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=20000)
    assert "could not be reached" in panel.statusLabel.text()
    form = dock.platform_panel("brightearth")
    form.outputFolderWidget.setFilePath(str(tmp_path / "out"))
    form.scenarioNameEdit.setText("Offline")
    form.runButton.click()
    [record] = dock.jobs.jobs()
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.FAILED, timeout=30000)
    assert "could not be reached" in dock.jobs.get(record.id).error
    assert "could not be reached" in form.messageLabel.text()


def test_the_explanation_asked_from_a_worker_thread_is_shown_on_the_gui_thread(qtbot, monkeypatch):
    """Sign-ins save their tokens in a task's thread: the plugin's sentence must still be shown (on the GUI thread)
    while that thread waits, not deadlock it."""
    import threading

    from eo_connector.qgis_glue import qgis_auth

    shown_on = []
    monkeypatch.setattr(qgis_auth, "ask_to_go_on", lambda first: shown_on.append(threading.current_thread()) or True)
    answer = {}
    worker = threading.Thread(target=lambda: answer.setdefault("go", qgis_auth.explain_before_qgis_asks(True)))
    worker.start()
    qtbot.waitUntil(lambda: "go" in answer, timeout=5000)
    worker.join()
    assert answer["go"] is True and shown_on == [threading.main_thread()]
