"""The dock with RS-Server and STAC API connections, driven as a user drives it against the emulator: the connection
dialog (a refused key said, nothing saved; the owner shown), the catalogue tab (collections with item counts, the
queryables' filter form, a search over the AOI with footprints kept in step, assets opened in place or downloaded,
items removed), the stations tab (CADIP sessions and their files ticked, staged as a job of the Jobs list, the staged
items shown back in the catalogue; AUXIP with a CQL2 filter the server refuses, its words shown), the publish tab
(new collection, a layer previewed, published, a refusal shown), and the plain STAC API page -- at 320 px wide."""

import os

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import QScrollArea

from eo_connector.core.models import JobState
from eo_connector.gui.dock import PLATFORM_TAB
from eo_connector.gui.widgets import ui
from eo_connector.gui.widgets.aoi_panel import SOURCE_LAYER
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.qgis_glue import settings
from tests.emulators.rs_server import DEMO_KEY

WAIT_MS = 20000
SAMPLE_AOI = os.path.join(os.path.dirname(__file__), "data", "sample_aoi.gpkg")


def add_rs_connection(qtbot, dock, emulator, key=DEMO_KEY):
    panel = dock.connections_panel
    qtbot.mouseClick(panel.addButton, Qt.MouseButton.LeftButton)
    dialog = panel.connection_dialog
    dialog.nameEdit.setText("RS emulator")
    dialog.set_platform("rs_server")
    dialog.set_values({"url": emulator.url, "mode": "cluster", "auth": "api_key"})
    dialog.set_values({"check_url": emulator.check_url})
    dialog.form.widget("api_key").setText(key)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: busy_tasks(dialog) == 0, timeout=WAIT_MS)
    return dialog


def signed_in(qtbot, dock, emulator):
    add_rs_connection(qtbot, dock, emulator)
    qtbot.waitUntil(lambda: dock.connections_panel.connection_dialog is None, timeout=WAIT_MS)
    panel = dock.platform_panel("rs_server")
    qtbot.waitUntil(lambda: panel.catalogue.collectionCombo.count() > 0 and bool(panel.owner), timeout=WAIT_MS)
    dock.tabs.setCurrentIndex(PLATFORM_TAB)  # its page, as the user opens its tab
    return panel


def use_sample_aoi(dock):
    layer = QgsVectorLayer(SAMPLE_AOI, "Districts", "ogr")
    QgsProject.instance().addMapLayer(layer)
    panel = dock.aoi_panel
    panel.sourceCombo.setCurrentIndex(panel.sourceCombo.findData(SOURCE_LAYER))
    panel.layerCombo.setLayer(layer)
    panel.useButton.click()
    assert panel.aoi is not None


def pick_rows(browser, rows):
    selection = QItemSelection()
    for row in rows:
        selection.select(browser.proxy.index(row, 0), browser.proxy.index(row, browser.model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    browser.resultsView.selectionModel().select(selection, flags)
    browser.resultsView.selectionModel().setCurrentIndex(browser.proxy.index(rows[0], 0),
                                                         QItemSelectionModel.SelectionFlag.NoUpdate)


def wait_idle(qtbot, widget):
    qtbot.waitUntil(lambda: busy_tasks(widget) == 0, timeout=WAIT_MS)


def test_a_refused_key_is_said_and_nothing_is_saved(qtbot, dock, rs_emulator):
    dialog = add_rs_connection(qtbot, dock, rs_emulator, key="not-the-key")
    assert dialog.isVisible() and "API key was refused" in dialog.messageLabel.text()
    assert dock.connections.all() == []


def test_catalogue_search_assets_and_removal(qtbot, dock, rs_emulator, tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "default_output_root", lambda: str(tmp_path / "out"))
    panel = signed_in(qtbot, dock, rs_emulator)
    assert DEMO_KEY not in str(settings.get("connections", ""))
    assert panel.ownerLabel.text().startswith("Owner pyuser")
    section = panel.catalogue
    qtbot.waitUntil(lambda: "(5 items)" in section.collectionCombo.itemText(0), timeout=WAIT_MS)
    assert section.collection() == "pyuser:s2_l2a"
    wait_idle(qtbot, section)
    assert section.filters.widget("q:platform") is not None  # a choice built from the queryables
    use_sample_aoi(dock)
    assert "area of interest" in section.aoiLabel.text()
    qtbot.mouseClick(section.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not section.runner.is_running(), timeout=WAIT_MS)
    browser = section.browser
    assert len(browser.items()) == 5 and browser.footprints_layer().featureCount() == 5
    assert section.countLabel.text() == "5 items match"
    pick_rows(browser, [0, 1])
    assert browser.footprints_layer().selectedFeatureCount() == 2  # list -> map
    browser.footprints_layer().selectByIds(browser.footprints.feature_ids([browser.items()[3].id]))
    assert [i.id for i in browser.selected_items()] == [browser.items()[3].id]  # map -> list
    pick_rows(browser, [0])
    assert section.assetsTree.topLevelItemCount() == 1 and section.assetsTree.topLevelItem(0).text(1) == "data"

    from eo_connector.qgis_glue.streaming import can_scope_headers

    qtbot.mouseClick(section.openButton, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, section)
    if can_scope_headers():
        assert "read in place" in section.messageLabel.text()
        assert any(layer.source().startswith("/vsicurl/") for layer in QgsProject.instance().mapLayers().values())
    else:
        assert "cannot send a key for one URL only" in section.messageLabel.text()

    qtbot.mouseClick(section.downloadAssetsButton, Qt.MouseButton.LeftButton)
    [job] = [r for r in dock.jobs.jobs() if r.kind == "download"]
    qtbot.waitUntil(lambda: not dock.jobs.is_running(job.id), timeout=WAIT_MS)
    assert dock.jobs.get(job.id).state == JobState.SUCCEEDED and dock.jobs.layers[job.id]

    monkeypatch.setattr(ui, "ask_yes_no", lambda *a: True)
    pick_rows(browser, [4])
    removed = browser.selected_items()[0].id
    assert panel.removeItemsButton.isEnabled()
    qtbot.mouseClick(panel.removeItemsButton, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, panel)
    assert "1 item removed" in section.messageLabel.text()
    assert removed not in [i["id"] for i in rs_emulator.catalog_items("pyuser", "s2_l2a")]


def test_stations_stage_ticked_files_and_see_them_in_the_catalogue(qtbot, dock, rs_emulator):
    dock.jobs.poll_interval = 0.05
    panel = signed_in(qtbot, dock, rs_emulator)
    stations = panel.stations
    panel.tabs.setCurrentWidget(stations)
    stations.filters.set_values({"station": "MPS", "platform": "S2A"})
    qtbot.mouseClick(stations.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not stations.runner.is_running(), timeout=WAIT_MS)
    assert stations.items and all(i.properties["platform"] == "S2A" for i in stations.items)
    top = stations.tree.topLevelItem(0)
    assert top.childCount() == 6 and top.child(0).text(1) == "1" and top.child(0).text(2) == "1"
    assert not stations.stageButton.isEnabled()
    session = stations.items[0]
    chosen = [top.child(0).text(0), top.child(4).text(0)]
    stations.tick(session.id, chosen)
    assert stations.ticked() == {session.id: chosen} and stations.stageButton.isEnabled()
    stations.targetEdit.setText("s2_staged")
    qtbot.mouseClick(stations.stageButton, Qt.MouseButton.LeftButton)
    [job] = [r for r in dock.jobs.jobs() if r.kind == "staging"]
    assert dock.jobs_panel is not None and dock.jobs.is_running(job.id)
    qtbot.waitUntil(lambda: not dock.jobs.is_running(job.id), timeout=WAIT_MS)
    assert dock.jobs.get(job.id).state == JobState.SUCCEEDED
    qtbot.waitUntil(lambda: "staged items are in pyuser:s2_staged" in  # long words get invisible break points
                    stations.messageLabel.text().replace("\u200b", ""), timeout=WAIT_MS)
    assert [i.id for i in panel.catalogue.browser.items()] == [session.id]
    assert set(panel.catalogue.browser.items()[0].assets) == set(chosen) | {"quicklook_cog"}


def test_stations_auxip_cql2_refused_and_staging_failed_are_said(qtbot, dock, rs_emulator):
    dock.jobs.poll_interval = 0.05
    panel = signed_in(qtbot, dock, rs_emulator)
    stations = panel.stations
    stations.serviceCombo.setCurrentIndex(stations.serviceCombo.findData("auxip"))
    stations.filters.set_values({"filter": '{"op": "=", "args": [{"property": "colour"}, "red"]}'})
    qtbot.mouseClick(stations.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not stations.runner.is_running(), timeout=WAIT_MS)
    assert "Cannot search on 'colour': it is not a queryable of this catalogue" in stations.messageLabel.text()
    stations.filters.set_values({"filter": "", "product_type": "AUX_CAL"})
    qtbot.mouseClick(stations.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not stations.runner.is_running(), timeout=WAIT_MS)
    assert len(stations.items) == 6
    stations.tick(stations.items[0].id)
    rs_emulator.fail_staging("No space left in the staging bucket")
    qtbot.mouseClick(stations.stageButton, Qt.MouseButton.LeftButton)
    [job] = [r for r in dock.jobs.jobs() if r.kind == "staging"]
    qtbot.waitUntil(lambda: not dock.jobs.is_running(job.id), timeout=WAIT_MS)
    assert dock.jobs.get(job.id).state == JobState.FAILED
    assert "No space left in the staging bucket" in stations.messageLabel.text()


def test_publish_a_layer_preview_refusal_and_collections(qtbot, dock, rs_emulator, monkeypatch):
    panel = signed_in(qtbot, dock, rs_emulator)
    publishing = panel.publishing
    panel.tabs.setCurrentWidget(publishing)
    qtbot.mouseClick(publishing.newButton, Qt.MouseButton.LeftButton)
    dialog = publishing.dialog
    dialog.idEdit.setText("bad id")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "may only have letters" in dialog.messageLabel.text()
    dialog.idEdit.setText("parcels")
    dialog.titleEdit.setText("Parcels")
    dialog.buttons.accepted.emit()
    wait_idle(qtbot, publishing)
    assert "Collection parcels created" in publishing.messageLabel.text()
    assert rs_emulator.catalog.collections["pyuser:parcels"]["title"] == "Parcels"
    qtbot.waitUntil(lambda: publishing.collectionCombo.findText("pyuser:parcels") >= 0, timeout=WAIT_MS)

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string&field=day:string", "parcels", "memory")
    for n in range(2):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"parcel{n}", "2024-01-15"])
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((7 43.6, 7.01 43.6, 7.01 43.61, 7 43.61, 7 43.6))"))
        layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    publishing.collectionCombo.setEditText("pyuser:parcels")
    publishing.layerCombo.setLayer(layer)
    publishing.idField.setField("name")
    qtbot.mouseClick(publishing.previewButton, Qt.MouseButton.LeftButton)
    assert "needs a date" in publishing.previewEdit.toPlainText() and "nothing was sent" in \
        publishing.messageLabel.text()
    publishing.dateField.setField("day")
    qtbot.mouseClick(publishing.previewButton, Qt.MouseButton.LeftButton)
    assert '"id": "parcel0"' in publishing.previewEdit.toPlainText()
    qtbot.mouseClick(publishing.publishButton, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, publishing)
    assert "2 items published into parcels" in publishing.messageLabel.text()
    qtbot.mouseClick(publishing.publishButton, Qt.MouseButton.LeftButton)  # again: refused, each in its words
    wait_idle(qtbot, publishing)
    assert "The server refused 2" in publishing.messageLabel.text() and "already exists" in \
        publishing.messageLabel.text()
    monkeypatch.setattr(ui, "ask_yes_no", lambda *a: True)
    qtbot.mouseClick(publishing.removeButton, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, publishing)
    assert "pyuser:parcels" not in rs_emulator.catalog.collections


def test_stac_api_page_searches_a_public_catalogue(qtbot, dock, rs_emulator):
    panel = dock.connections_panel
    qtbot.mouseClick(panel.addButton, Qt.MouseButton.LeftButton)
    dialog = panel.connection_dialog
    dialog.nameEdit.setText("Public STAC")
    dialog.set_platform("stac")
    dialog.set_values({"url": rs_emulator.url + "/stac"})
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.connection_dialog is None, timeout=WAIT_MS)
    page = dock.platform_panel("stac")
    section = page.section
    qtbot.waitUntil(lambda: section.collectionCombo.count() == 1, timeout=WAIT_MS)
    wait_idle(qtbot, section)
    use_sample_aoi(dock)
    section.filters.set_values({"qmax:eo:cloud_cover": "50", "limit": 4})
    qtbot.mouseClick(section.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not section.runner.is_running(), timeout=WAIT_MS)
    items = section.browser.items()
    assert items and all(i.properties["eo:cloud_cover"] <= 50 for i in items)
    assert len(rs_emulator.recorded("^/stac/search$")) >= 3  # pages of 4 followed
    qtbot.waitUntil(lambda: not section.browser.busy(), timeout=WAIT_MS)  # thumbnails fetched
    pick_rows(section.browser, [0])
    assert section.assetsTree.topLevelItemCount() == 3


@pytest.mark.parametrize("width", [320, 600])
def test_pages_fit_a_narrow_dock(qtbot, dock, rs_emulator, width):
    panel = signed_in(qtbot, dock, rs_emulator)
    dock.resize(width, 1400)
    qtbot.wait(50)
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        page = panel.tabs.currentWidget()
        assert page.minimumSizeHint().width() <= width, (tab, page.minimumSizeHint().width())
    assert panel.minimumSizeHint().width() <= width
    # inside the page nothing scrolls sideways (the dock's own frame is the dock's business: issue 8)
    inner = [w for w in panel.findChildren(QScrollArea) if w.isVisible()]
    assert all(not s.horizontalScrollBar().isVisible() for s in inner)
