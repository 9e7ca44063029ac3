"""The BrightEarth client and scenario workflow against the strict emulator: every call, paging, expiry, faults,
unsafe server keys, resume. Pure Python layers (no QGIS task here): what the dock, Processing and console share."""

import hashlib
import os
import threading

import pytest
import requests

from eo_connector.core.aoi import aoi_from_bbox, aoi_from_geometries
from eo_connector.core.download import Downloader
from eo_connector.core.errors import (
    AoiError,
    AuthenticationError,
    Cancelled,
    NotEnoughCredits,
    ScenarioFailed,
    SessionExpired,
    UnsafePath,
)
from eo_connector.core.http import HttpSession
from eo_connector.core.progress import Progress, RecordingProgress
from eo_connector.providers.brightearth.client import BeodClient
from eo_connector.providers.brightearth.options import ScenarioOptions
from eo_connector.providers.brightearth.workflow import new_scenario_record, run_scenario
from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD

SMALL = aoi_from_bbox(7.050, 43.630, 7.060, 43.638, "test box")  # < 2 km²: one zip
LARGE = aoi_from_bbox(7.00, 43.60, 7.06, 43.66, "test box")  # ~32 km²: a tiled tree


def client_for(emulator, password=DEMO_PASSWORD, **kwargs):
    http = HttpSession(emulator.url, backoff=0.01, max_retry_after=2)
    client = BeodClient(emulator.url, DEMO_EMAIL, http=http, **kwargs)
    if password:
        client.login(password)
    return client


def run(client, tmp_path, aoi=SMALL, name="Buildings", progress=None, **options):
    record = new_scenario_record("conn", aoi, ScenarioOptions(name=name, **options), str(tmp_path))
    files = run_scenario(client, record, progress or RecordingProgress(), poll_interval=0.02)
    return record, files


def digest(path):
    return hashlib.md5(open(path, "rb").read()).hexdigest()


# -- sign-in and account
def test_wrong_password_is_said_in_words(beod_emulator):
    with pytest.raises(AuthenticationError, match="wrong e-mail or password"):
        client_for(beod_emulator, password="not my password")


def test_me_projects_and_aoi_calls(beod_emulator):
    client = client_for(beod_emulator)
    assert client.me()["credits"] == 1000
    project_id = client.create_project("Tutorial project")
    assert any(p["project_id"] == project_id for p in client.list_projects())
    asset_id = client.create_aoi(project_id, SMALL.wkt())
    assert client.list_assets(project_id)[0]["asset_id"] == asset_id
    assert beod_emulator.project(project_id)["aoi_wkt"].startswith("POLYGON")


def test_only_login_ever_sees_the_password(beod_emulator, tmp_path):
    run(client_for(beod_emulator), tmp_path)
    carrying = {r.path for r in beod_emulator.requests_containing(DEMO_PASSWORD)}
    assert carrying == {"/auth/login"}
    assert all("authorization" not in r.headers for r in beod_emulator.storage_requests())


# -- the whole scenario
def test_small_aoi_zip_is_downloaded_unzipped_and_credits_go_down(beod_emulator, tmp_path):
    client = client_for(beod_emulator)
    progress = RecordingProgress()
    record, files = run(client, tmp_path, progress=progress)
    names = sorted(os.path.basename(f) for f in files)
    assert {"building.gpkg", "building.shp", "road.gpkg", "dtm.tif"} <= set(names)
    assert all(os.path.isfile(f) and f.startswith(record.output_dir) for f in files)
    assert not any(f.endswith(".zip") for f in os.listdir(record.output_dir))
    assert record.remote["credits_after"] < record.remote["credits_before"] == 1000
    fractions = [f for f, _ in progress.reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(message == "The BrightEarth server is processing the scenario" for _, message in progress.reports)


def test_large_aoi_tree_paged_over_three_pages(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(page_size=7)
    client = client_for(emulator)
    record, files = run(client, tmp_path, aoi=LARGE, vector_formats=("geopackage",))
    scenario = emulator.scenario(record.remote["scenario_id"])
    assert not scenario["zipped"]
    pages = emulator.recorded("/download/urls$")
    assert len(pages) >= 3
    assert len({r.target for r in pages}) == len(pages)  # each page asked once: no loop on the first page
    downloaded = [os.path.join(root, n) for root, _d, names in os.walk(record.output_dir) for n in names]
    assert len(downloaded) == scenario["file_count"]
    assert all(p.startswith(record.output_dir) for p in files)


def test_scenario_failed_gives_the_server_details(beod_emulator, tmp_path):
    with pytest.raises(ScenarioFailed) as failure:
        run(client_for(beod_emulator), tmp_path, name="this will fail")
    assert "failed on the BrightEarth server" in str(failure.value)
    assert len(str(failure.value)) > len("The scenario failed on the BrightEarth server: ")


def test_not_enough_credits(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(credits=0)
    with pytest.raises(NotEnoughCredits):
        run(client_for(emulator), tmp_path)
    emulator.set_credits(1)
    with pytest.raises(NotEnoughCredits):  # the server refuses: the scenario costs more than 1 credit
        run(client_for(emulator), tmp_path, aoi=LARGE)


def test_aoi_refused_by_the_server_in_words(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(max_aoi_km2=5)
    with pytest.raises(AoiError, match="refused the area of interest"):
        run(client_for(emulator), tmp_path, aoi=LARGE)


def test_multipart_aoi_refused_before_anything_is_sent(beod_emulator, tmp_path):
    two = aoi_from_geometries([aoi_from_bbox(7.0, 43.6, 7.01, 43.61, "a").geometry,
                               aoi_from_bbox(7.05, 43.6, 7.06, 43.61, "b").geometry], "two parts")
    with pytest.raises(AoiError):
        run(client_for(beod_emulator), tmp_path, aoi=two)
    assert not beod_emulator.recorded("/projects")


# -- expiry and faults
def test_token_expiring_mid_job_signs_in_again(beod_emulator, tmp_path):
    client = client_for(beod_emulator)
    record = new_scenario_record("conn", SMALL, ScenarioOptions(name="Expiry"), str(tmp_path))

    def expire_once_started(rec):
        if "activity_id" in rec.remote and not rec.remote.get("expired"):
            rec.remote["expired"] = True
            beod_emulator.expire_tokens()

    files = run_scenario(client, record, Progress(), on_change=expire_once_started, poll_interval=0.02)
    assert files
    assert len(beod_emulator.recorded("^/auth/login$")) == 2


def test_expired_token_without_password_asks_to_sign_in_again(beod_emulator):
    token = beod_emulator.issue_token()
    client = BeodClient(beod_emulator.url, DEMO_EMAIL, access_token=token, http=HttpSession(beod_emulator.url))
    assert client.me()["credits"] == 1000
    beod_emulator.expire_tokens()
    with pytest.raises(SessionExpired, match="session has expired"):
        client.me()


def test_429_and_5xx_are_retried(beod_emulator, tmp_path):
    beod_emulator.faults.add(r"/activities/", "status", status=429, retry_after=1, times=2)
    beod_emulator.faults.add(r"^/users/me$", "status", status=503, times=1)
    beod_emulator.faults.add(r"^/storage/", "status", status=502, times=1)
    record, files = run(client_for(beod_emulator), tmp_path)
    assert files and record.remote["credits_after"] is not None
    assert beod_emulator.faults.hits(r"/activities/") >= 3


def test_connection_dropped_mid_file_resumes_byte_identical(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(tile_count=2)
    emulator.faults.add(r"^/storage/.*building\.gpkg", "drop", method="GET", after_bytes=20000, times=2)
    client = client_for(emulator)
    record, files = run(client, tmp_path, aoi=LARGE)
    urls = client.result_urls(record.remote["project_id"], record.remote["scenario_id"])
    for relative, url in urls.items():
        if relative.endswith("building.gpkg"):
            expected = hashlib.md5(requests.get(url, timeout=10).content).hexdigest()
            assert digest(os.path.join(record.output_dir, relative)) == expected
    ranged = [r for r in emulator.storage_requests() if "range" in r.headers and "building.gpkg" in r.path]
    assert ranged, "the download resumed with an HTTP Range request"


def test_expired_download_links_are_fetched_again(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(tile_count=2, url_ttl=600)
    client = client_for(emulator)
    record = new_scenario_record("conn", LARGE, ScenarioOptions(name="Links"), str(tmp_path))
    downloader = Downloader(client.http, workers=2)
    original = downloader.download

    def expire_then_download(plan, target, progress, refresh=None):
        emulator.expire_urls()  # every link the client just listed is now expired
        return original(plan, target, progress, refresh=refresh)

    downloader.download = expire_then_download
    assert run_scenario(client, record, Progress(), downloader=downloader, poll_interval=0.02)
    assert len(emulator.recorded("/download/urls$")) >= 2


# -- what the server sends cannot escape the output folder
def test_path_traversal_keys_are_refused(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(evil_keys=True, tile_count=2)
    out = tmp_path / "out"
    with pytest.raises(UnsafePath):
        run(client_for(emulator), out, aoi=LARGE)
    assert not emulator.storage_requests()  # refused before any file was fetched
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_zip_slip_member_is_refused(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(evil_keys=True)
    out = tmp_path / "out"
    with pytest.raises(UnsafePath):
        run(client_for(emulator), out)
    assert sorted(os.listdir(tmp_path)) == ["out"]
    assert not any(n == "zipslip.txt" for _r, _d, names in os.walk("/tmp") for n in names if _r.count("/") < 3)


# -- cancel and resume
def test_cancel_while_the_server_computes_then_follow_again(beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(run_seconds=30)
    client = client_for(emulator)
    record = new_scenario_record("conn", SMALL, ScenarioOptions(name="Resume"), str(tmp_path))
    progress = Progress()
    started = threading.Event()

    def on_change(rec):
        if rec.remote.get("state") == "PENDING" or rec.remote.get("state") == "RUNNING":
            started.set()
            progress.cancel()

    with pytest.raises(Cancelled):
        run_scenario(client, record, progress, on_change=on_change, poll_interval=0.02)
    assert started.is_set() and "scenario_id" in record.remote
    credits_after_start = emulator.credits()

    emulator.advance(60)  # the server finished meanwhile
    files = run_scenario(client_for(emulator), record, Progress(), poll_interval=0.02)
    assert files
    assert emulator.credits() == credits_after_start  # followed, not started a second time
    assert len(emulator.project(record.remote["project_id"])["scenario_ids"]) == 1
