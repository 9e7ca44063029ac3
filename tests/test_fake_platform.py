"""A third platform registered from the test suite alone (tests/support/fake_platform.py, no change under
eo_connector/) is driven through the dock, the console API, Processing and the Jobs list."""

import os

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from eo_connector import api
from eo_connector.gui.dock import PLATFORM_TAB
from eo_connector.gui.widgets.aoi_panel import SOURCE_LAYER
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.providers import registry
from eo_connector.qgis_glue import services
from tests.support.fake_platform import FAKE, PASSWORD, PLATFORM_ID

WAIT_MS = 20000
AOI_WKT = "POLYGON((6.95 43.60, 6.96 43.60, 6.96 43.61, 6.95 43.61, 6.95 43.60))"


@pytest.fixture
def fake_platform(qgis_processing):
    """FakeSat registered for the test (the Processing provider follows the registry), removed afterwards."""
    from eo_connector.processing.provider import EOConnectorProvider

    provider = EOConnectorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    registry.register(FAKE)
    yield FAKE
    registry.unregister(PLATFORM_ID)
    QgsApplication.processingRegistry().removeProvider(provider)


def aoi_layer(name="survey area"):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(AOI_WKT))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_the_fake_platform_is_found_like_the_others(fake_platform):
    assert PLATFORM_ID in [p.id for p in registry.platforms()]
    assert api.platforms()[PLATFORM_ID]["operations"] == ["download", "survey"]
    assert QgsApplication.processingRegistry().algorithmById(f"eo_connector:{fake_platform.operation('survey').processing_name}")


def test_through_the_dock(qtbot, fake_platform, make_dock, tmp_path, monkeypatch):
    from eo_connector.qgis_glue import settings

    monkeypatch.setattr(settings, "default_output_root", lambda: str(tmp_path / "out"))
    dock = make_dock()
    panel = dock.connections_panel
    qtbot.mouseClick(panel.addButton, Qt.MouseButton.LeftButton)
    dialog = panel.connection_dialog
    dialog.set_platform(PLATFORM_ID)
    assert dialog.ok_button.text() == "Sign in to FakeSat"
    dialog.nameEdit.setText("My FakeSat")
    dialog.set_values({"username": "ann", "password": "wrong"})
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: busy_tasks(dialog) == 0, timeout=WAIT_MS)
    assert "wrong password" in dialog.messageLabel.text()  # the platform's own words
    dialog.set_values({"password": PASSWORD})
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.connection_dialog is None, timeout=WAIT_MS)
    assert panel.statusLabel.text() == "Signed in as ann"

    page = dock.current_panel()
    assert page is dock.platform_panel(PLATFORM_ID) and dock.tabs.tabText(PLATFORM_TAB) == "FakeSat archive"
    survey = page.sections["survey"]
    assert not survey.runButton.isEnabled()  # no area of interest yet
    layer = aoi_layer()
    dock.aoi_panel.sourceCombo.setCurrentIndex(dock.aoi_panel.sourceCombo.findData(SOURCE_LAYER))
    dock.aoi_panel.layerCombo.setLayer(layer)
    dock.aoi_panel.useButton.click()
    survey.form.set_values({"name": "North field", "resolution": 20})
    qtbot.mouseClick(survey.runButton, Qt.MouseButton.LeftButton)
    [record] = dock.jobs.jobs()
    assert dock.jobs_panel.selected_job_id() == record.id  # shown in the Jobs list at once
    qtbot.waitUntil(lambda: not dock.jobs.tasks, timeout=WAIT_MS)
    record = dock.jobs.get(record.id)
    assert record.state == "succeeded" and dock.jobs_panel.items[record.id].text(1) == "Done"
    group = QgsProject.instance().layerTreeRoot().findGroup("North field")
    assert group is not None and [n.layer().featureCount() for n in group.findLayers()] == [1]

    # the generic catalogue search: collections listed, filters from the platform, results, download
    qtbot.waitUntil(lambda: page.collectionCombo.count() == 3, timeout=WAIT_MS)
    page.collectionCombo.setCurrentIndex(page.collectionCombo.findData("radar"))
    page.filters.set_values({"max_cloud": 5})
    qtbot.mouseClick(page.searchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.runner.is_running(), timeout=WAIT_MS)
    assert [i.id for i in page.browser.items()] == [f"radar-{n:03d}" for n in range(6)]
    page.browser.select_items(["radar-001", "radar-002"])
    qtbot.mouseClick(page.downloadButton, Qt.MouseButton.LeftButton)
    page.download_dialog.outputFolderWidget.setFilePath(str(tmp_path / "scenes"))
    page.download_dialog.accept()
    qtbot.waitUntil(lambda: not dock.jobs.tasks, timeout=WAIT_MS)
    download = dock.jobs.jobs()[0]
    assert download.state == "succeeded" and download.kind == "download"
    assert sorted(os.listdir(tmp_path / "scenes")) == ["radar-001", "radar-002"]


def test_through_the_console(fake_platform, fresh_services, memory_keyring, tmp_path):
    connection = api.add_connection(PLATFORM_ID, "console sat", username="bo", credentials={"password": PASSWORD})
    assert [c.name for c in api.connections()] == ["console sat"]
    assert len(api.fakesat_scenes("thermal")) == 12  # the platform's own console name
    layer = aoi_layer("console area")
    job = api.run("console sat", "survey", aoi=api.aoi_from_layer(layer), name="Console survey",
                  output_dir=str(tmp_path))
    layers = job.wait(timeout=60)
    assert job.state == "succeeded" and [lyr.featureCount() for lyr in layers] == [1]
    assert api.jobs()[0].id == job.id
    with pytest.raises(Exception, match="Give the survey a name"):
        api.run(connection, "survey", aoi=api.aoi_from_layer(layer), name=" ")


def test_through_processing_and_the_jobs_list(fake_platform, fresh_services, memory_keyring, tmp_path):
    import processing

    api.add_connection(PLATFORM_ID, "proc sat", username="cy", credentials={"password": PASSWORD})
    seen = []
    services.jobs().jobChanged.connect(seen.append)
    result = processing.run("eo_connector:fakesat_survey", {
        "CONNECTION": "proc sat", "AOI": aoi_layer("proc area"), "NAME": "Processing survey", "RESOLUTION": 1,
        "OUTPUT_FOLDER": str(tmp_path / "proc"), "LOAD_LAYERS": True})
    assert result["LAYERS"] and all(path.endswith("survey.geojson") for path in result["LAYERS"])
    [record] = services.jobs().jobs()
    assert record.state == "succeeded" and record.params["resolution"] == 20 and record.id == result["JOB_ID"]
    assert record.id in seen  # the Jobs list heard of it while it ran
    assert QgsProject.instance().layerTreeRoot().findGroup("Processing survey") is not None
