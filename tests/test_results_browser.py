"""The provider-neutral results browser, driven as a user drives it: pages arrive, the list and the footprints layer
fill, rows clicked select features, features selected on the map select rows (no echo), quicklooks load for the
current and visible rows (auth header, TIFF), a WMS preview becomes a layer, clear() and a removed layer."""

import os
import threading

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtGui import QIcon

from eo_connector.core.models import Asset
from eo_connector.core.safe_paths import human_size
from eo_connector.gui.widgets.results_browser import MAX_VISIBLE_THUMBNAILS, ResultsBrowser
from eo_connector.gui.widgets.results_model import COLUMN_CLOUD, COLUMN_TITLE
from eo_connector.qgis_glue.footprints import is_footprints_layer
from eo_connector.qgis_glue.layers import PROPERTY
from tests.test_footprints import make_items
from tests.test_previews import TOKEN, PreviewServer, encoded_image, float_tiff

WAIT_MS = 20000
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def server():
    started = PreviewServer()
    yield started
    started.stop()


@pytest.fixture
def browser(qgis_iface, qtbot, project):
    widget = ResultsBrowser(qgis_iface, project=project, platform="test")
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.loader.clear()
    qtbot.waitUntil(lambda: widget.busy() == 0, timeout=WAIT_MS)


def plain(label) -> str:
    """A label's text as read (without the invisible break opportunities put in long words)."""
    return label.text().replace("\u200b", "")


class Counter:
    def __init__(self, signal):
        self.calls = []
        signal.connect(lambda *args: self.calls.append(args))

    def __len__(self):
        return len(self.calls)


def with_quicklooks(items, server, prefix="/protected/ql", body=None, content_type="image/png"):
    body = body or encoded_image("PNG")
    for n, item in enumerate(items):
        href = server.add(f"{prefix}{n}.png", body, content_type)
        item.assets["previews-1"] = Asset(href=href, media_type=content_type, roles=["previews", "thumbnail"])
    return items


def click_row(qtbot, browser, row, ctrl=False):
    view = browser.resultsView
    index = browser.proxy.index(row, COLUMN_TITLE)
    view.scrollTo(index)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


def selected_rows(browser):
    return sorted(index.row() for index in browser.resultsView.selectionModel().selectedRows())


def text(browser, row, column):
    return browser.proxy.index(row, column).data()


def test_pages_are_appended_and_the_list_shows_title_date_cloud_size(browser):
    items = make_items(20)
    browser.clear("S2 TOC search")
    resets, inserts = Counter(browser.model.modelReset), Counter(browser.model.rowsInserted)
    browser.set_loading(True)
    assert browser.headerLabel.text() == "Searching…" and browser.loadingBar.isVisible()
    browser.add_page(items[:10], total=20)
    assert browser.headerLabel.text() == "10 of 20 results — loading…"
    browser.add_page(items[10:] + items[:2], total=20)  # a repeated product is shown once
    browser.set_loading(False)
    assert browser.headerLabel.text() == "20 of 20 results" and not browser.loadingBar.isVisible()
    assert len(resets) == 0 and len(inserts) == 2  # appended, never reset
    assert [browser.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == \
        ["Title", "Date", "Cloud", "Size"]
    assert [text(browser, 3, c) for c in range(4)] == ["S2A_PRODUCT_00003", "2022-04-04", "21.5",
                                                       human_size(4_000_000)]  # the day; its time in the details
    assert [item.id for item in browser.items()] == [item.id for item in items]
    assert browser.zoomButton.isEnabled() and not browser.previewButton.isEnabled()  # no item has a WMS link


def test_no_results_and_unknown_totals(browser):
    browser.clear("empty")
    browser.add_page([], total=0)
    assert browser.headerLabel.text() == "No results"
    assert not browser.zoomButton.isEnabled()
    browser.clear("a provider that gives no total")
    browser.add_page(make_items(3))
    assert browser.headerLabel.text() == "3 results"


def test_the_footprints_layer_has_the_features_and_attributes(browser, project):
    items = make_items(20)
    browser.clear("S2 TOC search")
    browser.add_page(items[:10], total=20)
    browser.add_page(items[10:], total=20)
    layer = browser.footprints_layer()
    assert layer is not None and is_footprints_layer(layer) and layer.name() == "S2 TOC search"
    assert project.mapLayer(layer.id()) is layer and layer.featureCount() == 20
    by_id = {f["id"]: f for f in layer.getFeatures()}
    assert by_id[items[7].id]["title"] == "S2A_PRODUCT_00007" and by_id[items[7].id]["orbit"] == 7
    assert by_id[items[7].id]["cloud"] == pytest.approx(49.5) and by_id[items[7].id]["tile"] == "31T0"


def test_rows_clicked_select_their_features_without_echo(browser, qtbot):
    items = make_items(20)
    browser.clear("search")
    browser.add_page(items, total=20)
    layer = browser.footprints_layer()
    on_map, in_list = Counter(layer.selectionChanged), Counter(browser.itemsSelectionChanged)
    click_row(qtbot, browser, 2)
    click_row(qtbot, browser, 5, ctrl=True)
    assert sorted(browser.footprints.item_ids(layer.selectedFeatureIds())) == [items[2].id, items[5].id]
    assert len(on_map) == 2 and len(in_list) == 2  # one per click: the map's echo did not come back
    assert [item.id for item in in_list.calls[-1][0]] == [items[2].id, items[5].id]
    assert selected_rows(browser) == [2, 5] and "2 selected" in browser.headerLabel.text()
    assert browser.current_item().id == items[5].id and "S2A_PRODUCT_00005" in plain(browser.propertiesLabel)


def test_features_selected_on_the_map_select_their_rows(browser):
    items = make_items(20)
    browser.clear("search")
    browser.add_page(items, total=20)
    layer = browser.footprints_layer()
    browser.resultsView.sortByColumn(COLUMN_CLOUD, Qt.SortOrder.DescendingOrder)  # rows no longer in item order
    on_map, in_list = Counter(layer.selectionChanged), Counter(browser.itemsSelectionChanged)
    chosen = [items[i].id for i in (1, 8, 13)]
    layer.selectByIds(browser.footprints.feature_ids(chosen))  # what QGIS's select tool ends with
    assert sorted(item.id for item in browser.selected_items()) == sorted(chosen)
    assert len(in_list) == 1 and len(on_map) == 1  # the list did not push the selection back to the map
    assert browser.current_item().id in chosen
    clouds = [float(text(browser, row, COLUMN_CLOUD)) for row in range(20)]
    assert clouds == sorted(clouds, reverse=True)
    layer.removeSelection()
    assert browser.selected_items() == [] and in_list.calls[-1][0] == []


def test_5000_results_in_pages(browser):
    items = make_items(5000)
    browser.clear("big search")
    browser.set_loading(True)
    for start in range(0, 5000, 100):
        browser.add_page(items[start:start + 100], total=5000)
    browser.set_loading(False)
    layer = browser.footprints_layer()
    assert browser.model.rowCount() == 5000 and layer.featureCount() == 5000
    five_thousand = QLocale().toString(5000)
    assert browser.headerLabel.text() == f"{five_thousand} of {five_thousand} results"
    layer.selectByIds(browser.footprints.feature_ids(item.id for item in items[::2]))
    assert len(browser.selected_items()) == 2500
    wanted = [items[4999].id, items[0].id, items[2500].id]
    browser.select_items(wanted)
    assert sorted(browser.footprints.item_ids(layer.selectedFeatureIds())) == sorted(wanted)
    assert [item.id for item in browser.selected_items()] == [items[0].id, items[2500].id, items[4999].id]


def test_quicklook_of_the_current_item_needs_the_auth_header(browser, qtbot, server):
    items = with_quicklooks(make_items(3), server)
    browser.clear("search")
    browser.add_page(items, total=3)
    click_row(qtbot, browser, 1)
    qtbot.waitUntil(lambda: "Quicklook not available" in browser.quicklookLabel.text(), timeout=WAIT_MS)
    assert "session has expired" in browser.quicklookLabel.text()  # the 401, in words
    browser.set_headers_provider(lambda: dict(AUTH))
    qtbot.waitUntil(lambda: browser.quicklookLabel.pixmap() is not None
                    and not browser.quicklookLabel.pixmap().isNull(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: browser.busy() == 0, timeout=WAIT_MS)
    sent = [headers.get("Authorization") for path, headers in server.requests if path == "/protected/ql1.png"]
    assert sent[0] is None and sent[-1] == AUTH["Authorization"]
    decoration = browser.proxy.index(1, COLUMN_TITLE).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(decoration, QIcon) and not decoration.isNull()  # the same image, as the list's thumbnail


def test_a_tiff_quicklook_is_shown(browser, qtbot, server):
    items = with_quicklooks(make_items(1), server, prefix="/ql", body=float_tiff(), content_type="image/tiff")
    browser.clear("search")
    browser.add_page(items, total=1)
    browser.select_items([items[0].id])
    qtbot.waitUntil(lambda: browser.quicklookLabel.pixmap() is not None
                    and not browser.quicklookLabel.pixmap().isNull(), timeout=WAIT_MS)
    assert browser.quicklookLabel.pixmap().width() > 100


def test_only_the_visible_rows_fetch_thumbnails(browser, qtbot, server):
    browser.set_headers_provider(lambda: dict(AUTH))
    items = with_quicklooks(make_items(5000), server)
    browser.clear("big")
    for start in range(0, 5000, 500):
        browser.add_page(items[start:start + 500], total=5000)

    def has_thumbnail(row):
        return browser.model.has_thumbnail(items[row].id)

    qtbot.waitUntil(lambda: has_thumbnail(0), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: browser.busy() == 0, timeout=WAIT_MS)
    fetched = len(server.paths("/protected/"))
    assert 1 <= fetched <= MAX_VISIBLE_THUMBNAILS and not has_thumbnail(4999)
    browser.resultsView.scrollToBottom()
    qtbot.waitUntil(lambda: has_thumbnail(4999), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: browser.busy() == 0, timeout=WAIT_MS)
    assert len(server.paths("/protected/")) <= 2 * MAX_VISIBLE_THUMBNAILS


def test_wms_preview_button_adds_a_valid_wms_layer(browser, qtbot, server, project):
    items = make_items(2)
    items[0].assets["previews-2"] = Asset(href=server.getmap_url(), title="WMS", media_type="image/png",
                                          roles=["previews", "wms"])
    browser.clear("search")
    browser.add_page(items, total=2)
    click_row(qtbot, browser, 1)
    assert not browser.previewButton.isEnabled()
    click_row(qtbot, browser, 0)
    assert browser.previewButton.isEnabled()
    qtbot.mouseClick(browser.previewButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.busy() == 0, timeout=WAIT_MS)
    group = project.layerTreeRoot().findGroup("Previews")
    assert group is not None, browser.messageLabel.text()
    (layer,) = [node.layer() for node in group.findLayers()]
    assert layer.isValid() and layer.providerType() == "wms" and layer.name() == "S2A_PRODUCT_00000"
    assert "TIME%3D2022-02-11" in layer.source()


def test_a_failing_wms_preview_is_told_in_words(browser, qtbot, server):
    items = make_items(1)
    items[0].assets["wms"] = Asset(href=server.url + "/missing?LAYERS=x", roles=["previews", "wms"])
    browser.clear("search")
    browser.add_page(items, total=1)
    browser.select_items([items[0].id])
    qtbot.mouseClick(browser.previewButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.busy() == 0, timeout=WAIT_MS)
    assert "WMS preview could not be opened" in browser.messageLabel.text()
    assert browser.messageLabel.isVisible()


def test_zoom_to_the_selection(browser, qtbot, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-180, -90, 180, 90))
    items = make_items(300)
    browser.clear("search")
    browser.add_page(items, total=300)
    browser.select_items([items[250].id])
    qtbot.mouseClick(browser.zoomButton, Qt.MouseButton.LeftButton)
    extent = canvas.extent()
    assert extent.contains(QgsRectangle(7.0, 43.22, 7.01, 43.23)) and extent.width() < 0.1


def test_clear_empties_the_list_and_the_layer(browser, qtbot):
    items = make_items(20)
    browser.clear("first")
    browser.add_page(items, total=20)
    click_row(qtbot, browser, 3)
    layer = browser.footprints_layer()
    in_list = Counter(browser.itemsSelectionChanged)
    browser.clear("second", platform="rs-server")
    assert layer.customProperty(PROPERTY + "platform") == "rs-server"
    assert browser.model.rowCount() == 0 and browser.items() == [] and browser.selected_items() == []
    assert in_list.calls == [([],)]
    assert layer.featureCount() == 0 and layer.name() == "second" and browser.headerLabel.text() == ""
    assert not browser.quicklookPane.isVisible()
    browser.add_page(make_items(4, start=100), total=4)
    assert browser.footprints_layer() is layer and layer.featureCount() == 4  # the same layer, reused


def test_removing_the_footprints_layer_does_not_break_the_browser(browser, qtbot, project):
    items = make_items(30)
    browser.clear("search")
    browser.add_page(items[:10], total=30)
    project.removeMapLayer(browser.footprints_layer().id())
    assert browser.footprints_layer() is None
    click_row(qtbot, browser, 4)
    browser.add_page(items[10:], total=30)  # the user removed it: not brought back for this search
    assert browser.model.rowCount() == 30 and not [lyr for lyr in project.mapLayers().values()
                                                   if is_footprints_layer(lyr)]
    browser.select_items([items[20].id])
    qtbot.mouseClick(browser.zoomButton, Qt.MouseButton.LeftButton)
    assert browser.selected_items() == [items[20]]
    browser.clear("next search")
    browser.add_page(make_items(5, start=200), total=5)
    assert browser.footprints_layer() is not None and browser.footprints_layer().featureCount() == 5
    project.clear()  # a new project deletes every layer
    assert browser.footprints_layer() is None
    click_row(qtbot, browser, 0)
    assert browser.current_item().id == make_items(1, start=200)[0].id


def test_terrascope_results_through_the_browser(terrascope_emulator, browser, qtbot, project, tmp_path):
    """The browser fed by the real Terrascope provider against its emulator: pages, footprints, quicklook behind
    the bearer token, WMS preview layer from the product's GetMap link. (The emulator is asked for first: it is
    stopped after the browser has finished its last quicklooks.)"""
    from eo_connector.core.http import HttpSession
    from eo_connector.providers.terrascope.client import TerrascopeClient
    from eo_connector.providers.terrascope.config import config_from_file
    from eo_connector.providers.terrascope.oidc import OidcClient, TokenKeeper
    from tests.emulators.terrascope import DEMO_PASSWORD, DEMO_USER

    terrascope_emulator.write_ini(str(tmp_path / "terrascope.ini"))
    config = config_from_file(str(tmp_path / "terrascope.ini"))
    with HttpSession(retries=0) as http:
        oidc = OidcClient(config, http)
        keeper = TokenKeeper(oidc, oidc.password_grant(DEMO_USER, DEMO_PASSWORD))
        browser.set_headers_provider(lambda: {"Authorization": f"Bearer {keeper.bearer()}"})
        browser.clear("Terrascope S2 TOC", platform="terrascope")
        browser.set_loading(True)
        pages = list(TerrascopeClient(config, http).search("urn:eop:VITO:TERRASCOPE_S2_TOC_V2", limit=150))
        for page in pages:
            browser.add_page(page.items, page.total)
        browser.set_loading(False)
        assert len(pages) >= 2 and browser.model.rowCount() == 150
        assert browser.footprints_layer().featureCount() == 150
        click_row(qtbot, browser, 0)
        qtbot.waitUntil(lambda: browser.quicklookLabel.pixmap() is not None
                        and not browser.quicklookLabel.pixmap().isNull(), timeout=WAIT_MS)
        assert browser.previewButton.isEnabled()
        qtbot.mouseClick(browser.previewButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: browser.busy() == 0, timeout=WAIT_MS)
    group = project.layerTreeRoot().findGroup("Previews")
    assert group is not None, browser.messageLabel.text()
    (layer,) = [node.layer() for node in group.findLayers()]
    assert layer.isValid() and layer.name() == browser.items()[0].properties["title"]


def test_the_footprints_file_is_made_while_the_search_starts_and_the_first_page_opens_it(browser, qtbot, project):
    """The GeoPackage is created off the GUI thread when a search starts (it stalled QGIS with the first page)."""
    browser.prepare_footprints()
    prepared = browser._prepared
    qtbot.waitUntil(lambda: prepared._ready.is_set(), timeout=WAIT_MS)
    path = prepared._source.split("|", 1)[0]
    assert os.path.isfile(path)
    browser.clear("S2 TOC search")
    browser.add_page(make_items(10), total=10)
    layer = browser.footprints_layer()
    assert layer.source().split("|", 1)[0] == path and layer.name() == "S2 TOC search" and layer.featureCount() == 10
    assert browser._prepared is None and prepared.used
    browser.prepare_footprints()  # the layer is on the map: the next search empties it, no new file
    assert browser._prepared is None


@pytest.fixture
def slow_geopackage(monkeypatch):
    """Footprints GeoPackages made only once `release` is set; `made` lists their sources."""
    from eo_connector.qgis_glue import footprints_file

    release, made = threading.Event(), []
    real = footprints_file.new_geopackage

    def slow(fields):
        release.wait(WAIT_MS / 1000)
        made.append(real(fields))
        return made[-1]

    monkeypatch.setattr(footprints_file, "new_geopackage", slow)
    return release, made


def test_a_footprints_file_not_ready_in_time_waits_for_the_next_search(browser, qtbot, project, slow_geopackage):
    release, made = slow_geopackage
    browser.clear("first search")  # a titled clear starts one too
    prepared = browser._prepared
    browser.add_page(make_items(3), total=3)  # not ready: the GUI thread makes its own
    first = browser.footprints_layer()
    assert first.featureCount() == 3 and browser._prepared is prepared and not prepared.used
    release.set()
    qtbot.waitUntil(lambda: prepared._ready.is_set(), timeout=WAIT_MS)
    project.removeMapLayer(first.id())  # the user removed it: the next search needs a new layer
    browser.clear("second search")
    browser.add_page(make_items(2, start=50), total=2)
    assert browser.footprints_layer().source().split("|", 1)[0] == made[0].split("|", 1)[0]


def test_an_unused_footprints_file_is_removed_with_the_browser(qgis_iface, qtbot, project):
    widget = ResultsBrowser(qgis_iface, project=project, platform="test")
    widget.prepare_footprints()
    prepared = widget._prepared
    qtbot.waitUntil(lambda: prepared._ready.is_set(), timeout=WAIT_MS)
    path = prepared._source.split("|", 1)[0]
    assert os.path.isfile(path)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not os.path.exists(path), timeout=WAIT_MS)


def test_a_footprints_file_discarded_while_it_is_made_is_removed_by_its_thread(qtbot, slow_geopackage):
    from eo_connector.qgis_glue import footprints_file
    from eo_connector.qgis_glue.footprints import footprint_fields

    release, made = slow_geopackage
    prepared = footprints_file.GeoPackageInAdvance(footprint_fields())
    prepared.discard()  # returns at once: the GUI thread never waits for the file
    release.set()
    qtbot.waitUntil(lambda: prepared._ready.is_set(), timeout=WAIT_MS)
    assert made and not os.path.exists(made[0].split("|", 1)[0]) and prepared.take() is None
