"""Contract tests: the real clients against the Earth Engine emulator, each in its own Python process (both keep
global state). earthengine-api, pointed at it with ee.Initialize(url=...), evaluates, makes a map id and fetches a
tile, lists assets (following pages) and computes pixels; ee-client signs in through the emulator's SEPAL endpoints,
renews its token there and calls it. Each gets what the plugin gets for the same requests."""

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from eo_connector.core.download import Downloader
from eo_connector.core.progress import Progress
from eo_connector.providers.earth_engine.expressions import asset_expression
from eo_connector.providers.earth_engine.pixels import Window, make_grid
from eo_connector.providers.earth_engine.platform import PLATFORM
from tests.emulators.earth_engine_auth import SEPAL_PASSWORD, SEPAL_USER
from tests.emulators.earth_engine_data import PROJECT, SRTM

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRID = {"dimensions": {"width": 64, "height": 48},
        "affineTransform": {"scaleX": 0.001, "shearX": 0, "translateX": 7.0, "shearY": 0, "scaleY": -0.001,
                            "translateY": 43.66}, "crsCode": "EPSG:4326"}

EE_SCRIPT = """
import json, sys, ee, requests
from google.oauth2.credentials import Credentials
ee.deprecation._FetchDataCatalogStac = lambda: {}   # the catalogue fetch ee makes at initialisation (protocol B.1)
url, token, project, grid, out = sys.argv[1:6]
ee.Initialize(credentials=Credentials(token=token), url=url, project=project)
found = {"value": ee.Number(5).add(3).getInfo()}
found["info"] = ee.Image("USGS/SRTMGL1_003").getInfo()["bands"][0]["id"]
mapid = ee.Image("USGS/SRTMGL1_003").getMapId({"min": 0, "max": 600})
tile = requests.get(mapid["tile_fetcher"].format_tile_url(531, 373, 10))
found["tile"] = [tile.status_code, tile.content[:4].hex()]
found["assets"] = len(ee.data.listAssets({"parent": "projects/ee-demo/assets/many"})["assets"])
pixels = ee.data.computePixels({"expression": ee.Image("USGS/SRTMGL1_003"), "fileFormat": "GEO_TIFF",
                                "grid": json.loads(grid)})
open(out, "wb").write(pixels)
try:
    ee.Image("USGS/SRTMGL1_003").select("B99").getInfo()
except ee.EEException as err:
    found["refusal"] = str(err)
print(json.dumps(found))
"""

EECLIENT_SCRIPT = """
import asyncio, json, os, sys, requests, ee, ee.apitestcase
url, user, password = sys.argv[1:4]
os.environ["SEPAL_HOST"] = url.split("://", 1)[1]
login = requests.post(url + "/api/user/login", auth=(user, password), headers={"No-Auth-Challenge": "true"})
headers = {"cookie": ["SEPAL-SESSIONID=" + login.cookies["SEPAL-SESSIONID"]], "sepal-user": login.json()}
# ee builds the expressions only: its algorithm table offline, as ee.apitestcase does
ee.data._install_cloud_api_resource = lambda: None
ee.data.getAlgorithms = ee.apitestcase.GetAlgorithms
ee.deprecation._FetchDataCatalogStac = lambda: {}
ee.Initialize(None, "", project="ee-demo")
from eeclient.client import EESession

class EmulatedSession(EESession):
    def set_url_project(self, template):
        return super().set_url_project(template).replace("https://earthengine.googleapis.com", url)

session = EmulatedSession.from_sepal_headers(headers)
session._provider.sepal_api_download_url = url + "/api/user-files/download/?path=%2F.config%2Fearthengine%2Fcredentials"

async def main():
    found = {"project": session.project_id}
    await session.set_credentials()   # the token renewed through SEPAL's credentials file
    found["value"] = await session.operations.get_info(ee.Number(5).add(3))
    found["asset"] = (await session.operations.get_asset("USGS/SRTMGL1_003"))["type"]
    found["tasks"] = len((await session.tasks.get_tasks_async()).operations or [])
    await session.aclose()
    return found

print(json.dumps(asyncio.run(main())))
"""


def has(module):
    return importlib.util.find_spec(module) is not None


def run(script, *args):
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not has("ee"), reason="earthengine-api is not installed")
def test_earthengine_api_against_the_emulator_gets_what_the_plugin_gets(ee_emulator, ee_context, ee_connection,
                                                                        tmp_path):
    connection = ee_connection(ee_emulator)
    PLATFORM.sign_in(ee_context, connection, {"sign_in": "credentials"})
    client = PLATFORM.client(ee_context, connection)
    theirs = run(EE_SCRIPT, ee_emulator.url, client.tokens.bearer(), PROJECT, json.dumps(GRID),
                 str(tmp_path / "theirs.tif"))
    assert [r.path for r in ee_emulator.recorded(r"\$discovery")][:1] == ["/$discovery/rest"]
    assert theirs["value"] == 8 == client.compute_value({"result": "0", "values": {"0": {
        "functionInvocationValue": {"functionName": "Number.add", "arguments": {
            "left": {"constantValue": 5}, "right": {"constantValue": 3}}}}}})
    assert theirs["info"] == client.compute_value(asset_expression(SRTM))["bands"][0]["id"] == "elevation"
    assert theirs["tile"] == [200, "89504e47"]
    ours, token = [], ""
    while True:
        page, token = client.list_assets(f"projects/{PROJECT}/assets/many", token)
        ours += page
        if not token:
            break
    assert theirs["assets"] == len(ours) == 130
    grid = make_grid((7.0, 43.612, 7.064, 43.66), 111.31949079327357, "EPSG:4326")
    body = grid.body(asset_expression(SRTM), Window(0, 0, 64, 48), [])
    body["grid"] = GRID
    Downloader(client.http).download([client.pixels_entry(body, "ours.tif")], str(tmp_path), Progress())
    assert (tmp_path / "ours.tif").read_bytes() == (tmp_path / "theirs.tif").read_bytes()
    assert theirs["refusal"] == "Image.select: Pattern 'B99' did not match any bands."


@pytest.mark.skipif(not (has("ee") and has("eeclient")), reason="ee-client is not installed")
def test_ee_client_signs_in_through_the_sepal_endpoints_and_gets_what_the_plugin_gets(ee_emulator, ee_context):
    theirs = run(EECLIENT_SCRIPT, ee_emulator.url, SEPAL_USER, SEPAL_PASSWORD)
    download = ee_emulator.recorded(r"/api/user-files/download/")
    assert download and "SEPAL-SESSIONID=" in download[-1].header("cookie")
    from eo_connector.core.models import Connection

    connection = Connection("earth_engine", "sepal", ee_emulator.url, SEPAL_USER,
                            {"sign_in": "sepal", "sepal_url": ee_emulator.url, "project": ""})
    account = PLATFORM.sign_in(ee_context, connection, {"password": SEPAL_PASSWORD})
    client = PLATFORM.client(ee_context, connection)
    assert theirs["project"] == account["project"] == PROJECT
    assert theirs["value"] == 8
    assert theirs["asset"] == client.get_asset(SRTM)["type"] == "IMAGE"
    assert theirs["tasks"] == len(client.operations()[0]) >= 1
