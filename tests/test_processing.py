"""The Processing algorithms, as a user runs them from the toolbox, a script or the model designer: every algorithm
generated from the platforms' operations, run headless (processing.run) against the emulators, then a model in
which a Terrascope search feeds a Terrascope download. Each run is a job of the shared job manager."""

import os

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelParameter,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsVectorLayer,
)

from eo_connector import api
from eo_connector.processing.provider import EOConnectorProvider
from eo_connector.qgis_glue import services
from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD
from tests.emulators.terrascope import DEMO_BBOX, S2_TOC
from tests.emulators.terrascope import DEMO_PASSWORD as TS_PASSWORD
from tests.emulators.terrascope import DEMO_USER as TS_USER

ALGORITHMS = ("eo_connector:brightearth_scenario", "eo_connector:terrascope_search", "eo_connector:terrascope_download")


@pytest.fixture
def provider(qgis_processing, fresh_services, memory_keyring):
    provider = EOConnectorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    services.jobs().poll_interval = 0.02
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture
def terrascope(provider, terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(products={S2_TOC: 60})
    ini = emulator.write_ini(tmp_path / "emulator.ini")
    api.add_terrascope_connection("ts", TS_USER, TS_PASSWORD, config_file=str(ini))
    return emulator


def area_layer(west, south, east, north, name="area"):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(
        f"POLYGON(({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_every_operation_is_an_algorithm_with_help(provider):
    registry = QgsApplication.processingRegistry()
    for algorithm_id in ALGORITHMS:
        algorithm = registry.algorithmById(algorithm_id)
        assert algorithm is not None, algorithm_id
        assert algorithm.shortHelpString() and algorithm.group()
        assert algorithm.parameterDefinition("CONNECTION") is not None


def test_brightearth_scenario_runs_headless(provider, beod_emulator, tmp_path):
    import processing

    api.add_brightearth_connection("beod", DEMO_EMAIL, DEMO_PASSWORD, url=beod_emulator.url)
    result = processing.run("eo_connector:brightearth_scenario", {
        "CONNECTION": "beod", "AOI": area_layer(7.050, 43.630, 7.060, 43.638), "NAME": "Toolbox run",
        "OUTPUT_CRS": 1, "VECTOR_FORMATS": [1], "PROJECT_ID": 0, "LOAD_LAYERS": True,
        "OUTPUT_FOLDER": str(tmp_path / "scenario")})
    assert any(path.endswith("building.gpkg") for path in result["LAYERS"])
    assert result["CREDITS"] < 1000
    assert QgsProject.instance().layerTreeRoot().findGroup("Toolbox run") is not None
    [record] = services.jobs().jobs()
    assert record.state == "succeeded" and record.id == result["JOB_ID"]


def test_terrascope_search_writes_products_as_features(terrascope, tmp_path):
    import processing

    result = processing.run("eo_connector:terrascope_search", {
        "CONNECTION": "ts", "COLLECTION": S2_TOC, "AOI": area_layer(*DEMO_BBOX), "START": "2019-01-01",
        "END": "2022-12-31", "CLOUDCOVER": 60, "LIMIT": 7, "OUTPUT": "memory:products"})
    layer = result["OUTPUT"]  # processing.run hands back the layer itself
    features = list(layer.getFeatures())
    assert len(features) == 7
    names = layer.fields().names()
    assert {"id", "title", "date", "cloud", "tile", "collection", "assets"} <= set(names)
    assert all(f["cloud"] <= 60 for f in features) and all(f["collection"] == S2_TOC for f in features)
    assert services.jobs().jobs()[0].kind == "search"


def test_terrascope_download_takes_a_footprints_layer(terrascope, tmp_path):
    import processing

    found = processing.run("eo_connector:terrascope_search", {
        "CONNECTION": "ts", "COLLECTION": S2_TOC, "AOI": area_layer(*DEMO_BBOX), "LIMIT": 2,
        "OUTPUT": "memory:found"})["OUTPUT"]
    result = processing.run("eo_connector:terrascope_download", {
        "CONNECTION": "ts", "ITEMS": found, "FILE_TYPES": [0], "OUTPUT_FOLDER": str(tmp_path / "files"),
        "LOAD_LAYERS": True})
    folders = sorted(os.listdir(tmp_path / "files"))
    assert len(folders) == 2 and result["LAYERS"] and all(os.path.isfile(p) for p in result["LAYERS"])
    assert [r.kind for r in services.jobs().jobs()] == ["download", "search"]


def test_a_model_chains_search_and_download(terrascope, tmp_path):
    import processing

    model = QgsProcessingModelAlgorithm("search then download", "EO Connector tests")
    model.addModelParameter(QgsProcessingParameterString("collection", "Collection", S2_TOC),
                            QgsProcessingModelParameter("collection"))
    model.addModelParameter(QgsProcessingParameterFolderDestination("folder", "Folder"),
                            QgsProcessingModelParameter("folder"))
    search = QgsProcessingModelChildAlgorithm("eo_connector:terrascope_search")
    search.setChildId("search")
    search.addParameterSources("CONNECTION", [QgsProcessingModelChildParameterSource.fromStaticValue("ts")])
    search.addParameterSources("COLLECTION", [QgsProcessingModelChildParameterSource.fromModelParameter("collection")])
    search.addParameterSources("LIMIT", [QgsProcessingModelChildParameterSource.fromStaticValue(3)])
    model.addChildAlgorithm(search)
    download = QgsProcessingModelChildAlgorithm("eo_connector:terrascope_download")
    download.setChildId("download")
    download.addParameterSources("CONNECTION", [QgsProcessingModelChildParameterSource.fromStaticValue("ts")])
    download.addParameterSources("ITEMS", [QgsProcessingModelChildParameterSource.fromChildOutput("search",
                                                                                                   "OUTPUT")])
    download.addParameterSources("FILE_TYPES", [QgsProcessingModelChildParameterSource.fromStaticValue([0])])
    download.addParameterSources("OUTPUT_FOLDER",
                                 [QgsProcessingModelChildParameterSource.fromModelParameter("folder")])
    download.addParameterSources("LOAD_LAYERS", [QgsProcessingModelChildParameterSource.fromStaticValue(False)])
    download.setDependencies([])
    model.addChildAlgorithm(download)
    assert model.validate()[0], model.validate()[1]

    processing.run(model, {"collection": S2_TOC, "folder": str(tmp_path / "model")})
    assert len(os.listdir(tmp_path / "model")) == 3
    assert [r.kind for r in services.jobs().jobs()] == ["download", "search"]
