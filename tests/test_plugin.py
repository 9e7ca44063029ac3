"""The plugin as QGIS loads it: fast and offline start, a missing dependency explained with an install offer,
Processing registered, clean unload."""

import json
import os
import subprocess
import sys

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QPushButton

import eo_connector
from eo_connector.qgis_glue import dependencies, services

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def iface(qgis_iface, monkeypatch):
    """pytest-qgis's interface, completed with what QGIS's real one has and the plugin uses."""
    bar = QgsMessageBar(qgis_iface.mainWindow())
    monkeypatch.setattr(qgis_iface, "messageBar", lambda: bar, raising=False)
    for name in ("addPluginToWebMenu", "removePluginWebMenu", "removeDockWidget"):
        monkeypatch.setattr(qgis_iface, name, lambda *args: None, raising=False)
    yield qgis_iface
    services.reset()


def bar_texts(iface):
    return [item.text() for item in iface.messageBar().items()]


def test_import_and_load_are_light_and_offline():
    """Loading the plugin module pulls in no network stack, no shapely, no keyring, no GDAL, beyond what QGIS itself
    imports (QGIS 3.40's qgis.core imports numpy and shapely when they are installed)."""
    code = (
        "import sys, socket\n"
        "socket.socket.connect = lambda *a: (_ for _ in ()).throw(AssertionError('network at start'))\n"
        "HEAVY = ('requests', 'urllib3', 'shapely', 'keyring', 'osgeo', 'numpy')\n"
        "import qgis.core, qgis.gui, qgis.PyQt.QtWidgets\n"
        "before = {m for m in HEAVY if m in sys.modules}\n"
        "import eo_connector, eo_connector.plugin\n"
        "print(sorted(m for m in HEAVY if m in sys.modules and m not in before))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


START_CODE = """
import os, sys, socket, tempfile
sys.path.insert(0, os.getcwd())
socket.socket.connect = lambda *a: (_ for _ in ()).throw(AssertionError('network at start'))
HEAVY = ('requests', 'urllib3', 'shapely', 'keyring', 'osgeo', 'numpy')
import qgis.core, qgis.gui, qgis.PyQt.QtWidgets
from qgis.core import QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QMainWindow
from tests.support.scratch_profile import use_scratch_settings
app = QgsApplication([], True, use_scratch_settings(tempfile.mkdtemp()))
app.initQgis()

class Iface:
    def __init__(self):
        self.window = QMainWindow()
        self.bar = QgsMessageBar(self.window)
    def mainWindow(self): return self.window
    def messageBar(self): return self.bar
    def addToolBarIcon(self, action): pass
    def addPluginToWebMenu(self, menu, action): pass

before = {m for m in HEAVY if m in sys.modules}
import eo_connector
plugin = eo_connector.classFactory(Iface())
plugin.initGui()
assert QgsApplication.processingRegistry().algorithmById('eo_connector:terrascope_search') is not None
clients = sorted(m for m in sys.modules if m.startswith('eo_connector.') and m.endswith(('.client', '.http', '.oidc',
                                                                                         '.workflow', '.aoi')))
print(sorted(m for m in HEAVY if m in sys.modules and m not in before), clients)
"""


def test_plugin_start_imports_nothing_heavy_and_no_client():
    """classFactory + initGui as QGIS runs them (the Processing provider and its algorithms registered): no network
    stack, shapely, numpy, keyring or GDAL beyond what QGIS itself imported, and no platform's client (they are
    imported when a connection is used or an algorithm runs)."""
    out = subprocess.run([sys.executable, "-c", START_CODE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[] []"


def test_plugin_loads_registers_processing_and_unloads(iface, qgis_processing):
    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("eo_connector") is not None
    assert registry.algorithmById("eo_connector:brightearth_scenario") is not None
    assert not services.started()  # nothing built, nothing remote, until the user asks
    try:
        plugin.show_dock(True)
        assert plugin.dock is not None and not plugin.dock.isHidden()
    finally:
        plugin.unload()
    assert registry.providerById("eo_connector") is None


def test_missing_dependency_still_loads_and_offers_install(iface, monkeypatch, qtbot):
    monkeypatch.setitem(sys.modules, "keyring", None)  # as in a QGIS without keyring
    assert dependencies.missing() == ["keyring"]
    installed = []
    monkeypatch.setattr(dependencies, "install", lambda modules, progress: installed.extend(modules) or modules)

    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    assert any("keyring" in text and "authentication database" in text for text in bar_texts(iface))
    button = next(b for b in plugin.missing_message.findChildren(QPushButton) if "keyring" in b.text())
    button.click()
    qtbot.waitUntil(lambda: installed == ["keyring"], timeout=10000)
    qtbot.waitUntil(lambda: any("Restart QGIS" in text for text in bar_texts(iface)), timeout=10000)
    plugin.show_dock(True)  # keyring is optional: the dock works, secrets go to the QGIS auth database
    assert plugin.dock is not None
    plugin.unload()


def test_install_shows_pips_steps_then_its_failure_in_words(iface, monkeypatch, qtbot, tmp_path):
    """The Install button with a pip that collects, then finds the package index unreachable (a fake interpreter)."""
    fake = tmp_path / "python3"
    fake.write_text(f"#!{sys.executable}\n"
                    "import sys, time\n"
                    "print('Collecting shapely>=2.0', flush=True)\n"
                    "time.sleep(1)\n"
                    "print(\"WARNING: Retrying after connection broken by 'NewConnectionError(...)': /simple/shapely/\")\n"
                    "print('ERROR: No matching distribution found for shapely>=2.0')\n"
                    "sys.exit(1)\n")
    fake.chmod(0o755)
    monkeypatch.setattr(dependencies, "python_executable", lambda: str(fake))
    monkeypatch.setattr(dependencies, "install_target", lambda: ([], None))
    monkeypatch.setitem(sys.modules, "shapely", None)
    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    button = next(b for b in plugin.missing_message.findChildren(QPushButton) if "shapely" in b.text())
    button.click()
    qtbot.waitUntil(lambda: "Collecting shapely" in bar_texts(iface), timeout=10000)
    qtbot.waitUntil(lambda: any("could not be reached" in text for text in bar_texts(iface)), timeout=10000)
    assert not any("Collecting" in text for text in bar_texts(iface))  # the progress line is gone
    plugin.unload()


def test_missing_blocking_dependency_keeps_the_dock_closed(iface, monkeypatch):
    monkeypatch.setitem(sys.modules, "shapely", None)
    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    plugin.show_dock(True)
    assert plugin.dock is None
    assert any("shapely" in text for text in bar_texts(iface))
    assert QgsApplication.processingRegistry().providerById("eo_connector") is None
    plugin.unload()


def test_interrupted_jobs_are_announced_at_start(iface, tmp_path, monkeypatch):
    from eo_connector.qgis_glue import settings

    jobs_file = tmp_path / "jobs.json"
    job = {"platform": "brightearth", "kind": "scenario", "title": "Left running", "state": "running", "id": "abc"}
    jobs_file.write_text(json.dumps({"version": 1, "jobs": [job]}))
    monkeypatch.setattr(settings, "jobs_file", lambda: str(jobs_file))
    plugin = eo_connector.classFactory(iface)
    plugin.initGui()
    assert any("still running when QGIS closed" in text for text in bar_texts(iface))
    assert services.jobs().get("abc").state == "interrupted"
    plugin.unload()


def test_metadata_is_complete_for_the_plugin_repository():
    import configparser

    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "metadata.txt"))
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository",
                "tracker", "homepage", "category", "icon", "tags", "experimental", "changelog"):
        assert general.get(key, "").strip(), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert os.path.exists(os.path.join(ROOT, general["icon"]))


def test_metadata_declares_qgis_4_supported():
    """Without qgisMaximumVersion=4.x, QGIS 4 treats the plugin as incompatible, and the Qt6 builds of QGIS 3.x load
    only plugins that say supportsQt6 (`make lint` runs the Qt6 scan that backs both claims)."""
    import configparser

    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "metadata.txt"))
    assert parser["general"]["qgisMinimumVersion"] == "3.22"
    assert parser["general"]["qgisMaximumVersion"] == "4.99"
    assert parser["general"].getboolean("supportsQt6")


def test_the_test_session_writes_only_to_its_scratch_profile(qgis_app):
    """QgsSettings, the auth database and the profile folder are scratch ones: the developer's own QGIS
    profile is never touched, on any QGIS version."""
    from tests.support.scratch_profile import files_in_user_profile

    assert files_in_user_profile() == []
