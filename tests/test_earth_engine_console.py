"""Earth Engine from the Python console and from Processing: api.earth_engine(...) sessions (evaluate, add_layer with
ee objects, list_assets, download_pixels, export), two accounts in one QGIS session, and the generated algorithms
"download pixels over an area" and "add Earth Engine layer", also inside a model."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

from eo_connector import api
from eo_connector.core.aoi import aoi_from_wkt
from eo_connector.qgis_glue import services
from tests.emulators.earth_engine_data import PROJECT, SRTM

AOI_WKT = "POLYGON((7.0 43.6, 7.02 43.6, 7.02 43.62, 7.0 43.62, 7.0 43.6))"


@pytest.fixture
def ee_console(fresh_services, memory_keyring, ee_emulator, tmp_path):
    def add(name="Console EE", account="analyst@example.com"):
        credentials = tmp_path / f"credentials-{name}"
        ee_emulator.write_credentials(credentials, ee_emulator.accounts.issue_refresh_token(account))
        return api.add_earth_engine_connection(name, PROJECT, credentials_file=str(credentials),
                                               token_url=ee_emulator.token_url, catalog_url=ee_emulator.catalog_url,
                                               url=ee_emulator.url)

    return add


def aoi_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "aoi", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(AOI_WKT))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_sessions_evaluate_add_layers_list_download_and_export(ee_console, ee_emulator, tmp_path):
    pytest.importorskip("ee")
    ee_console()
    session = api.earth_engine()
    assert "earth_engine" in dir(api) and "add_earth_engine_connection" in dir(api)
    ee = session.ee
    assert session.evaluate(ee.Number(5).add(3)) == 8
    assert session.evaluate("ee.Number(2).multiply(21)") == 42
    layer = session.add_layer(ee.Image(SRTM).select("elevation"), {"min": 0, "max": 600, "palette": "blue,white"
                                                                    .replace("blue", "0000ff").replace("white",
                                                                                                       "ffffff")})
    assert layer.isValid() and layer.name() == SRTM
    found = session.list_assets(f"projects/{PROJECT}/assets/many")
    assert len(found) == 130 and found[0]["type"] == "IMAGE"
    assert [a["id"] for a in session.list_assets("users/analyst")][0].endswith("old_dem")
    job = session.download_pixels(SRTM, aoi_from_wkt(AOI_WKT), scale=30, crs="EPSG:3857",
                                  output_dir=str(tmp_path / "px"))
    [raster] = job.wait(timeout=120)
    assert raster.isValid() and raster.crs().authid() == "EPSG:3857"
    export = session.export(ee.Image(SRTM), "cloud_storage", "my-bucket", aoi=aoi_from_wkt(AOI_WKT))
    export.wait(timeout=60)
    assert export.state == "succeeded"
    body = ee_emulator.recorded("image:export")[-1].json()
    assert body["fileExportOptions"]["cloudStorageDestination"]["bucket"] == "my-bucket"
    assert [d for _name, d, _state in session.tasks()] == ["my_long_export"]


def test_two_accounts_in_one_qgis_session(ee_console, ee_emulator):
    ee_console("first", "analyst@example.com")
    ee_console("second", "colleague@example.com")
    one, two = api.earth_engine("first"), api.earth_engine("second")
    assert one.evaluate('{"result": "0", "values": {"0": {"constantValue": 1}}}') == 1
    assert two.evaluate('{"result": "0", "values": {"0": {"constantValue": 2}}}') == 2
    tokens = [r.header("authorization") for r in ee_emulator.recorded("value:compute")]
    accounts = {ee_emulator.accounts.access[t[7:]].account for t in tokens}
    assert accounts == {"analyst@example.com", "colleague@example.com"}


def test_a_failed_sign_in_saves_nothing(ee_console, ee_emulator, tmp_path):
    from eo_connector.core.errors import EOError

    credentials = tmp_path / "revoked"
    ee_emulator.accounts.revoke(ee_emulator.write_credentials(credentials))
    with pytest.raises(EOError, match="Token has been expired or revoked"):
        api.add_earth_engine_connection("Revoked", PROJECT, credentials_file=str(credentials),
                                        token_url=ee_emulator.token_url, url=ee_emulator.url)
    assert api.connections() == []


def test_processing_pixels_and_layer_algorithms_and_a_model(ee_console, qgis_processing, tmp_path):
    import processing
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    from eo_connector.processing.provider import EOConnectorProvider

    provider = EOConnectorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        ee_console("Proc EE")
        result = processing.run("eo_connector:earth_engine_pixels", {
            "CONNECTION": "Proc EE", "IMAGE": SRTM, "AOI": aoi_layer(), "SCALE": 30.0, "CRS": "EPSG:4326",
            "BANDS": "", "OUTPUT_FOLDER": str(tmp_path / "proc"), "LOAD_LAYERS": True})
        [path] = result["LAYERS"]
        assert path.endswith(".tif") and services.jobs().get(result["JOB_ID"]).state == "succeeded"
        result = processing.run("eo_connector:earth_engine_layer", {
            "CONNECTION": "Proc EE", "IMAGE": SRTM, "NAME": "From Processing", "MIN": "0", "MAX": "500",
            "LOAD_LAYERS": True})
        assert [lyr.name() for lyr in services.jobs().layers[result["JOB_ID"]]] == ["From Processing"]

        result = processing.run("eo_connector:earth_engine_export", {
            "CONNECTION": "Proc EE", "IMAGE": SRTM, "WHAT": 0, "DESTINATION": 2, "TARGET": "exports/dem",
            "DESCRIPTION": "from_processing", "AOI": aoi_layer(), "SCALE": 30.0, "LOAD_LAYERS": False})
        export = services.jobs().get(result["JOB_ID"])
        assert export.state == "succeeded" and export.remote["state"] == "SUCCEEDED"
        assert export.remote["operation"].startswith(f"projects/{PROJECT}/operations/")

        model = QgsProcessingModelAlgorithm("ee model", "tests")
        model.addModelParameter(QgsProcessingParameterFeatureSource("area", "Area"),
                                QgsProcessingModelParameter("area"))
        child = QgsProcessingModelChildAlgorithm("eo_connector:earth_engine_pixels")
        child.setChildId("pixels")
        child.addParameterSources("AOI", [QgsProcessingModelChildParameterSource.fromModelParameter("area")])
        for name, value in (("CONNECTION", "Proc EE"), ("IMAGE", SRTM), ("SCALE", 60.0), ("CRS", "EPSG:4326"),
                            ("BANDS", ""), ("OUTPUT_FOLDER", str(tmp_path / "model")), ("LOAD_LAYERS", False)):
            child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
        model.addChildAlgorithm(child)
        _outputs, ok = model.run({"area": aoi_layer()}, QgsProcessingContext(), QgsProcessingFeedback())
        assert ok and [r.state for r in services.jobs().jobs() if r.kind == "pixels" and "model" in r.output_dir] \
            == ["succeeded"]
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
