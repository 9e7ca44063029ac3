"""Earth Engine through the dock, as a user clicks it: a connection added in the dialog, the asset browser (project
folders page by page, the public catalogue with details and thumbnail), a live layer, pixels over the AOI with the
size confirmed, an export and the account's tasks in Jobs; a revoked sign-in at start; the missing library."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from eo_connector.gui.dock import PLATFORM_TAB
from eo_connector.gui.widgets.aoi_panel import SOURCE_LAYER
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.providers.earth_engine import assets
from tests.emulators.earth_engine_data import PROJECT, SRTM

WAIT_MS = 30000
AOI_WKT = "POLYGON((7.0 43.6, 7.03 43.6, 7.03 43.63, 7.0 43.63, 7.0 43.6))"


def add_connection(qtbot, dock, emulator, tmp_path, name="My EE"):
    panel = dock.connections_panel
    qtbot.mouseClick(panel.addButton, Qt.MouseButton.LeftButton)
    dialog = panel.connection_dialog
    dialog.set_platform("earth_engine")
    dialog.nameEdit.setText(name)
    credentials = tmp_path / f"credentials-{name}"
    emulator.write_credentials(credentials)
    dialog.set_values({"sign_in": "credentials", "credentials_file": str(credentials), "project": PROJECT,
                       "token_url": emulator.token_url, "catalog_url": emulator.catalog_url, "url": emulator.url})
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.connection_dialog is None or busy_tasks(dialog) == 0, timeout=WAIT_MS)
    return dialog


def use_aoi(dock):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "area", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(AOI_WKT))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    dock.aoi_panel.sourceCombo.setCurrentIndex(dock.aoi_panel.sourceCombo.findData(SOURCE_LAYER))
    dock.aoi_panel.layerCombo.setLayer(layer)
    dock.aoi_panel.useButton.click()


def dock_jobs(dock, kind):
    return [r for r in dock.jobs.jobs() if r.kind == kind]


def wait_jobs(qtbot, dock):
    qtbot.waitUntil(lambda: not dock.jobs.tasks, timeout=WAIT_MS)


@pytest.fixture
def ee_dock(qtbot, dock, ee_emulator, tmp_path, monkeypatch):
    from eo_connector.qgis_glue import settings

    monkeypatch.setattr(settings, "default_output_root", lambda: str(tmp_path / "out"))
    dialog = add_connection(qtbot, dock, ee_emulator, tmp_path)
    assert dock.connections_panel.connection_dialog is None, dialog.messageLabel.text()
    assert dock.connections_panel.statusLabel.text() == f"Signed in; Cloud project {PROJECT}."
    dock.tabs.setCurrentIndex(PLATFORM_TAB)  # its page, as the user opens its tab
    return dock


def test_browse_assets_page_by_page_and_the_catalogue(qtbot, ee_dock):
    page = ee_dock.current_panel()
    browser = page.assets
    qtbot.mouseClick(browser.goButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(browser.rows()) == 2, timeout=WAIT_MS)
    many = next(r for r in browser.rows() if r.data(0, Qt.ItemDataRole.UserRole).id.endswith("/many"))
    many.setExpanded(True)
    qtbot.waitUntil(lambda: len(browser.more_rows()) == 1, timeout=WAIT_MS)
    assert many.childCount() == 101  # 100 assets and "More…"
    browser._clicked(browser.more_rows()[0])
    qtbot.waitUntil(lambda: many.childCount() == 130, timeout=WAIT_MS)

    assets.forget_catalogues()
    browser.sourceCombo.setCurrentIndex(browser.sourceCombo.findData("catalogue"))
    browser.queryEdit.setText("srtm")
    qtbot.mouseClick(browser.goButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.select(SRTM), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: browser.thumbnailLabel.isVisible(), timeout=WAIT_MS)
    assert "Bands: elevation" in browser.detailsLabel.text() and "2000-02-11" in browser.detailsLabel.text()
    assert page.imageEdit.text() == SRTM and page.forms["layer"].values()["bands"] == "elevation"
    assert page.width() <= 420 and browser.tree.horizontalScrollBar().maximum() == 0


def test_add_a_live_layer_download_pixels_export_and_follow_tasks(qtbot, ee_dock, ee_emulator):
    page = ee_dock.current_panel()
    page.imageEdit.setText(SRTM)
    page._typed()
    page.forms["layer"].set_values({"min": "0", "max": "600", "palette": "000000,ffffff"})
    qtbot.mouseClick(page.buttons["layer"], Qt.MouseButton.LeftButton)
    wait_jobs(qtbot, ee_dock)
    [layer] = [lyr for lyr in QgsProject.instance().mapLayers().values() if isinstance(lyr, QgsRasterLayer)]
    assert layer.isValid() and layer.providerType() == "wms" and "tiles" in layer.source()
    assert '"palette": ["000000", "ffffff"]' in layer.customProperty("eo_connector/live") and "Bearer" not in layer.source()

    assert not page.buttons["pixels"].isEnabled()  # no area of interest yet
    use_aoi(ee_dock)
    asked = []
    page.confirm = lambda title, text: asked.append(text) or False  # the user says no
    page.forms["pixels"].set_values({"scale": 0.3})  # 11,133 x 11,133 pixels: over the confirmation size
    qtbot.mouseClick(page.buttons["pixels"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was downloaded" in page.messageLabel.text(), timeout=WAIT_MS)
    assert asked[0].startswith("11,133 × 11,133 pixels, 1 bands: about") and not dock_jobs(ee_dock, "pixels")
    page.forms["pixels"].set_values({"scale": 30.0})  # small: no question asked
    page.confirm = lambda title, text: pytest.fail("a small download is not confirmed")
    qtbot.mouseClick(page.buttons["pixels"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.kind == "pixels" for r in ee_dock.jobs.jobs()), timeout=WAIT_MS)
    wait_jobs(qtbot, ee_dock)
    record = next(r for r in ee_dock.jobs.jobs() if r.kind == "pixels")
    assert record.state == "succeeded", record.error
    [cog] = [lyr for lyr in ee_dock.jobs.layers[record.id]]
    assert cog.isValid() and cog.source().endswith(".tif")

    page.forms["export"].set_values({"target": "ee_exports", "description": "dem_export"})
    qtbot.mouseClick(page.buttons["export"], Qt.MouseButton.LeftButton)
    wait_jobs(qtbot, ee_dock)
    export = next(r for r in ee_dock.jobs.jobs() if r.kind == "export")
    assert export.state == "succeeded" and export.remote["state"] == "SUCCEEDED"

    qtbot.mouseClick(page.tasksButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.kind == "task" for r in ee_dock.jobs.jobs()), timeout=WAIT_MS)
    task = next(r for r in ee_dock.jobs.jobs() if r.kind == "task")
    assert task.title == "my_long_export" and ee_dock.jobs.is_running(task.id)
    ee_dock.jobs.cancel(task.id)  # cancelled in Jobs: cancelled on the server
    wait_jobs(qtbot, ee_dock)
    assert ee_emulator.operations[task.remote["operation"]]["cancelled"]


def test_a_table_is_added_as_features(qtbot, ee_dock):
    page = ee_dock.current_panel()
    browser = page.assets
    qtbot.mouseClick(browser.goButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(browser.rows()) == 2, timeout=WAIT_MS)
    demo = next(r for r in browser.rows() if r.data(0, Qt.ItemDataRole.UserRole).id.endswith("/demo"))
    demo.setExpanded(True)
    qtbot.waitUntil(lambda: browser.select(f"projects/{PROJECT}/assets/demo/fields"), timeout=WAIT_MS)
    assert page.buttons["layer"].text() == "Add features to map"
    qtbot.mouseClick(page.buttons["layer"], Qt.MouseButton.LeftButton)
    wait_jobs(qtbot, ee_dock)
    record = ee_dock.jobs.jobs()[0]
    assert record.kind == "features" and record.state == "succeeded"
    assert ee_dock.jobs.layers[record.id][0].featureCount() == 5


def test_the_service_rejection_is_shown_in_its_words(qtbot, ee_dock):
    page = ee_dock.current_panel()
    page.imageEdit.setText("NOPE/NOTHING")
    page._typed()
    use_aoi(ee_dock)
    qtbot.mouseClick(page.buttons["pixels"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not exist" in page.messageLabel.text(), timeout=WAIT_MS)
    assert "Asset 'projects/earthengine-public/assets/NOPE/NOTHING' does not exist" in \
        page.messageLabel.text().replace("\u200b", "")  # long words carry invisible break opportunities
    page.imageEdit.setText("ee.Image('USGS/SRTMGL1_003').select('B99')")
    page._typed()
    qtbot.mouseClick(page.buttons["layer"], Qt.MouseButton.LeftButton)
    wait_jobs(qtbot, ee_dock)
    assert ee_dock.jobs.jobs()[0].error.endswith("Image.select: Pattern 'B99' did not match any bands.")


def test_a_refresh_token_revoked_at_start_is_a_sentence_and_a_sign_in_offer(qtbot, ee_dock, ee_emulator):
    panel = ee_dock.connections_panel
    connection = panel.current_connection()
    ee_dock.connections.memory.delete(connection.id + "/earth_engine_token")  # a new QGIS session
    ee_emulator.accounts.revoke()
    qtbot.mouseClick(panel.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=WAIT_MS)
    assert "Token has been expired or revoked" in panel.statusLabel.text()
    assert panel.browserSignInButton.isVisible() and panel.browserSignInButton.text() == "Sign in with the browser"


def test_the_missing_library_is_said_with_an_install_button(qtbot, ee_dock, monkeypatch):
    from eo_connector.qgis_glue import dependencies

    monkeypatch.setattr(dependencies, "missing_of", lambda packages: list(packages))
    installed = []
    monkeypatch.setattr(dependencies, "install", lambda modules, progress, requirements=None: installed.append(
        [requirements[m] for m in modules]) or modules)
    page = ee_dock.current_panel()
    page.dependencies.set_platform(page.platform)
    assert page.dependencies.isVisible() and "earthengine-api" in page.dependencies.label.text()
    qtbot.mouseClick(page.dependencies.installButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: installed == [["earthengine-api"]], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Installed" in page.dependencies.label.text(), timeout=WAIT_MS)

