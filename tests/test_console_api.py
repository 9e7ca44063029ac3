"""The Python-console facade and the Processing algorithm, as a user scripts them, against the emulator."""

import os

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

from eo_connector import api
from eo_connector.core.errors import AoiError, AuthenticationError, Cancelled, EOError
from eo_connector.qgis_glue import services
from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD


@pytest.fixture
def console(memory_keyring, beod_emulator, fresh_services):
    """A fresh set of services, as in a new QGIS session, with fast polling (set up after the emulator, so torn
    down before it stops)."""
    services.jobs().poll_interval = 0.02
    yield beod_emulator


def polygon_layer(name="parcels", crs="EPSG:3857", wkts=("POLYGON((784800 5408800, 785600 5408800, "
                                                         "785600 5409600, 784800 5409600, 784800 5408800))",)):
    layer = QgsVectorLayer(f"Polygon?crs={crs}", name, "memory")
    features = []
    for wkt in wkts:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_console_session_from_sign_in_to_layers(console):
    api.add_brightearth_connection("work", DEMO_EMAIL, DEMO_PASSWORD, url=console.url)
    assert [c.name for c in api.connections()] == ["work"]
    assert api.me()["credits"] == 1000

    aoi = api.aoi_from_layer(polygon_layer())
    assert 0.3 < aoi.area_km2 < 0.7 and aoi.vertex_count == 4
    job = api.run_brightearth(aoi, "Console buildings", output_crs=4326, vector_formats="geopackage")
    layers = job.wait(timeout=60)
    assert job.state == "succeeded" and job.progress == 1.0
    names = {layer.name() for layer in layers}
    assert {"building", "road", "tree", "clutter", "dtm"} <= names
    group = QgsProject.instance().layerTreeRoot().findGroup("Console buildings")
    assert group is not None and len(group.findLayers()) == len(layers)
    assert all(layer.crs().authid() == "EPSG:4326" for layer in layers)
    by_name = {layer.name(): layer for layer in layers}
    assert by_name["building"].renderer().symbol().color().name() == "#e77148"  # resources/styles/building.qml
    assert by_name["tree"].renderer().symbol().color().name() == "#4c993a"  # tree.qml or tree_point.qml
    assert by_name["dtm"].renderer().type() == "hillshade"
    assert os.path.isdir(job.output_dir)
    assert api.me()["credits"] < 1000
    assert api.jobs()[0].id == job.id


def test_console_errors_are_sentences(console):
    with pytest.raises(AuthenticationError, match="wrong e-mail or password"):
        api.add_brightearth_connection("bad", DEMO_EMAIL, "wrong", url=console.url)
    with pytest.raises(AoiError, match="points"):
        api.aoi_from_layer(QgsVectorLayer("Point?crs=EPSG:4326", "pts", "memory"))
    api.add_brightearth_connection("work2", DEMO_EMAIL, DEMO_PASSWORD, url=console.url)
    job = api.run_brightearth(api.aoi_from_layer(polygon_layer()), "will fail please")
    with pytest.raises(EOError, match="failed on the BrightEarth server"):
        job.wait(timeout=60)
    assert job.state == "failed" and "failed" in job.error


def test_console_cancel_and_follow_again(console):
    console.run_seconds = 60
    api.add_brightearth_connection("work", DEMO_EMAIL, DEMO_PASSWORD, url=console.url)
    job = api.run_brightearth(api.aoi_from_layer(polygon_layer()), "Cancel me")
    from qgis.PyQt.QtTest import QTest

    for _ in range(200):  # until the server has the scenario
        QTest.qWait(20)
        if "scenario_id" in job.record.remote:
            break
    job.cancel()
    with pytest.raises(Cancelled):
        job.wait(timeout=30)
    assert job.state == "cancelled"
    console.advance(120)
    assert job.follow().wait(timeout=60)
    assert job.state == "succeeded"


def test_processing_algorithm_runs_the_same_workflow(console, qgis_processing, tmp_path):
    import processing
    from qgis.core import QgsApplication

    from eo_connector.processing.provider import EOConnectorProvider

    provider = EOConnectorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        api.add_brightearth_connection("proc", DEMO_EMAIL, DEMO_PASSWORD, url=console.url)
        layer = polygon_layer(name="proc aoi")
        result = processing.run("eo_connector:brightearth_scenario", {
            "CONNECTION": "proc", "AOI": layer, "NAME": "Processing run", "OUTPUT_CRS": 1,
            "VECTOR_FORMATS": [1], "PROJECT_ID": 0, "LOAD_LAYERS": True,
            "OUTPUT_FOLDER": str(tmp_path / "processing"),
        })
        assert os.path.isdir(result["OUTPUT_FOLDER"])
        assert any(p.endswith("building.gpkg") for p in result["LAYERS"])
        assert result["CREDITS"] < 1000
        group = QgsProject.instance().layerTreeRoot().findGroup("Processing run")
        assert group is not None and group.findLayers()
        assert services.jobs().jobs()[0].state == "succeeded"  # listed in the dock's jobs too
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)


def test_job_running_when_qgis_closed_is_followed_on_next_start(console, tmp_path):
    import shutil

    from qgis.PyQt.QtTest import QTest

    from eo_connector.qgis_glue import settings

    console.run_seconds = 60
    api.add_brightearth_connection("work", DEMO_EMAIL, DEMO_PASSWORD, url=console.url)
    job = api.run_brightearth(api.aoi_from_layer(polygon_layer()), "Overnight")
    for _ in range(250):
        QTest.qWait(20)
        if "activity_id" in job.record.remote:
            break
    snapshot = tmp_path / "jobs-at-close.json"
    shutil.copy(settings.jobs_file(), snapshot)  # what was on disk when QGIS was killed
    services.reset()  # QGIS closes (the task stops)
    QTest.qWait(100)
    shutil.copy(snapshot, settings.jobs_file())

    console.advance(120)  # the server went on while QGIS was closed
    restarted = api.jobs()[0]
    assert restarted.id == job.id and restarted.state == "interrupted"
    services.jobs().poll_interval = 0.02
    layers = restarted.follow().wait(timeout=60)
    assert layers and restarted.state == "succeeded"
    assert len(console.project(restarted.record.remote["project_id"])["scenario_ids"]) == 1


def test_every_generic_console_name_exists():
    """What README and dir(api) promise is there (each platform's own names come from the platforms)."""
    missing = [name for name in api.__all__ if not hasattr(api, name)]
    assert missing == []
    aoi = api.aoi_from_wkt("POLYGON((7 43, 7.01 43, 7.01 43.01, 7 43.01, 7 43))")
    assert 0.5 < aoi.area_km2 < 2
    for name in ("add_brightearth_connection", "run_brightearth", "terrascope", "add_terrascope_connection"):
        assert name in dir(api) and callable(getattr(api, name))
