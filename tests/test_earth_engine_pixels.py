"""Pixels over the AOI, assets, the catalogue, features, exports and live maps against the Earth Engine emulator
(pure: no QGIS): tiles under the limits fetched in parallel into one clipped COG; a token expiring mid-download,
a tile failing with 5xx then succeeding, 429 honoured, a request over the limits split, cancel (no COG), resume."""

import os

import pytest

from eo_connector.core.aoi import aoi_from_wkt
from eo_connector.core.errors import Cancelled
from eo_connector.core.progress import Progress
from eo_connector.providers.earth_engine import assets
from eo_connector.providers.earth_engine.exports import running_tasks
from eo_connector.providers.earth_engine.expressions import asset_expression, describe, parse_vis, visualize
from eo_connector.providers.earth_engine.platform import PLATFORM
from tests.emulators.earth_engine_data import LSIB, MANY_FOLDER, PROJECT, SRTM

gdal = pytest.importorskip("osgeo.gdal")
AOI_WKT = "POLYGON((7.0 43.6, 7.06 43.6, 7.06 43.66, 7.03 43.64, 7.0 43.66, 7.0 43.6))"


@pytest.fixture
def session(ee_emulator, ee_context, ee_connection):
    connection = ee_connection(ee_emulator)
    PLATFORM.sign_in(ee_context, connection, {"sign_in": "credentials"})
    return connection


def pixels_record(connection, tmp_path, **values):
    operation = PLATFORM.operation("pixels")
    values = {"image": SRTM, "aoi": aoi_from_wkt(AOI_WKT, "test"), "scale": 30, "crs": "EPSG:4326",
              "output_dir": str(tmp_path), **values}
    return operation, operation.new_record(connection, values)


def run(ctx, connection, operation, record, progress=None):
    client = PLATFORM.client(ctx, connection)
    with client.http:
        return operation.run(client, record, progress or Progress(), lambda r: None, poll_interval=0.02)


def test_pixels_come_in_tiles_assembled_into_one_cog_clipped_to_the_aoi(ee_emulator, ee_context, session,
                                                                       tmp_path):
    operation, record = pixels_record(session, tmp_path, scale=10)
    record.params["max_request_bytes"] = 200_000  # several tiles even for this small area
    [path] = run(ee_context, session, operation, record)
    assert record.remote["tiles"] > 4 and len(ee_emulator.recorded("image:computePixels")) == record.remote["tiles"]
    dataset = gdal.Open(path)
    assert dataset.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    assert (dataset.RasterXSize, dataset.RasterYSize) == (667, 667)
    band = dataset.GetRasterBand(1)
    data = band.ReadAsArray()
    assert data[5, 333] == band.GetNoDataValue() or data[5, 333] == 0  # the AOI's notch is outside: cut
    assert data[600, 300] != 0  # inside: real values
    body = ee_emulator.recorded("image:computePixels")[0].json()
    assert body["fileFormat"] == "GEO_TIFF" and body["grid"]["crsCode"] == "EPSG:4326"
    assert not os.path.exists(path + ".part")


def test_a_projected_crs_and_chosen_bands(ee_emulator, ee_context, session, tmp_path):
    operation, record = pixels_record(session, tmp_path, image="COPERNICUS/S2_SR_HARMONIZED", crs="EPSG:32632",
                                      bands="B4,B3", scale=20)
    [path] = run(ee_context, session, operation, record)
    dataset = gdal.Open(path)
    assert dataset.RasterCount == 2 and "32632" in dataset.GetProjection() or "UTM zone 32N" in dataset.GetProjection()
    assert ee_emulator.recorded("image:computePixels")[0].json()["bandIds"] == ["B4", "B3"]


def test_token_expiry_5xx_and_429_in_the_middle_of_a_tiled_download(ee_emulator, ee_context, session, tmp_path):
    operation, record = pixels_record(session, tmp_path, scale=10)
    record.params["max_request_bytes"] = 200_000
    ee_emulator.faults.add(r"image:computePixels$", "status", status=503, times=1)
    ee_emulator.busy(times=2, retry_after=0)
    ee_emulator.accounts.expire_access_tokens()  # the token the client holds is refused mid-way
    before = ee_emulator.accounts.grants.count("refresh_token")
    [path] = run(ee_context, session, operation, record)
    assert gdal.Open(path).RasterXSize == 667
    assert ee_emulator.accounts.grants.count("refresh_token") - before == 1  # one renewal for all the tiles


def test_a_request_over_the_limits_is_split_instead_of_failing(ee_emulator_factory, ee_context, ee_connection,
                                                              tmp_path):
    emulator = ee_emulator_factory(max_request_bytes=120_000)  # the service's limit is lower than we assume
    connection = ee_connection(emulator)
    PLATFORM.sign_in(ee_context, connection, {"sign_in": "credentials"})
    operation, record = pixels_record(connection, tmp_path, scale=10)
    record.params["max_request_bytes"] = 600_000
    [path] = run(ee_context, connection, operation, record)
    assert gdal.Open(path).RasterXSize == 667
    refused = [r for r in emulator.recorded("image:computePixels")]
    assert len(refused) > record.remote["tiles"] // 4  # some were refused, then asked again in quarters
    assert all(w["width"] * w["height"] * 2 <= 120_000 for w in record.remote["windows"])


def test_cancel_mid_download_leaves_no_cog_and_a_new_run_resumes(ee_emulator, ee_context, session, tmp_path):
    operation, record = pixels_record(session, tmp_path, scale=10)
    record.params["max_request_bytes"] = 200_000
    record.params["workers"] = 1
    progress = Progress()
    seen = []

    class Cancelling(Progress):
        def on_report(self, fraction, message):
            seen.append(fraction)
            if fraction > 0.2:
                progress.cancel()

        def is_cancel_requested(self):
            return progress.cancelled()

    with pytest.raises(Cancelled):
        run(ee_context, session, operation, record, Cancelling())
    output = os.path.join(record.output_dir, record.params["file_name"])
    assert not os.path.exists(output) and not os.path.exists(output + ".part")
    tiles = os.listdir(os.path.join(record.output_dir, "tiles"))
    assert 0 < len([t for t in tiles if t.endswith(".tif")]) < record.remote["tiles"]
    asked = len(ee_emulator.recorded("image:computePixels"))
    [path] = run(ee_context, session, operation, record)  # Follow again: only the missing tiles
    assert path == output and len(ee_emulator.recorded("image:computePixels")) - asked < record.remote["tiles"]


def test_assets_page_by_page_legacy_roots_and_the_public_catalogue(ee_emulator, ee_context, session):
    client = PLATFORM.client(ee_context, session)
    items, token = assets.list_folder(client, f"projects/{PROJECT}/assets/{MANY_FOLDER}")
    assert len(items) == 100 and token
    more, token = assets.list_folder(client, f"projects/{PROJECT}/assets/{MANY_FOLDER}", token)
    assert len(more) == 30 and not token
    root, _ = assets.list_folder(client, assets.project_root(PROJECT))
    assert {i.properties["type"] for i in root} == {"FOLDER"}
    legacy, _ = assets.list_folder(client, assets.legacy_root("users/analyst"))
    assert [i.properties["title"] for i in legacy] == ["old_dem"]
    assets.forget_catalogues()
    found = assets.search_catalogue(client.http, client.catalog_url, "usgs srtm")
    assert [i.id for i in found] == [SRTM]
    detailed = assets.dataset_item(client.http, found[0])
    assert detailed.properties["type"] == "IMAGE" and detailed.properties["bands"] == ["elevation"]
    assert detailed.assets["thumbnail"].href.endswith(".png")
    image = assets.asset_item(client.get_asset(SRTM))
    assert "elevation (int)" in assets.describe_item(image) and image.properties["size"] == 123456789


def test_features_are_read_page_by_page(ee_emulator, ee_context, session, tmp_path):
    import json

    operation = PLATFORM.operation("features")
    record = operation.new_record(session, {"image": LSIB, "output_dir": str(tmp_path)})
    [path] = run(ee_context, session, operation, record)
    assert len(json.load(open(path))["features"]) == 2500
    assert len(ee_emulator.recorded("table:computeFeatures")) == 3


def test_exports_are_followed_and_cancelled_on_the_server(ee_emulator, ee_context, session):
    operation = PLATFORM.operation("export")
    values = {"image": SRTM, "destination": "drive", "target": "ee_exports", "aoi": aoi_from_wkt(AOI_WKT),
              "scale": 30}
    record = operation.new_record(session, values)
    assert run(ee_context, session, operation, record) == [] and record.remote["state"] == "SUCCEEDED"
    body = ee_emulator.recorded("image:export")[0].json()
    assert body["fileExportOptions"]["driveDestination"]["folder"] == "ee_exports"
    assert "Image.clipToBoundsAndScale" in str(body["expression"])
    ee_emulator.operation_seconds = 100
    record = operation.new_record(session, values)
    progress = Progress()
    client = PLATFORM.client(ee_context, session)
    with pytest.raises(Cancelled):
        operation.run(client, record, progress, lambda r: progress.cancel(), poll_interval=0.02)
    assert ee_emulator.operations[record.remote["operation"]]["cancelled"]
    running = running_tasks(PLATFORM.client(ee_context, session))
    assert [d for _n, d, _s in running] == ["my_long_export"]


def test_live_maps_expire_and_are_made_again_from_the_saved_state(ee_emulator, ee_context, session):
    import requests

    layer = PLATFORM.operation("layer")
    record = layer.new_record(session, {"image": SRTM, "min": "0", "max": "500", "palette": "000000,ffffff"})
    [result] = run(ee_context, session, layer, record)
    tile = result["url"].format(z=10, x=531, y=373)
    answer = requests.get(tile)
    assert answer.status_code == 200 and answer.content[:4] == b"\x89PNG"
    ee_emulator.expire_maps()
    assert requests.get(tile).status_code == 404
    fresh = PLATFORM.refresh_live_layer(ee_context, session, result["state"])
    assert fresh != result["url"] and requests.get(fresh.format(z=10, x=531, y=373)).status_code == 200
    assert "token" not in str(result["state"]).lower()


def test_expressions_without_the_library():
    expression = visualize(asset_expression("X/Y", "IMAGE_COLLECTION"), parse_vis("b1", 0, 10, "#000000,ffffff"))
    assert describe(expression) == "X/Y"
    call = expression["values"][expression["result"]]["functionInvocationValue"]
    assert call["functionName"] == "Image.visualize" and call["arguments"]["palette"]["constantValue"] == [
        "000000", "ffffff"]
    from eo_connector.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="one band .* or three bands"):
        parse_vis("a,b")
    with pytest.raises(InvalidInput, match="minimum of the stretch must be below"):
        parse_vis("a", 5, 1)
