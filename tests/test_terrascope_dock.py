"""The dock with a Terrascope connection, driven as a user drives it against the local Terrascope emulator: add the
connection (password, browser, CGLS without sign-in), AOI from a layer, search, pick results in the list and on the
map, download, layers grouped per product; refusals in words (bad parameter, too many results, wrong password)."""

import json
import os

import pytest
import requests
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt

from eo_connector.core.models import Connection, JobState
from eo_connector.gui.dock import PLATFORM_TAB, RESULTS_TAB
from eo_connector.gui.widgets.aoi_panel import SOURCE_LAYER
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.providers import terrascope
from eo_connector.providers.terrascope.platform import BROWSER, CUSTOM, PASSWORD
from eo_connector.qgis_glue import settings
from eo_connector.qgis_glue.connections import Connections
from tests.emulators.terrascope import CGLS_NDVI, DEMO_PASSWORD, DEMO_USER, S1_GAMMA0, S2_TOC

WAIT_MS = 20000
SAMPLE_AOI = os.path.join(os.path.dirname(__file__), "data", "sample_aoi.gpkg")


@pytest.fixture
def emulator(terrascope_emulator_factory):
    return terrascope_emulator_factory(products={S2_TOC: 400}, page_size=20)


@pytest.fixture
def ini(emulator, tmp_path):
    return str(emulator.write_ini(tmp_path / "emulator.ini"))


# -- what the user does --------------------------------------------------------------------------------------------
def open_terrascope_dialog(qtbot, dock, name="Terrascope test"):
    panel = dock.connections_panel
    qtbot.mouseClick(panel.addButton, Qt.MouseButton.LeftButton)
    dialog = panel.connection_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.nameEdit.setText(name)
    dialog.set_platform(terrascope.PLATFORM)
    dialog.extra_values["redirect_port"] = 0  # any free port for the loopback redirect
    return dialog


def shown(dialog, name):
    return dialog.form.widget(name) is not None


def choose_ini(dialog, ini):
    dialog.set_values({"environment": CUSTOM})
    dialog.set_values({"config_file": ini})


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: busy_tasks(dialog) == 0, timeout=WAIT_MS)


def add_with_password(qtbot, dock, ini, password=DEMO_PASSWORD):
    dialog = open_terrascope_dialog(qtbot, dock)
    choose_ini(dialog, ini)
    dialog.set_values({"sign_in_method": PASSWORD})
    dialog.form.widget("username").setText(DEMO_USER)
    dialog.form.widget("password").setText(password)
    press_ok(qtbot, dialog)
    return dialog


def signed_in(qtbot, dock, ini):
    add_with_password(qtbot, dock, ini)
    qtbot.waitUntil(lambda: dock.connections_panel.connection_dialog is None, timeout=WAIT_MS)
    form = dock.platform_panel("terrascope")
    qtbot.waitUntil(lambda: form.collectionCombo.count() > 0, timeout=WAIT_MS)  # listed in the background
    dock.tabs.setCurrentIndex(PLATFORM_TAB)
    return form


def aoi_from_sample_layer(dock):
    layer = QgsVectorLayer(SAMPLE_AOI, "Districts", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    panel = dock.aoi_panel
    panel.sourceCombo.setCurrentIndex(panel.sourceCombo.findData(SOURCE_LAYER))
    panel.layerCombo.setLayer(layer)
    panel.useButton.click()
    assert panel.aoi is not None, panel.summaryLabel.text()
    return panel.aoi


def set_dates(form, start, end):
    form.startDateEdit.setDate(QDate.fromString(start, "yyyy-MM-dd"))
    form.endDateEdit.setDate(QDate.fromString(end, "yyyy-MM-dd"))


def search(qtbot, form):
    if form.aoi is None:
        form.wholeCatalogueCheck.setChecked(True)  # no area: the user says the whole catalogue is meant
    assert form.searchButton.isEnabled(), form.messageLabel.text()
    qtbot.mouseClick(form.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.runner.is_running(), timeout=WAIT_MS)


def pick_rows(browser, rows):
    """Select table rows as a ctrl-click would (the dock is not shown on screen in tests)."""
    selection = QItemSelection()
    for row in rows:
        selection.select(browser.proxy.index(row, 0), browser.proxy.index(row, browser.model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    browser.resultsView.selectionModel().select(selection, flags)


def product_requests(emulator):
    """Search requests that asked for products (not only their count)."""
    return [r for r in emulator.recorded("^/catalogue/products") if "count=0" not in r.target]


# -- the sessions ----------------------------------------------------------------------------------------------------
def test_sign_in_search_pick_download_and_load(qtbot, dock, qgis_iface, emulator, ini, tmp_path):
    dialog = add_with_password(qtbot, dock, ini, password="wrong horse")
    assert dialog.isVisible()
    assert "wrong username or password" in dialog.messageLabel.text()
    assert dock.connections.all() == []  # nothing saved before the sign-in succeeded

    dialog.form.widget("password").setText(DEMO_PASSWORD)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dock.connections_panel.connection_dialog is None, timeout=WAIT_MS)
    [connection] = dock.connections.all()
    assert connection.platform == terrascope.PLATFORM and connection.username == DEMO_USER
    assert connection.url == emulator.catalogue_url.rstrip("/")
    assert dock.connections_panel.statusLabel.text().startswith(f"Signed in as {DEMO_USER}")
    assert DEMO_PASSWORD not in json.dumps(settings.get("connections", ""))
    assert dock._tab_shown(PLATFORM_TAB) and dock.current_panel() is dock.platform_panel("terrascope")
    assert dock._tab_shown(RESULTS_TAB)  # its results have a tab of their own

    form = dock.platform_panel("terrascope")
    qtbot.waitUntil(lambda: form.collectionCombo.count() == 4, timeout=WAIT_MS)
    form.set_collection(S2_TOC)
    assert form.collection() == S2_TOC
    aoi = aoi_from_sample_layer(dock)
    assert "km²" in form.aoiSummaryLabel.text()
    set_dates(form, "2019-01-01", "2021-12-31")
    search(qtbot, form)

    expected = emulator.product_ids(S2_TOC, geometry=aoi.wkt(), start="2019-01-01", end="2021-12-31")
    assert 20 < len(expected) < 200  # several pages of 20
    assert form.countLabel.text() == f"{len(expected)} products match", form.messageLabel.text()
    browser = form.browser
    assert [item.id for item in browser.items()] == expected
    layer = browser.footprints_layer()
    assert layer is not None and layer.featureCount() == len(expected)
    assert QgsProject.instance().mapLayer(layer.id()) is layer

    # In the list -> on the map.
    pick_rows(browser, [0, 2])
    picked = {browser.items()[0].id, browser.items()[2].id}
    assert {f["id"] for f in layer.getSelectedFeatures()} == picked
    assert form.downloadButton.isEnabled()
    # On the map -> in the list.
    feature = next(f for f in layer.getFeatures() if f["id"] == expected[5])
    layer.selectByIds([feature.id()])
    assert [item.id for item in browser.selected_items()] == [expected[5]]
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["id"] in expected[1:3]])
    assert [item.id for item in browser.selected_items()] == expected[1:3]

    qtbot.mouseClick(form.downloadButton, Qt.MouseButton.LeftButton)
    download = form.download_dialog
    assert download is not None and download.isVisible()
    assert download.outputFolderWidget.filePath().endswith("terrascope")
    download.outputFolderWidget.setFilePath(str(tmp_path / "products"))
    download.type_checks["related"].setChecked(True)
    sizes = [a.size for item in browser.selected_items() for a in item.assets.values()
             if a.roles[0] in ("data", "related")]
    assert download.needed == sum(sizes)
    assert download.planLabel.text().startswith(f"{len(sizes)} files, ")
    assert "Free space in" in download.spaceLabel.text() and download.ok_button.isEnabled()
    qtbot.mouseClick(download.ok_button, Qt.MouseButton.LeftButton)

    [record] = dock.jobs.jobs()
    assert "started" in form.browser.messageLabel.text()
    assert record.title == "2 products of Sentinel-2 top-of-canopy reflectance, 10 m (V2)"  # its title, not its id
    assert dock.jobs_panel.selected_job_id() == record.id
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state in JobState.FINISHED, timeout=WAIT_MS)
    record = dock.jobs.get(record.id)
    assert record.state == JobState.SUCCEEDED, record.error
    assert all(r.header("authorization", "").startswith("Bearer ") for r in emulator.downloads())

    group = QgsProject.instance().layerTreeRoot().findGroup(record.title)
    assert group is not None
    short_ids = [item_id.rsplit(":", 1)[-1] for item_id in expected[1:3]]
    assert sorted(child.name() for child in group.children()) == sorted(short_ids)
    for child in group.children():
        layers = [node.layer() for node in child.findLayers()]
        assert len(layers) >= 2 and all(layer.isValid() for layer in layers)
        assert all(os.path.dirname(layer.source()).endswith(child.name()) for layer in layers)


def test_browser_sign_in_with_a_fake_browser(qtbot, dock, emulator, ini, memory_keyring):
    dialog = open_terrascope_dialog(qtbot, dock, "Browser sign-in")
    choose_ini(dialog, ini)
    assert dialog.values()["sign_in_method"] == BROWSER  # the default when the catalogue offers it
    assert not shown(dialog, "password") and not shown(dialog, "username")
    opened = []

    def fake_browser(url):  # the emulator signs its browser user in at once and redirects to our loopback
        opened.append(url)
        answer = requests.get(url, timeout=10)
        return answer.ok

    dialog.open_url = fake_browser
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.messageLabel.text() == "Waiting for the browser… (Cancel to stop)"
    qtbot.waitUntil(lambda: dock.connections_panel.connection_dialog is None, timeout=WAIT_MS)
    assert opened and opened[0].startswith(emulator.authorization_endpoint)
    [connection] = dock.connections.all()
    assert connection.username == DEMO_USER and connection.options["redirect_port"] == 0
    assert dock.connections_panel.statusLabel.text() == f"Signed in as {DEMO_USER}"
    stored = list(memory_keyring.passwords.values())
    assert any("refresh_token" in value for value in stored)


def test_browser_sign_in_can_be_stopped_from_the_dialog(qtbot, dock, terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(browser_user=None)  # a login page that nobody fills in
    dialog = open_terrascope_dialog(qtbot, dock, "Never signed in")
    choose_ini(dialog, str(emulator.write_ini(tmp_path / "emulator.ini")))
    opened = []
    dialog.open_url = lambda url: opened.append(url) or True
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    assert "Waiting for the browser" in dialog.messageLabel.text() and not dialog.ok_button.isEnabled()

    dialog.buttonBox.rejected.emit()  # Cancel: stops waiting, the dialog stays
    qtbot.waitUntil(lambda: busy_tasks(dialog) == 0, timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.messageLabel.text() == "Sign-in stopped."
    assert dialog.ok_button.isEnabled()
    assert dock.connections.all() == []
    dialog.buttonBox.rejected.emit()  # a second Cancel closes it
    assert not dialog.isVisible()


def test_cgls_needs_no_sign_in(qtbot, dock, emulator):
    dialog = open_terrascope_dialog(qtbot, dock, "Global land")
    dialog.set_values({"environment": "cgls"})
    assert not shown(dialog, "sign_in_method") and not shown(dialog, "password")
    assert dialog.ok_button.text() == "Save"
    dialog.form.widget("url").setText(emulator.catalogue_url)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dock.connections_panel.connection_dialog is None, timeout=WAIT_MS)
    assert emulator.recorded("^/auth/") == []  # no token asked
    panel = dock.connections_panel
    assert panel.statusLabel.text().startswith("No sign-in needed")
    assert not panel.signInWidget.isVisibleTo(panel)

    form = dock.platform_panel("terrascope")
    qtbot.waitUntil(lambda: form.collectionCombo.count() > 0, timeout=WAIT_MS)
    form.set_collection(CGLS_NDVI)
    set_dates(form, "2020-01-01", "2020-03-31")
    search(qtbot, form)
    assert form.browser.items() and form.messageLabel.text() == ""
    assert form.countLabel.text() == f"{len(form.browser.items())} products match"


def test_bad_parameter_shows_the_servers_words(qtbot, dock, emulator, ini):
    form = signed_in(qtbot, dock, ini)
    form.set_collection(S2_TOC)
    form.extraEdit.setPlainText("resolution=10\ncolour=blue")
    search(qtbot, form)
    assert form.messageLabel.text().startswith("colour - "), form.messageLabel.text()
    assert "Unknown parameter" in form.messageLabel.text()
    assert form.browser.items() == []

    form.extraEdit.setPlainText("not a pair")
    before = len(emulator.recorded("^/catalogue/products"))
    search(qtbot, form)
    assert "is not key=value" in form.messageLabel.text()
    assert len(emulator.recorded("^/catalogue/products")) == before  # refused before anything was sent


def test_too_many_results_are_refused_before_any_product_is_fetched(qtbot, dock, terrascope_emulator_factory,
                                                                    tmp_path):
    emulator = terrascope_emulator_factory(products={S2_TOC: 250_000})
    form = signed_in(qtbot, dock, str(emulator.write_ini(tmp_path / "emulator.ini")))
    form.set_collection(S2_TOC)
    search(qtbot, form)
    assert form.countLabel.text() == "250,000 products match"
    message = form.messageLabel.text()
    assert "more than the catalogue can list" in message and "narrow the search" in message
    assert product_requests(emulator) == [] and form.browser.items() == []
    assert form.browser.footprints_layer() is None


def test_form_values_are_checked_before_searching(qtbot, dock, emulator, ini):
    form = signed_in(qtbot, dock, ini)
    form.set_collection(S1_GAMMA0)
    set_dates(form, "2022-05-01", "2022-01-01")
    before = len(emulator.recorded("^/catalogue/products"))
    search(qtbot, form)
    assert "out of order" in form.messageLabel.text()
    set_dates(form, "2022-01-01", "2022-05-01")
    form.cloudMinSpin.setValue(60)
    form.cloudMaxSpin.setValue(20)
    search(qtbot, form)
    assert "cloud cover range is out of order" in form.messageLabel.text()
    assert len(emulator.recorded("^/catalogue/products")) == before

    form.cloudMinSpin.setValue(0)
    form.cloudMaxSpin.setValue(100)
    form.orbitDirectionCombo.setCurrentIndex(form.orbitDirectionCombo.findData("ASCENDING"))
    search(qtbot, form)
    sent = product_requests(emulator)[-1].target
    assert "orbitDirection=ASCENDING" in sent and "start=2022-01-01" in sent and "cloudCover" not in sent
    assert all(item.properties["orbit_direction"] == "ASCENDING" for item in form.browser.items())


def test_collections_dialog_filters_and_picks(qtbot, dock, emulator, ini):
    form = signed_in(qtbot, dock, ini)
    qtbot.mouseClick(form.browseButton, Qt.MouseButton.LeftButton)
    dialog = form.collections_dialog
    assert dialog.collectionsTable.rowCount() == 4
    dialog.select(S1_GAMMA0)
    assert "Sentinel-1" in dialog.abstractBrowser.toPlainText() and S1_GAMMA0 in dialog.abstractBrowser.toPlainText()
    dialog.platformCombo.setEditText("Sentinel-2")
    qtbot.mouseClick(dialog.applyButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: busy_tasks(dialog) == 0, timeout=WAIT_MS)
    assert "platform=Sentinel-2" in emulator.recorded("^/catalogue/collections")[-1].target
    rows = dialog.collectionsTable.rowCount()
    assert rows == 2 and "2 collections match" in dialog.messageLabel.text()
    dialog.collectionsTable.selectRow(1)
    chosen = dialog.chosen_collection()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert form.collection() == chosen and chosen.startswith("urn:eop:VITO:TERRASCOPE_S2")


def test_download_dialog_refuses_when_the_disk_is_too_small(qtbot, dock, emulator, ini, monkeypatch):
    from eo_connector.gui.widgets import download_dialog

    form = signed_in(qtbot, dock, ini)
    form.set_collection(S2_TOC)
    set_dates(form, "2020-01-01", "2020-06-30")
    search(qtbot, form)
    pick_rows(form.browser, [0])
    monkeypatch.setattr(download_dialog, "free_space", lambda folder: 1000)
    qtbot.mouseClick(form.downloadButton, Qt.MouseButton.LeftButton)
    dialog = form.download_dialog
    assert "do not fit" in dialog.warningLabel.text() and not dialog.ok_button.isEnabled()
    dialog.type_checks["data"].setChecked(False)
    assert "at least one kind of file" in dialog.warningLabel.text()
    dialog.reject()
    assert dock.jobs.jobs() == []


def test_saved_connection_without_session_offers_both_sign_ins(qtbot, make_dock, emulator, ini):
    connections = Connections()
    connections.add(Connection(terrascope.PLATFORM, "Saved", emulator.catalogue_url, DEMO_USER,
                               {"environment": CUSTOM, "config_file": ini, "redirect_port": 0}))
    dock = make_dock(connections)
    panel = dock.connections_panel
    assert panel.statusLabel.text().startswith("Not signed in")
    assert panel.passwordEdit.isVisibleTo(panel) and panel.browserSignInButton.isVisibleTo(panel)

    panel.open_url = lambda url: requests.get(url, timeout=10).ok
    qtbot.mouseClick(panel.browserSignInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.browser_tasks, timeout=WAIT_MS)
    assert panel.statusLabel.text() == f"Signed in as {DEMO_USER}"
    assert not panel.signInWidget.isVisibleTo(panel)

    qtbot.mouseClick(panel.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=WAIT_MS)
    assert panel.statusLabel.text() == f"Signed in as {DEMO_USER} — the catalogue lists 4 collections."

    emulator.end_sessions()  # signed out elsewhere: Test finds out and asks to sign in again
    qtbot.mouseClick(panel.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=WAIT_MS)
    assert "expired" in panel.statusLabel.text() and panel.signInWidget.isVisibleTo(panel)
    panel.passwordEdit.setText(DEMO_PASSWORD)
    qtbot.mouseClick(panel.signInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=WAIT_MS)
    assert panel.statusLabel.text() == f"Signed in as {DEMO_USER}"


def test_stop_keeps_the_pages_already_shown(qtbot, dock, emulator, ini):
    form = signed_in(qtbot, dock, ini)
    form.set_collection(S2_TOC)
    emulator.faults.latency(0.2)  # pages come slowly: there is time to press Stop
    form.wholeCatalogueCheck.setChecked(True)
    qtbot.mouseClick(form.searchButton, Qt.MouseButton.LeftButton)
    assert form.stopButton.isEnabled() and not form.searchButton.isEnabled()
    qtbot.waitUntil(lambda: len(form.browser.items()) >= 20, timeout=WAIT_MS)
    assert "more coming" in form.countLabel.text()
    qtbot.mouseClick(form.stopButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.runner.is_running(), timeout=WAIT_MS)
    shown = len(form.browser.items())
    assert 20 <= shown < 400
    assert form.countLabel.text() == f"Stopped: {shown} of 400 products shown."
    assert form.browser.footprints_layer().featureCount() == shown
    assert form.searchButton.isEnabled() and not form.stopButton.isEnabled()


def test_environments_offer_the_sign_ins_they_support(qtbot, dock, emulator, tmp_path):
    dialog = open_terrascope_dialog(qtbot, dock)
    combo = lambda: dialog.form.widget("sign_in_method")  # noqa: E731
    methods = lambda: [combo().itemData(i) for i in range(combo().count())]  # noqa: E731
    assert dialog.values()["environment"] == "terrascope" and methods() == [BROWSER, PASSWORD]
    assert dialog.form.widget("url").text() == "https://services.terrascope.be/catalogue/"
    dialog.set_values({"environment": "hrvpp"})
    assert methods() == [PASSWORD] and dialog.form.widget("password").isVisibleTo(dialog)
    assert dialog.form.widget("url").text() == "https://phenology.vgt.vito.be/"

    broken = tmp_path / "broken.ini"
    broken.write_text("[Catalogue]\nURL = ftp://example.org/\n", encoding="utf-8")
    dialog.set_values({"environment": CUSTOM})
    assert not shown(dialog, "url")
    dialog.set_values({"config_file": str(broken)})
    assert "[Catalogue] URL must be an http(s) address" in dialog.messageLabel.text()
    press_ok(qtbot, dialog)
    assert "[Catalogue] URL must be an http(s) address" in dialog.messageLabel.text()
    assert dock.connections.all() == [] and emulator.recorded() == []
