"""The Earth Engine emulator is strict, as the service is: no token or an expired one is refused, a project the
account may not use is refused in Google's words, computePixels over the limits and too many at once are refused as
the service words it, the discovery document is served with the version path fixed, SEPAL wants its cookie and a
path, faults are injected."""

import json

import pytest
import requests

from tests.emulators.earth_engine_data import PROJECT, SRTM

SRTM_EXPRESSION = {"result": "0", "values": {"0": {"functionInvocationValue": {
    "functionName": "Image.load", "arguments": {"id": {"constantValue": SRTM}}}}}}


def grid(width, height):
    return {"dimensions": {"width": width, "height": height}, "affineTransform": {
        "scaleX": 0.001, "shearX": 0, "translateX": 7.0, "shearY": 0, "scaleY": -0.001, "translateY": 43.7},
        "crsCode": "EPSG:4326"}


@pytest.fixture
def bearer(ee_emulator):
    return {"Authorization": "Bearer " + ee_emulator.accounts.issue_access_token()}


def post(emulator, path, body, headers):
    return requests.post(f"{emulator.url}/v1/projects/{PROJECT}/{path}", json=body, headers=headers)


def test_tokens_and_projects_are_checked(ee_emulator, bearer):
    answer = requests.get(f"{ee_emulator.url}/v1/projects/{PROJECT}:listAssets")
    assert answer.status_code == 401 and answer.json()["error"]["status"] == "UNAUTHENTICATED"
    answer = requests.get(f"{ee_emulator.url}/v1/projects/somebody-else:listAssets", headers=bearer)
    assert answer.status_code == 403 and "Caller does not have required permission to use project somebody-else" \
        in answer.json()["error"]["message"]
    ee_emulator.advance(7200)  # the token has expired
    assert requests.get(f"{ee_emulator.url}/v1/projects/{PROJECT}:listAssets", headers=bearer).status_code == 401


def test_compute_pixels_limits_in_the_services_words(ee_emulator_factory):
    emulator = ee_emulator_factory(max_request_bytes=10_000, max_concurrent=0)
    headers = {"Authorization": "Bearer " + emulator.accounts.issue_access_token()}
    body = {"expression": SRTM_EXPRESSION, "fileFormat": "GEO_TIFF", "grid": grid(100, 100)}
    emulator.max_concurrent = 40
    answer = post(emulator, "image:computePixels", body, headers)
    assert answer.status_code == 400 and answer.json()["error"]["message"] == \
        "Total request size (20000 bytes) must be less than or equal to 10000 bytes."
    body["grid"] = grid(40000, 1)
    assert "must be less than or equal to 32768" in post(emulator, "image:computePixels", body, headers).text
    body["grid"] = grid(10, 10)
    answer = post(emulator, "image:computePixels", body, headers)
    assert answer.status_code == 200 and answer.content[:2] in (b"II", b"MM")
    emulator.max_concurrent = 0
    answer = post(emulator, "image:computePixels", body, headers)
    assert answer.status_code == 429 and answer.json()["error"] == {
        "code": 429, "message": "Too many concurrent requests.", "status": "RESOURCE_EXHAUSTED"}
    emulator.max_concurrent = 40
    emulator.busy(times=1, retry_after=2)
    answer = post(emulator, "image:computePixels", body, headers)
    assert answer.status_code == 429 and answer.headers["Retry-After"] == "2"


def test_values_maps_and_refusals(ee_emulator, bearer):
    answer = post(ee_emulator, "value:compute", {"expression": {"result": "0", "values": {"0": {
        "functionInvocationValue": {"functionName": "Number.add", "arguments": {
            "left": {"constantValue": 5}, "right": {"constantValue": 3}}}}}}}, bearer)
    assert answer.json() == {"result": 8}
    answer = post(ee_emulator, "value:compute", {"expression": {"nope": 1}}, bearer)
    assert answer.status_code == 400 and answer.json()["error"]["status"] == "INVALID_ARGUMENT"
    answer = requests.post(f"{ee_emulator.url}/v1/projects/{PROJECT}/maps", data="x",
                           headers=dict(bearer, **{"Content-Type": "text/plain"}))
    assert answer.status_code == 400
    name = post(ee_emulator, "maps", {"expression": SRTM_EXPRESSION, "fileFormat": "AUTO_JPEG_PNG"},
                bearer).json()["name"]
    assert requests.get(f"{ee_emulator.url}/v1/{name}/tiles/25/0/0").status_code == 400
    tile = requests.get(f"{ee_emulator.url}/v1/{name}/tiles/3/4/2")
    assert tile.status_code == 200 and tile.headers["Content-Type"] == "image/png"


def test_discovery_sepal_and_the_catalogue(ee_emulator):
    pytest.importorskip("ee")
    document = requests.get(f"{ee_emulator.url}/$discovery/rest", params={"version": "v1"}).json()
    assert document["version"] == "v1" and "v1alpha/" not in json.dumps(document)
    assert requests.get(ee_emulator.url + "/api/user-files/download/").status_code == 401
    login = requests.post(ee_emulator.url + "/api/user/login", auth=("sepal-analyst", "correct horse"))
    cookie = {"Cookie": "SEPAL-SESSIONID=" + login.cookies["SEPAL-SESSIONID"]}
    assert requests.get(ee_emulator.url + "/api/user-files/download/", headers=cookie).json() == {
        "error": "No path specified"}
    catalog = requests.get(ee_emulator.catalog_url).json()
    assert catalog["type"] == "Catalog" and [link["rel"] for link in catalog["links"]].count("child") == 3
