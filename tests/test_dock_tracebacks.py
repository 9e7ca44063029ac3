"""Issue 8, defect 1 and "Done when": no Python traceback reaches the user when a package is missing, the QGIS
master password is refused, the server cannot be reached, a connection is removed while its job runs, the AOI is
refused or a search is refused. Each situation is driven here as a user meets it; pytest-qt fails a test on any
exception raised in a Qt slot (what QGIS shows as a traceback dialog)."""

import sys

import pytest
from qgis.gui import QgsMessageBar

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
