"""The BEOD emulator is strict and speaks protocols/brightearth.md (checked with plain requests)."""

import hashlib
import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
import requests
import urllib3
from osgeo import gdal, ogr
from shapely import wkt

from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD, EVIL_TREE_KEYS, EVIL_ZIP_MEMBERS
from tests.emulators.geodata import write_export

# The tutorial's AOI (about 0.5 km² around LuxCarta's French office): small enough for a zip answer.
TUTORIAL_AOI = (
    "POLYGON (( 6.9526850935291 43.6127384923652, 6.94943181004093 43.6123795674845, 6.94656582220611 "
    "43.611370079773, 6.95060918882712 43.6056268939605, 6.95587640971274 43.605649329347, 6.95759600241363 "
    "43.6079825638504, 6.95877338119982 43.6099231178373, 6.95855649563394 43.6117963099847, 6.9526850935291 "
    "43.6127384923652 ))"
)
TUTORIAL_BODY = {
    "name": "My First extraction", "source_image_type": "basemap", "source_image_id": 1, "augmented": False,
    "output_crs": 3857, "vector_formats": "shapefile,geopackage", "raster_formats": "geotiff",
    "three_d_formats": "3d_tiles", "dl_models": [],
}
FILES_PER_TILE = 29  # 4 vector layers x (5 shapefile + 1 gpkg) + dtm.tif + 2 x (tileset.json + .b3dm)
TIMEOUT = 10


class Api:
    """A minimal BEOD caller: token in a header for API calls only."""

    def __init__(self, beod, token=None):
        self.beod = beod
        self.token = token or login(beod).json()["access_token"]

    def call(self, method, path, timeout=TIMEOUT, **kwargs):
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        return requests.request(method, self.beod.url + path, headers=headers, timeout=timeout, **kwargs)

    def project(self, aoi=TUTORIAL_AOI):
        project_id = self.call("POST", "/users/me/projects", json={"name": "Tutorial project"}).json()["project_id"]
        if aoi:
            assert self.call("POST", f"/users/me/projects/{project_id}/assets/aoi", json={"geometry": aoi}).status_code == 201
        return project_id

    def scenario(self, project_id, **overrides):
        answer = self.call("POST", f"/users/me/projects/{project_id}/scenarios/extraction-mono",
                           json={**TUTORIAL_BODY, **overrides})
        assert answer.status_code == 201, answer.text
        return answer.json()["scenario_id"], answer.json()["activity_id"]

    def activity(self, project_id, activity_id):
        return self.call("GET", f"/users/me/projects/{project_id}/activities/{activity_id}").json()

    def urls(self, project_id, scenario_id, **params):
        return self.call("GET", f"/users/me/projects/{project_id}/scenarios/{scenario_id}/download/urls", params=params)

    def finished_scenario(self, aoi=TUTORIAL_AOI, **overrides):
        project_id = self.project(aoi)
        scenario_id, _ = self.scenario(project_id, **overrides)
        self.beod.advance(self.beod.run_seconds)
        return project_id, scenario_id


def login(beod, email=DEMO_EMAIL, password=DEMO_PASSWORD):
    return requests.post(beod.url + "/auth/login", json={"email": email, "password": password}, timeout=TIMEOUT)


def leaves(tree, prefix=()):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from leaves(value, prefix + (key,))
        elif key != "NextContinuationToken":
            yield prefix + (key,), value


# --- authentication and user ----------------------------------------------------------------------------------
def test_login_gives_bearer_tokens_and_refuses_bad_credentials(beod_emulator):
    answer = login(beod_emulator)
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 86400
    assert body["access_token"] and body["refresh_token"] and body["access_token"] != body["refresh_token"]

    wrong = login(beod_emulator, password="Correct horse")
    assert wrong.status_code == 401 and wrong.json() == {"message": "Incorrect username or password."}
    assert login(beod_emulator, email="nobody@example.com").status_code == 401
    url = beod_emulator.url + "/auth/login"
    assert requests.post(url, data="email=a&password=b", timeout=TIMEOUT).status_code == 400
    assert requests.post(url, json={"email": DEMO_EMAIL}, timeout=TIMEOUT).status_code == 400
    assert requests.get(url, timeout=TIMEOUT).status_code == 405


def test_api_needs_a_valid_unexpired_bearer_token(beod_emulator):
    me = beod_emulator.url + "/users/me"
    assert requests.get(me, timeout=TIMEOUT).json() == {"message": "Unauthorized"}
    assert requests.get(me, headers={"Authorization": "Bearer forged"}, timeout=TIMEOUT).status_code == 401
    api = Api(beod_emulator)
    assert api.call("GET", "/users/me").status_code == 200

    beod_emulator.expire_tokens()
    expired = api.call("GET", "/users/me")
    assert expired.status_code == 401 and expired.json() == {"message": "The incoming token has expired"}
    fresh = Api(beod_emulator)
    assert fresh.call("GET", "/users/me").status_code == 200
    beod_emulator.advance(86400)  # tokens also age out on their own
    assert fresh.call("GET", "/users/me").json()["message"] == "The incoming token has expired"


def test_users_me_and_user_id_paths(beod_emulator):
    api = Api(beod_emulator)
    me = api.call("GET", "/users/me").json()
    assert me["id"] == beod_emulator.user_id() and me["email"] == DEMO_EMAIL and me["credits"] == 1000
    assert api.call("GET", f"/users/{me['id']}").json()["id"] == me["id"]
    assert api.call("GET", f"/users/{me['id']}/projects").status_code == 200
    other = "c235a4c4-4041-7088-d792-6c985bb01d72"
    assert api.call("GET", f"/users/{other}/projects").status_code == 403


def test_unknown_route_is_404_and_wrong_method_405(beod_emulator):
    api = Api(beod_emulator)
    assert api.call("GET", "/nowhere").status_code == 404
    assert api.call("DELETE", "/users/me/projects").status_code == 405
    assert "POST" in api.call("DELETE", "/users/me/projects").headers["Allow"]


# --- projects, AOI and scenarios ------------------------------------------------------------------------------
def test_project_aoi_and_scenario_creation_and_listing(beod_emulator):
    api = Api(beod_emulator)
    created = api.call("POST", "/users/me/projects", json={"name": "Tutorial project"})
    assert created.status_code == 201 and isinstance(created.json()["project_id"], int)
    project_id = created.json()["project_id"]
    assert [p["name"] for p in api.call("GET", "/users/me/projects").json()] == ["Tutorial project"]
    assert api.call("GET", f"/users/me/projects/{project_id}/assets").json() == []

    aoi = api.call("POST", f"/users/me/projects/{project_id}/assets/aoi", json={"geometry": TUTORIAL_AOI})
    assert aoi.status_code == 201 and isinstance(aoi.json()["asset_id"], int)
    second = api.call("POST", f"/users/me/projects/{project_id}/assets/aoi", json={"geometry": TUTORIAL_AOI})
    assert second.status_code == 409 and "detail" in second.json()
    assert [a["asset_id"] for a in api.call("GET", f"/users/me/projects/{project_id}/assets").json()] == [
        aoi.json()["asset_id"]]
    assert api.call("POST", "/users/me/projects/999999/assets/aoi", json={"geometry": TUTORIAL_AOI}).status_code == 404

    scenario_id, activity_id = api.scenario(project_id)
    listed = api.call("GET", f"/users/me/projects/{project_id}/scenarios").json()
    assert [(s["scenario_id"], s["activity_id"]) for s in listed] == [(scenario_id, activity_id)]
    assert api.call("GET", "/users/me").json()["credits"] == 1000 - beod_emulator.scenario(scenario_id)["cost"]


@pytest.mark.parametrize("geometry, reason", [
    ("MULTIPOLYGON (((6.95 43.61, 6.96 43.61, 6.96 43.62, 6.95 43.61)))", "POLYGON"),
    ("POINT (6.95 43.61)", "POLYGON"),
    ("POLYGON ((6.95 43.61, 6.96 43.62, 6.96 43.61, 6.95 43.62, 6.95 43.61))", "Invalid AOI"),  # bow-tie
    ("POLYGON ((6.95 43.61, 6.96 43.61", "Invalid WKT"),
    ("POLYGON ((43.61 6.95, 43.62 6.95, 43.62 96.0, 43.61 6.95))", "out of range"),
    ("POLYGON ((6 43, 7 43, 7 44, 6 44, 6 43))", "too large"),  # ~8 900 km²
    ("POLYGON EMPTY", "empty"),
])
def test_aoi_refusals(beod_emulator, geometry, reason):
    api = Api(beod_emulator)
    project_id = api.project(aoi=None)
    answer = api.call("POST", f"/users/me/projects/{project_id}/assets/aoi", json={"geometry": geometry})
    assert answer.status_code == 400 and reason in answer.json()["detail"]


@pytest.mark.parametrize("overrides", [
    {"colour": "red"}, {"name": ""}, {"output_crs": 2154}, {"output_crs": "3857"}, {"augmented": "false"},
    {"vector_formats": "shapefile,kml"}, {"vector_formats": "shapefile,shapefile"}, {"source_image_id": 2},
    {"source_image_type": "satellite"}, {"augmented": True}, {"dl_models": "default"},
    {"vector_formats": "", "raster_formats": "", "three_d_formats": ""},
])
def test_scenario_body_refusals(beod_emulator, overrides):
    api = Api(beod_emulator)
    project_id = api.project()
    answer = api.call("POST", f"/users/me/projects/{project_id}/scenarios/extraction-mono",
                      json={**TUTORIAL_BODY, **overrides})
    assert answer.status_code == 400 and answer.json()["detail"]


def test_scenario_refusals_type_missing_field_no_aoi_and_credits(beod_emulator_factory):
    beod = beod_emulator_factory(credits=1)
    api = Api(beod)
    project_id = api.project()
    path = f"/users/me/projects/{project_id}/scenarios"
    assert api.call("POST", f"{path}/extraction-stereo", json=TUTORIAL_BODY).status_code == 404
    missing = {k: v for k, v in TUTORIAL_BODY.items() if k != "dl_models"}
    assert "dl_models" in api.call("POST", f"{path}/extraction-mono", json=missing).json()["detail"]
    no_aoi = api.project(aoi=None)
    assert api.call("POST", f"/users/me/projects/{no_aoi}/scenarios/extraction-mono",
                    json=TUTORIAL_BODY).status_code == 400

    api.scenario(project_id)  # costs the only credit
    assert api.call("GET", "/users/me").json()["credits"] == 0
    broke = api.call("POST", f"{path}/extraction-mono", json=TUTORIAL_BODY)
    assert broke.status_code == 402 and broke.json()["detail"].startswith("Not enough credits")


# --- activities -----------------------------------------------------------------------------------------------
def test_activity_moves_through_states_with_rising_progress(beod_emulator_factory):
    beod = beod_emulator_factory(run_seconds=100)
    api = Api(beod)
    project_id = api.project()
    scenario_id, activity_id = api.scenario(project_id)
    first = api.activity(project_id, activity_id)
    assert set(first) == {"project_id", "user_id", "type", "progress", "state", "creation_date", "start_date",
                          "end_date", "details", "misc", "scenario_id", "activity_id", "id"}
    assert (first["state"], first["progress"], first["type"]) == ("CREATED", 0.0, "SCENARIO-EXECUTION")
    assert (first["scenario_id"], first["id"], first["user_id"]) == (scenario_id, activity_id, beod.user_id())
    assert api.urls(project_id, scenario_id).status_code == 409

    seen = []
    for step in (10, 30, 30, 40):
        beod.advance(step)
        seen.append(api.activity(project_id, activity_id))
    assert [a["state"] for a in seen] == ["PENDING", "RUNNING", "RUNNING", "SUCCESSFUL"]
    assert 0 < seen[1]["progress"] < seen[2]["progress"] < 100 == seen[3]["progress"]
    assert seen[1]["start_date"] and seen[3]["end_date"] and seen[2]["end_date"] is None
    assert api.call("GET", f"/users/me/projects/{project_id}/activities/1").status_code == 404


def test_failing_scenario_ends_failed_with_details(beod_emulator):
    api = Api(beod_emulator)
    project_id, scenario_id = api.finished_scenario(name="this one should FAIL")
    activity = api.activity(project_id, beod_emulator.scenario(scenario_id)["activity_id"])
    assert activity["state"] == "FAILED" and "imagery" in activity["details"] and activity["end_date"]
    assert api.urls(project_id, scenario_id).status_code == 409


def test_fail_when_accepts_a_predicate_on_the_body(beod_emulator_factory):
    beod = beod_emulator_factory(fail_when=lambda body: body["output_crs"] == 4326)
    api = Api(beod)
    _, failing = api.finished_scenario(output_crs=4326)
    _, passing = api.finished_scenario(name="fail is only a word here")
    assert beod.scenario(failing)["activity"]["state"] == "FAILED"
    assert beod.scenario(passing)["activity"]["state"] == "SUCCESSFUL"


# --- results and presigned storage ----------------------------------------------------------------------------
def test_small_aoi_gets_one_zip_of_real_files(beod_emulator, tmp_path):
    api = Api(beod_emulator)
    project_id, scenario_id = api.finished_scenario()
    answer = api.urls(project_id, scenario_id).json()
    assert list(answer) == [f"{scenario_id}.zip"]
    download = requests.get(answer[f"{scenario_id}.zip"], timeout=TIMEOUT)  # no Authorization header
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/zip"
    assert download.headers["ETag"] == f'"{hashlib.md5(download.content).hexdigest()}"'
    zipfile.ZipFile(io.BytesIO(download.content)).extractall(tmp_path)

    export = tmp_path / "EXPORT"
    for layer in ("building", "tree", "road", "clutter"):
        for path in (export / layer / "shapefile" / f"{layer}.shp", export / layer / "geopackage" / f"{layer}.gpkg"):
            dataset = ogr.Open(str(path))
            assert dataset.GetLayer(0).GetFeatureCount() > 0
            assert dataset.GetLayer(0).GetSpatialRef().GetAuthorityCode(None) == "3857"
    raster = gdal.Open(str(export / "dtm" / "geotiff" / "dtm.tif"))
    assert raster.GetRasterBand(1).DataType == gdal.GDT_Float32 and raster.GetRasterBand(1).GetNoDataValue() == -9999
    tileset = json.loads((export / "building" / "3d_tiles" / "tileset.json").read_text())
    b3dm = (export / "building" / "3d_tiles" / tileset["root"]["content"]["uri"]).read_bytes()
    magic, version, length, table_length = struct.unpack_from("<4sIII", b3dm)
    assert (magic, version, length) == (b"b3dm", 1, len(b3dm))
    assert b3dm[28 + table_length:28 + table_length + 4] == b"glTF"


def test_tree_answer_pages_with_continuation_tokens(beod_emulator_factory):
    beod = beod_emulator_factory(tile_count=4, page_size=40)
    api = Api(beod)
    project_id, scenario_id = api.finished_scenario(output_crs=4326)
    files, tokens = {}, []
    answer = api.urls(project_id, scenario_id).json()
    while True:
        page = dict(leaves(answer))
        assert len(page) <= 40 and not files.keys() & page.keys()
        files.update(page)
        if "NextContinuationToken" not in answer:
            break
        tokens.append(answer["NextContinuationToken"])
        answer = api.urls(project_id, scenario_id, continuation_token=tokens[-1]).json()
    assert len(tokens) == 2 and all("+" in token for token in tokens)  # '+' must be URL-encoded by clients
    assert len(files) == 4 * FILES_PER_TILE and {path[0] for path in files} == {"0", "1", "2", "3"}
    assert ("0", "EXPORT", "building", "shapefile", "building.shp") in files

    raster = requests.get(files[("3", "EXPORT", "dtm", "geotiff", "dtm.tif")], timeout=TIMEOUT)
    gdal.FileFromMemBuffer("/vsimem/tile3.tif", raster.content)
    assert gdal.Open("/vsimem/tile3.tif").GetProjection().find("4326") > 0
    gdal.Unlink("/vsimem/tile3.tif")

    assert api.urls(project_id, scenario_id, continuation_token="garbage").status_code == 400
    assert api.urls(project_id, scenario_id, continuation_token=tokens[0].replace("+", " ")).status_code == 400
    other_id, _ = api.scenario(project_id)
    beod.advance(beod.run_seconds)
    assert api.urls(project_id, other_id, continuation_token=tokens[0]).status_code == 400
    tutorial_bug = f"/users/me/projects/{project_id}/scenarios/{scenario_id}/download/urls&continuation_token=x"
    assert api.call("GET", tutorial_bug).status_code == 404


def test_presigned_urls_are_strict_like_s3(beod_emulator_factory):
    beod = beod_emulator_factory(url_ttl=60)
    api = Api(beod)
    project_id, scenario_id = api.finished_scenario()
    url = api.urls(project_id, scenario_id).json()[f"{scenario_id}.zip"]
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=60" in url
    whole = requests.get(url, timeout=TIMEOUT).content

    head = requests.head(url, timeout=TIMEOUT)
    assert head.headers["Content-Length"] == str(len(whole)) and head.headers["Accept-Ranges"] == "bytes"
    part = requests.get(url, headers={"Range": "bytes=10-19"}, timeout=TIMEOUT)
    assert part.status_code == 206 and part.content == whole[10:20]
    assert part.headers["Content-Range"] == f"bytes 10-19/{len(whole)}"
    assert requests.get(url, headers={"Range": "bytes=-5"}, timeout=TIMEOUT).content == whole[-5:]
    beyond = requests.get(url, headers={"Range": f"bytes={len(whole)}-"}, timeout=TIMEOUT)
    assert beyond.status_code == 416 and beyond.headers["Content-Range"] == f"bytes */{len(whole)}"

    with_auth = requests.get(url, headers={"Authorization": f"Bearer {api.token}"}, timeout=TIMEOUT)
    assert with_auth.status_code == 400 and "<Code>InvalidArgument</Code>" in with_auth.text
    forged = requests.get(url[:-4] + "0000", timeout=TIMEOUT)
    assert forged.status_code == 403 and "<Code>SignatureDoesNotMatch</Code>" in forged.text
    assert requests.put(url, data=b"x", timeout=TIMEOUT).status_code == 403

    beod.advance(61)
    expired = requests.get(url, timeout=TIMEOUT)
    assert expired.status_code == 403 and "<Message>Request has expired</Message>" in expired.text
    fresh = api.urls(project_id, scenario_id).json()[f"{scenario_id}.zip"]
    assert requests.get(fresh, timeout=TIMEOUT).content == whole
    beod.expire_urls()
    assert "<Code>AccessDenied</Code>" in requests.get(fresh, timeout=TIMEOUT).text

    # the record lets client tests trace secrets: here only the one deliberate storage call carried the token
    assert {r.path for r in beod.requests_containing(DEMO_PASSWORD)} == {"/auth/login"}
    assert [r.method for r in beod.storage_requests() if "authorization" in r.headers] == ["GET"]


def test_head_can_be_refused_like_a_get_presigned_s3_url(beod_emulator_factory):
    beod = beod_emulator_factory(storage_allows_head=False)
    api = Api(beod)
    project_id, scenario_id = api.finished_scenario()
    url = api.urls(project_id, scenario_id).json()[f"{scenario_id}.zip"]
    assert requests.head(url, timeout=TIMEOUT).status_code == 403
    assert requests.get(url, timeout=TIMEOUT).status_code == 200


def test_evil_keys_put_traversal_names_in_tree_and_zip(beod_emulator_factory):
    tiled = beod_emulator_factory(evil_keys=True, tile_count=2)
    api = Api(tiled)
    project_id, scenario_id = api.finished_scenario()
    files = dict(leaves(api.urls(project_id, scenario_id).json()))
    assert set(EVIL_TREE_KEYS) <= files.keys()
    assert b"outside the output folder" in requests.get(files[("../escape.txt",)], timeout=TIMEOUT).content

    zipped = beod_emulator_factory(evil_keys=True)
    api = Api(zipped)
    project_id, scenario_id = api.finished_scenario()
    url = api.urls(project_id, scenario_id).json()[f"{scenario_id}.zip"]
    names = zipfile.ZipFile(io.BytesIO(requests.get(url, timeout=TIMEOUT).content)).namelist()
    assert set(EVIL_ZIP_MEMBERS) <= set(names)


# --- faults ---------------------------------------------------------------------------------------------------
def test_status_faults_429_and_503_then_recovery(beod_emulator):
    api = Api(beod_emulator)
    beod_emulator.faults.add(r"^/users/me$", "status", status=429, retry_after=2)
    beod_emulator.faults.add(r"^/users/me$", "status", status=503)
    limited = api.call("GET", "/users/me")
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "2"
    assert api.call("GET", "/users/me").status_code == 503
    assert api.call("GET", "/users/me").status_code == 200
    assert beod_emulator.faults.hits(r"^/users/me$") == 3


def test_drop_truncate_and_reset_faults_on_storage(beod_emulator):
    api = Api(beod_emulator)
    project_id, scenario_id = api.finished_scenario()
    url = api.urls(project_id, scenario_id).json()[f"{scenario_id}.zip"]
    whole = requests.get(url, timeout=TIMEOUT).content

    beod_emulator.faults.add(r"^/storage/", "drop", after_bytes=1000)
    dropped = requests.get(url, stream=True, timeout=TIMEOUT)
    assert dropped.headers["Content-Length"] == str(len(whole))
    # reading the whole body notices the missing bytes (requests' iter_content over urllib3 1.26 does not)
    with pytest.raises(urllib3.exceptions.ProtocolError):
        dropped.raw.read()
    beod_emulator.faults.add(r"^/storage/", "truncate", after_bytes=1000)
    short = requests.get(url, timeout=TIMEOUT)
    assert short.status_code == 200 and short.content == whole[:1000]
    beod_emulator.faults.add(r"^/storage/", "reset")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(url, timeout=TIMEOUT)
    assert requests.get(url, timeout=TIMEOUT).content == whole
    assert beod_emulator.faults.hits(r"^/storage/", method="GET") == 5


def test_latency_and_slow_faults_trip_client_timeouts(beod_emulator):
    api = Api(beod_emulator)
    beod_emulator.faults.latency(0.5)
    with pytest.raises(requests.exceptions.ReadTimeout):
        api.call("GET", "/users/me", timeout=0.1)
    beod_emulator.faults.clear()
    beod_emulator.faults.add(r"^/users/me$", "slow", delay=0.5)
    with pytest.raises(requests.exceptions.ReadTimeout):
        api.call("GET", "/users/me", timeout=0.1)
    assert api.call("GET", "/users/me").status_code == 200


def test_stop_closes_keep_alive_connections(beod_emulator_factory):
    beod = beod_emulator_factory()
    with requests.Session() as session:
        assert session.post(beod.url + "/auth/login", json={"email": DEMO_EMAIL, "password": "x"},
                            timeout=TIMEOUT).status_code == 401
        url = beod.url
        beod.stop()
        with pytest.raises(requests.exceptions.ConnectionError):
            session.get(url + "/users/me", timeout=TIMEOUT)


# --- result files ---------------------------------------------------------------------------------------------
def test_result_files_are_deterministic_and_in_the_output_crs(tmp_path):
    aoi = wkt.loads(TUTORIAL_AOI)
    first = write_export(tmp_path / "a", aoi, output_crs=4326)
    second = write_export(tmp_path / "b", aoi, output_crs=4326)
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    shp = next(p for p in first if p.name == "building.shp")
    dataset = ogr.Open(str(shp))  # keep the dataset alive while its layer is used
    minx, maxx, miny, maxy = dataset.GetLayer(0).GetExtent()
    bounds = aoi.bounds
    assert bounds[0] <= minx and maxx <= bounds[2] and bounds[1] <= miny and maxy <= bounds[3]
    assert Path(shp.with_suffix(".cpg")).read_text() == "UTF-8"
