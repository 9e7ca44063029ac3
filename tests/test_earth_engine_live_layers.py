"""Live Earth Engine layers that never break: the saved project reopened after the map expired gets a new map by
itself (and the log says so); refused tiles renew the map; a revoked sign-in on reopen and a connection that is gone
are marked and said, with a sign-in offer; the plugin always loads, whatever the state of the sign-in."""

import logging

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from eo_connector import api
from eo_connector.qgis_glue import services
from eo_connector.qgis_glue.live_layers import PROBLEM, LiveLayerKeeper, live_layers
from tests.emulators.earth_engine_data import PROJECT, SRTM

WAIT_MS = 30000


@pytest.fixture
def live(fresh_services, memory_keyring, ee_emulator, tmp_path, qtbot):
    credentials = tmp_path / "credentials"
    ee_emulator.write_credentials(credentials)
    connection = api.add_earth_engine_connection(
        "Live EE", PROJECT, credentials_file=str(credentials), token_url=ee_emulator.token_url,
        catalog_url=ee_emulator.catalog_url, url=ee_emulator.url)
    layer = api.earth_engine().add_layer(SRTM, {"min": 0, "max": 600, "palette": ["000000", "ffffff"]}, "Relief")
    keeper = LiveLayerKeeper(services.connections)
    notices = []
    keeper.notify = lambda text, connection_id: notices.append((text, connection_id))
    keeper.install()
    path = str(tmp_path / "live.qgz")
    assert QgsProject.instance().write(path)
    yield {"connection": connection, "layer": layer, "keeper": keeper, "notices": notices, "path": path}
    keeper.uninstall()


def reopen(qtbot, setup):
    QgsProject.instance().clear()
    assert QgsProject.instance().read(setup["path"])
    [layer] = live_layers()
    qtbot.waitUntil(lambda: not setup["keeper"].running, timeout=WAIT_MS)
    return layer


def tile_status(layer):
    import requests

    url = QUrl.fromPercentEncoding(layer.source().split("url=")[1].split("&")[0].encode())
    return requests.get(url.format(z=10, x=531, y=373)).status_code


def test_the_project_reopened_after_the_map_expired_shows_the_layer_again(qtbot, live, ee_emulator, caplog):
    old_source = live["layer"].source()
    ee_emulator.expire_maps()
    assert tile_status(live["layer"]) == 404
    with caplog.at_level(logging.INFO):
        layer = reopen(qtbot, live)
    assert layer.source() != old_source and tile_status(layer) == 200
    assert layer.name() == "Relief" and not layer.customProperty(PROBLEM)
    assert any("Relief: a new map was made because" in r.getMessage() for r in caplog.records)  # the log says so
    assert "ya29" not in open(live["path"], "rb").read().decode("latin-1")  # no token in the project file


def test_refused_tiles_renew_the_map(qtbot, live, ee_emulator):
    from qgis.core import QgsBlockingNetworkRequest

    layer = live["layer"]
    ee_emulator.expire_maps()
    url = QUrl.fromPercentEncoding(layer.source().split("url=")[1].split("&")[0].encode())
    with qtbot.waitSignal(live["keeper"].refreshed, timeout=WAIT_MS):
        QgsBlockingNetworkRequest().get(QNetworkRequest(QUrl(url.format(z=10, x=531, y=373))))
    assert tile_status(layer) == 200


def test_a_sign_in_revoked_before_the_project_is_reopened_is_said_with_an_offer(qtbot, live, ee_emulator):
    connection = live["connection"]
    services.connections().memory.clear()  # another day, another QGIS session
    ee_emulator.accounts.revoke()
    layer = reopen(qtbot, live)
    assert layer.name() == "Relief (sign in again)" and layer.customProperty(PROBLEM) == "sign in again"
    [(text, connection_id)] = live["notices"]
    assert connection_id == connection.id and "Token has been expired or revoked" in text


def test_a_layer_whose_connection_is_gone_is_marked(qtbot, live):
    api.remove_connection("Live EE")
    layer = reopen(qtbot, live)
    assert layer.name() == "Relief (connection missing)"
    assert "no longer saved" in live["notices"][0][0] and live["notices"][0][1] == ""


def test_the_plugin_loads_with_a_revoked_sign_in_and_opens_on_it(qtbot, live, ee_emulator, qgis_iface, monkeypatch):
    from qgis.gui import QgsMessageBar

    import eo_connector

    bar = QgsMessageBar(qgis_iface.mainWindow())
    monkeypatch.setattr(qgis_iface, "messageBar", lambda: bar, raising=False)
    for name in ("addPluginToWebMenu", "removePluginWebMenu", "removeDockWidget"):
        monkeypatch.setattr(qgis_iface, name, lambda *args: None, raising=False)
    live["keeper"].uninstall()  # the plugin brings its own
    qtbot.waitUntil(lambda: not live["keeper"].running, timeout=WAIT_MS)
    ee_emulator.accounts.revoke()
    services.connections().memory.clear()
    asked = len(ee_emulator.requests)
    plugin = eo_connector.classFactory(qgis_iface)
    try:
        plugin.initGui()  # loads: nothing remote happens here
        # (QGIS itself may draw the layer's tiles meanwhile: that is not the plugin)
        assert [(r.method, r.path) for r in ee_emulator.requests[asked:] if "/tiles/" not in r.path] == []
        plugin.offer_sign_in(live["connection"].id)  # the "Sign in…" of a notice
        panel = plugin.dock.connections_panel
        assert panel.current_connection().id == live["connection"].id
    finally:
        plugin.unload()
