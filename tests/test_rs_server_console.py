"""RS-Server and any STAC API from the QGIS Python console and from Processing, as a user scripts them against the
emulator: names as in rs-client-libraries (rs_server().get_cadip_client().search(...), run_staging, catalog writes,
publish_layer), api.stac(); Processing's STAC search -> footprints layer -> asset download, CADIP search -> staging;
a staging job interrupted by QGIS closing followed again after the restart; assets streamed in place with the key
sent for that URL only and never written into the project."""

import json
import os

import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

from eo_connector import api
from eo_connector.core.aoi import aoi_from_bbox
from eo_connector.core.errors import EOError, InvalidInput, PermissionDenied
from eo_connector.core.job_store import JobStore
from eo_connector.core.models import JobState
from eo_connector.qgis_glue import services
from tests.emulators.rs_server import DEMO_KEY

AOI = aoi_from_bbox(7.0, 43.6, 7.06, 43.66, "demo box")


@pytest.fixture
def rs(memory_keyring, rs_emulator, fresh_services):
    services.jobs().poll_interval = 0.05
    api.add_rs_server_connection("rs", rs_emulator.url, api_key=DEMO_KEY, check_url=rs_emulator.check_url)
    return rs_emulator


def test_console_catalogue_cadip_auxip_and_staging(rs, memory_keyring, tmp_path):
    assert DEMO_KEY not in json.dumps([c.to_dict() for c in api.connections()])
    assert DEMO_KEY in " ".join(str(v) for v in memory_keyring.passwords.values())
    server = api.rs_server("rs")
    assert server.owner_id == "pyuser" and server.apikey_user_login == "pyuser" and server.apikey_iam_roles
    catalog = server.get_catalog_client()
    assert [c.id for c in catalog.get_collections()] == ["pyuser:s2_l2a"]
    assert catalog.get_collection("s2_l2a")["id"] == "s2_l2a"
    assert "platform" in catalog.get_queryables()["properties"]
    assert len(list(catalog.search(collections=["s2_l2a"], aoi=AOI, limit=2))) == 5

    cadip = server.get_cadip_client("INS")
    sessions = list(cadip.search(platform="S1A", timestamp=("2024-01-15", "2024-01-31"), limit=1))
    assert sessions and all(s.properties["platform"] == "S1A" for s in sessions)
    files = cadip.session_files(sessions[0])
    assert len(files) == 6 and files[0][1:3] == (1, 1)
    aux = list(server.get_auxip_client().search(stac_filter={"op": "=", "args": [{"property": "product:type"},
                                                                                 "AUX_PREORB"]}))
    assert aux and {a.properties["product:type"] for a in aux} == {"AUX_PREORB"}

    job = server.get_staging_client().run_staging(sessions[:1], "s1_console",
                                                  asset_keys={sessions[0].id: [files[0][0]]})
    layers = job.wait(timeout=60)
    assert job.state == JobState.SUCCEEDED and layers and layers[0].featureCount() == 1
    staged = list(catalog.search(collections=["s1_console"]))
    assert [s.id for s in staged] == [sessions[0].id] and files[0][0] in staged[0].assets
    jobs = server.get_staging_client().get_jobs()["jobs"]
    assert jobs and jobs[0]["status"] == "successful"

    download = catalog.download_assets(staged, str(tmp_path / "staged"), roles=("data",))
    loaded = download.wait(timeout=60)
    assert any(layer.name().endswith(".tif") or layer.providerType() == "gdal" for layer in loaded)


def test_console_catalogue_writes_and_publishing_a_layer(rs):
    catalog = api.rs_server().get_catalog_client()
    catalog.add_collection({"id": "fields", "title": "Fields"})
    with pytest.raises(InvalidInput, match="letters, digits"):
        catalog.add_collection({"id": "bad id"})
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string&field=when:string&field=href:string",
                           "parcels", "memory")
    for n in range(3):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"p{n}", "2024-01-15", f"https://files.example/p{n}.tif" if n else ""])
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({780000 + n} 5405000, 780100 5405000, 780100 5405100, "
                                                f"{780000 + n} 5405100, {780000 + n} 5405000))"))
        layer.dataProvider().addFeatures([feature])
    plan = catalog.publish_layer(layer, "fields", id_field="name", datetime_field="when", asset_field="href",
                                 dry_run=True)
    assert plan.ok and [i["id"] for i in plan.items] == ["p0", "p1", "p2"]
    assert 7.0 < plan.items[0]["bbox"][0] < 7.1  # reprojected to EPSG:4326
    sent, refused = catalog.publish_layer(layer, "fields", id_field="name", datetime_field="when", asset_field="href")
    assert sent == ["p0", "p1", "p2"] and not refused
    sent, refused = catalog.publish_layer(layer, "fields", id_field="name", datetime_field="when")
    assert not sent and len(refused) == 3 and "already exists" in refused[0]  # the server's refusal, shown
    assert [i["id"] for i in rs.catalog_items("pyuser", "fields")] == ["p0", "p1", "p2"]
    catalog.remove_item("fields", "p1")
    catalog.remove_collection("fields")
    assert "pyuser:fields" not in rs.catalog.collections


def test_a_refused_key_in_the_console_saves_nothing(memory_keyring, rs_emulator, fresh_services):
    with pytest.raises(PermissionDenied, match="API key was refused"):
        api.add_rs_server_connection("bad", rs_emulator.url, api_key="wrong-key-123", check_url=rs_emulator.check_url)
    assert api.connections() == []


def test_console_stac_api(memory_keyring, rs_emulator, fresh_services):
    api.add_stac_connection("public", rs_emulator.url + "/stac")
    stac = api.stac("public")
    assert [c.id for c in stac.get_collections()] == ["sentinel-2-l2a-demo"]
    items = list(stac.search(["sentinel-2-l2a-demo"], intersects=AOI, filter={"op": "<=", "args": [
        {"property": "eo:cloud_cover"}, 30]}, limit=5, method="POST"))
    assert items and stac.count(["sentinel-2-l2a-demo"], intersects=AOI) == 40
    layer = stac.open_asset(items[0], "visual")
    assert layer.isValid() and layer.source().startswith("/vsicurl/") and layer.bandCount() == 3
    with pytest.raises(InvalidInput, match="cannot be opened in place"):
        stac.open_asset(items[0], "metadata")


def test_streaming_sends_the_key_for_that_url_only_and_never_into_the_project(rs, tmp_path):
    """GDAL 3.10 (Debian 13) sends a header set for one path: the layer streams with the key for that URL only.
    GDAL 3.6 (Debian 12) does not: the keyed asset is refused in a sentence and the key is never set globally."""
    from eo_connector.qgis_glue.streaming import can_scope_headers

    catalog = api.rs_server().get_catalog_client()
    item = next(iter(catalog.search(collections=["s2_l2a"], limit=1)))
    if not can_scope_headers():
        with pytest.raises(InvalidInput, match="cannot send a key for one URL only"):
            catalog.open_asset(item, "visual")
        assert gdal.GetConfigOption("GDAL_HTTP_HEADERS") is None
        assert not rs.recorded("^/data/catalog/")
        return
    layer = catalog.open_asset(item, "visual")
    assert layer.isValid() and layer.width() == 512
    source = layer.source()
    assert gdal.GetPathSpecificOption(source, "GDAL_HTTP_HEADERS") == f"x-api-key: {DEMO_KEY}"
    assert gdal.GetPathSpecificOption(f"/vsicurl/{rs.url}/data/public/x.tif", "GDAL_HTTP_HEADERS") is None
    assert gdal.GetPathSpecificOption("/vsicurl/https://elsewhere.example/x.tif", "GDAL_HTTP_HEADERS") is None
    asset_path = "/" + item.assets["visual"].href.split("/", 3)[3]
    mine = [r for r in rs.recorded("^/data/") if r.path == asset_path]
    assert mine and all(r.header("x-api-key") == DEMO_KEY for r in mine)  # read by GDAL in place, with the key
    others = [r for r in rs.recorded("^/data/") if r.path != asset_path]  # e.g. GDAL probing for sidecar files
    assert all(r.header("x-api-key") is None for r in others)  # the key is for that URL only
    project_file = tmp_path / "streamed.qgs"
    QgsProject.instance().write(str(project_file))
    assert DEMO_KEY not in project_file.read_text(encoding="utf-8")
    # opened again (a new QGIS session: GDAL knows no credential): the plugin hands them back to GDAL
    from eo_connector.qgis_glue.streaming import forget_credentials, restore_credentials

    QgsProject.instance().clear()
    forget_credentials(source)
    assert QgsProject.instance().read(str(project_file))
    assert restore_credentials(QgsProject.instance(), services.asset_headers) == 1
    [reopened] = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source() == source]
    assert reopened.isValid() and gdal.GetPathSpecificOption(source, "GDAL_HTTP_HEADERS") == f"x-api-key: {DEMO_KEY}"


def test_processing_search_download_cadip_and_staging(rs, qgis_processing, tmp_path):
    import processing

    from eo_connector.processing.provider import EOConnectorProvider

    provider = EOConnectorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        names = {a.name() for a in provider.algorithms()}
        assert {"rs_server_search", "rs_server_download", "rs_server_cadip_search", "rs_server_auxip_search",
                "rs_server_staging", "stac_search", "stac_download"} <= names
        area = QgsVectorLayer("Polygon?crs=EPSG:4326", "area", "memory")
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((7 43.6, 7.06 43.6, 7.06 43.66, 7 43.66, 7 43.6))"))
        area.dataProvider().addFeatures([feature])
        QgsProject.instance().addMapLayer(area)
        found = processing.run("eo_connector:rs_server_search", {
            "CONNECTION": "rs", "COLLECTION": "s2_l2a", "AOI": area, "OUTPUT": "memory:"})
        assert found["OUTPUT"].featureCount() == 5
        fetched = processing.run("eo_connector:rs_server_download", {
            "CONNECTION": "rs", "ITEMS": found["OUTPUT"], "FILE_TYPES": [0], "OUTPUT_FOLDER": str(tmp_path / "d"),
            "LOAD_LAYERS": False})
        assert len(fetched["LAYERS"]) == 5 and all(os.path.getsize(f) > 1000 for f in fetched["LAYERS"])
        sessions = processing.run("eo_connector:rs_server_cadip_search", {
            "CONNECTION": "rs", "STATION": 1, "PLATFORM": 1, "START": "2024-01-15", "END": "2024-01-31",
            "OUTPUT": "memory:"})
        assert sessions["OUTPUT"].featureCount() >= 1
        staged = processing.run("eo_connector:rs_server_staging", {
            "CONNECTION": "rs", "ITEMS": sessions["OUTPUT"], "COLLECTION": "s1_processing", "OUTPUT": "memory:"})
        assert staged["OUTPUT"].featureCount() == sessions["OUTPUT"].featureCount() == staged["STAGED"]
        aux = processing.run("eo_connector:rs_server_auxip_search", {
            "CONNECTION": "rs", "PRODUCT_TYPE": "AUX_CAL", "OUTPUT": "memory:"})
        assert aux["OUTPUT"].featureCount() == 6
        records = [j.record for j in api.jobs()]
        assert {r.kind for r in records} >= {"search", "download", "cadip_search", "staging", "auxip_search"}
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)


def test_a_restart_in_the_middle_of_a_staging_job(memory_keyring, rs_emulator_factory, fresh_services, tmp_path):
    emulator = rs_emulator_factory(staging_seconds=2.0)
    services.jobs().poll_interval = 0.05
    api.add_rs_server_connection("rs", emulator.url, api_key=DEMO_KEY, check_url=emulator.check_url)
    sessions = list(api.rs_server().get_cadip_client().search(limit=1, max_items=1))
    job = api.rs_server().get_staging_client().run_staging(sessions, "s1_restart")
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + 20
    while not job.record.remote.get("jobs") and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    remote_id = job.record.remote["jobs"][0]["id"]
    # QGIS closes: the task ends without the user cancelling; the store on disk still says running
    store_path = services.jobs().store.path
    with open(store_path, encoding="utf-8") as handle:
        on_disk = json.load(handle)
    task = services.jobs().tasks[job.id]
    task.cancel()
    deadline = time.monotonic() + 20
    while services.jobs().is_running(job.id) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert not emulator.recorded("^/jobs/", "DELETE")  # closing QGIS does not dismiss the server's job
    with open(store_path, "w", encoding="utf-8") as handle:
        json.dump(on_disk, handle)
    services.reset()  # a new QGIS session reads the job list again
    services.jobs().poll_interval = 0.05
    record = JobStore(store_path).get(job.id)
    assert record.state == JobState.INTERRUPTED and record.remote["jobs"][0]["id"] == remote_id
    layers = api.job(job.id).follow().wait(timeout=60)
    assert layers and layers[0].featureCount() == 1
    assert len(emulator.recorded("^/processes/staging/execution$")) == 1  # followed, not staged again
    assert emulator.jobs[remote_id]["state"] == "successful"


def test_cancelling_a_staging_job_dismisses_it_and_failures_are_said(memory_keyring, rs_emulator_factory,
                                                                      fresh_services):
    emulator = rs_emulator_factory(staging_seconds=30)
    services.jobs().poll_interval = 0.05
    api.add_rs_server_connection("rs", emulator.url, api_key=DEMO_KEY, check_url=emulator.check_url)
    sessions = list(api.rs_server().get_cadip_client().search(limit=1, max_items=1))
    job = api.rs_server().get_staging_client().run_staging(sessions, "s1_cancel")
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + 20
    while not emulator.recorded("^/jobs/", "GET") and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    job.cancel()
    with pytest.raises(EOError):
        job.wait(timeout=30)
    assert emulator.recorded("^/jobs/", "DELETE")
    assert list(emulator.jobs.values())[0]["state"] == "dismissed"
    emulator.staging_seconds = 0.2
    emulator.fail_staging("The station refused the transfer")
    failed = api.rs_server().get_staging_client().run_staging(sessions, "s1_fail")
    with pytest.raises(EOError, match="failed on RS-Server: The station refused the transfer"):
        failed.wait(timeout=30)
    assert failed.state == JobState.FAILED
