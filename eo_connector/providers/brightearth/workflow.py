"""One BrightEarth scenario as one resumable operation:
project -> AOI -> start -> follow the activity -> download in parallel -> unzip safely.

The server-side ids are written into the JobRecord as soon as they are known and `on_change` is called, so a job
interrupted by QGIS closing is followed again from where it was (see JobRecord.remote).
"""

import os
import threading
import time
from typing import Callable, List, Optional

from ...core.aoi import AOI, aoi_from_geometries, require_single_polygon
from ...core.download import Downloader
from ...core.errors import NotEnoughCredits, ProtocolError, ScenarioFailed
from ...core.i18n import tr
from ...core.log import logger
from ...core.models import DownloadEntry, JobRecord
from ...core.polling import poll
from ...core.progress import Progress
from ...core.safe_paths import safe_extract_zip
from . import PLATFORM
from .client import BeodClient
from .options import ScenarioOptions
from .url_tree import is_single_zip

KIND = "scenario"
RESULT_EXTENSIONS = (".gpkg", ".shp", ".tif", ".tiff")
FINAL_STATES = ("SUCCESSFUL", "FAILED")
# Share of the job's progress bar given to each stage.
SETUP, PROCESSING, DOWNLOAD = (0.0, 0.05), (0.05, 0.70), (0.70, 0.99)

# A result tree is hundreds or thousands of small files on object storage: the time goes in each request's
# round trip, not in bandwidth, so more of them at once (the HTTP session pools 16 connections).
RESULT_WORKERS = 12


def new_scenario_record(connection_id: str, aoi: AOI, options: ScenarioOptions, output_root: str,
                        project_id: Optional[int] = None, project_name: str = "") -> JobRecord:
    """Validate everything that can be checked locally, then describe the job (nothing remote yet)."""
    options.validate()
    polygon = require_single_polygon(aoi)
    # The WKT sent is that single polygon, lon/lat.
    wkt = aoi_from_geometries([polygon], aoi.source).wkt()
    record = JobRecord(platform=PLATFORM, kind=KIND, title=options.name.strip(), connection_id=connection_id)
    record.output_dir = os.path.join(output_root, _folder_name(options.name) + "_" + record.id)
    record.params = {
        "options": options.to_dict(),
        "aoi_wkt": wkt,
        "aoi_source": aoi.source,
        "aoi_area_km2": round(aoi.area_km2, 3),
        "project_id": project_id,
        "project_name": project_name or options.name.strip(),
    }
    return record


def run_scenario(client: BeodClient, record: JobRecord, progress: Progress, *,
                 on_change: Callable[[JobRecord], None] = lambda record: None,
                 downloader: Optional[Downloader] = None, poll_interval: float = 5.0) -> List[str]:
    """Run (or resume) the scenario described by `record`; returns the result files to load as layers."""
    remote = record.remote
    options = ScenarioOptions.from_dict(record.params["options"])
    if "scenario_id" not in remote:
        _start(client, record, options, progress.part(*SETUP), on_change)
    else:
        progress.report(SETUP[1], tr("Following scenario {id} again", id=remote["scenario_id"]))

    activity = _follow(client, record, progress.part(*PROCESSING), on_change, poll_interval)
    if activity["state"] == "FAILED":
        details = (activity.get("details") or "").strip() or tr("no details given")
        raise ScenarioFailed(tr("The scenario failed on the BrightEarth server: {details}", details=details))
    try:
        remote["credits_after"] = client.me().get("credits")
    except Exception as err:  # the balance is information only; never fail a finished job for it
        logger.info("credits after scenario not read: %s", err)
    on_change(record)

    files = _download(client, record, progress.part(*DOWNLOAD), downloader)
    record.outputs = [f for f in files if f.lower().endswith(RESULT_EXTENSIONS)]
    remote["downloaded"] = True
    on_change(record)
    progress.report(1.0, tr("1 result file ready") if len(record.outputs) == 1
                    else tr("{count} result files ready", count=len(record.outputs)))
    return record.outputs


def _start(client, record, options, progress, on_change):
    remote, params = record.remote, record.params
    progress.report(0.0, tr("Checking your BrightEarth account"))
    credits = client.me().get("credits")
    remote["credits_before"] = credits
    if isinstance(credits, (int, float)) and credits <= 0:
        raise NotEnoughCredits(tr("Your BrightEarth account has no credits left."))
    progress.check()

    if "project_id" not in remote:
        if params.get("project_id"):
            remote["project_id"] = int(params["project_id"])
        else:
            progress.report(0.2, tr("Creating the project"))
            remote["project_id"] = client.create_project(params["project_name"])
        on_change(record)
    project_id = remote["project_id"]
    progress.check()

    if "asset_id" not in remote:
        existing = [a for a in _safe_list(client.list_assets, project_id) if str(a.get("type", "")).lower() == "aoi"]
        if existing:  # a project holds one AOI: reuse it
            remote["asset_id"] = existing[0].get("asset_id") or existing[0].get("id")
        else:
            progress.report(0.5, tr("Sending the area of interest"))
            remote["asset_id"] = client.create_aoi(project_id, params["aoi_wkt"])
        on_change(record)
    progress.check()

    progress.report(0.8, tr("Starting the scenario"))
    remote.update(client.start_scenario(project_id, options.scenario_type, options.to_body()))
    on_change(record)
    progress.report(1.0, tr("Scenario {id} started", id=remote["scenario_id"]))


def _safe_list(call, *args):
    try:
        answer = call(*args)
    except Exception as err:  # listing is an optimisation; creating the AOI still works
        logger.info("listing failed: %s", err)
        return []
    return answer if isinstance(answer, list) else []


def _follow(client, record, progress, on_change, interval):
    remote = record.remote
    project_id, activity_id = remote["project_id"], remote["activity_id"]

    def show(activity):
        state = activity.get("state", "?")
        server_progress = float(activity.get("progress") or 0.0)
        remote["state"] = state
        # The bar shows the whole job; the words say what the server is doing (no second, different percentage).
        progress.report(server_progress / 100.0, state_in_words(state))
        on_change(record)

    activity = poll(lambda: client.activity(project_id, activity_id, progress=progress),
                    lambda a: a.get("state") in FINAL_STATES, progress,
                    interval=interval, max_interval=max(interval, 30.0), on_update=show)
    return activity


def state_in_words(state: str) -> str:
    """The server's state of a scenario (CREATED, PENDING, RUNNING...) as the Jobs list says it."""
    words = {"CREATED": tr("Waiting for the BrightEarth server to start the scenario"),
             "PENDING": tr("Queued on the BrightEarth server"),
             "RUNNING": tr("The BrightEarth server is processing the scenario"),
             "SUCCESSFUL": tr("Processed by the BrightEarth server"),
             "FAILED": tr("The scenario failed on the BrightEarth server")}
    return words.get(str(state).upper(), tr("BrightEarth server: {state}", state=str(state).lower()))


def _download(client, record, progress, downloader):
    remote = record.remote
    project_id, scenario_id = remote["project_id"], remote["scenario_id"]
    progress.report(0.0, tr("Listing the result files"))
    urls = client.result_urls(project_id, scenario_id, progress=progress)
    if not urls:
        raise ProtocolError(tr("The scenario finished but the server lists no result files."))
    downloader = downloader or Downloader(client.http, workers=RESULT_WORKERS)
    os.makedirs(record.output_dir, exist_ok=True)
    refresh = _LinkRefresher(client, project_id, scenario_id)

    if is_single_zip(urls):
        zip_name = next(iter(urls))
        staging = os.path.join(record.output_dir, ".download")
        plan = [DownloadEntry(urls[zip_name], zip_name)]
        (zip_path,) = downloader.download(plan, staging, progress.part(0.0, 0.9), refresh=refresh)
        progress.report(0.9, tr("Unzipping the results"))
        files = safe_extract_zip(zip_path, record.output_dir, progress.part(0.9, 1.0))
        os.remove(zip_path)
        _remove_empty_dir(staging)
        return files
    plan = [DownloadEntry(url, path) for path, url in sorted(urls.items())]
    return downloader.download(plan, record.output_dir, progress, refresh=refresh)


class _LinkRefresher:
    """Presigned links expire: fetch the tree again (once for all workers) and hand out the fresh link."""

    def __init__(self, client, project_id, scenario_id, max_age=20.0):
        self._client, self._ids, self._max_age = client, (project_id, scenario_id), max_age
        self._lock = threading.Lock()
        self._urls, self._fetched = {}, 0.0

    def __call__(self, entry: DownloadEntry) -> DownloadEntry:
        with self._lock:
            if time.monotonic() - self._fetched > self._max_age:
                logger.info("result links expired: asking BrightEarth for fresh ones")
                self._urls = self._client.result_urls(*self._ids)
                self._fetched = time.monotonic()
            url = self._urls.get(entry.relative_path)
        if not url:
            raise ProtocolError(details=f"no fresh link for {entry.relative_path}")
        return DownloadEntry(url, entry.relative_path, entry.size, entry.checksum, dict(entry.headers))


def _remove_empty_dir(path):
    try:
        os.rmdir(path)
    except OSError:
        pass


def _folder_name(name: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.strip())
    return safe.strip("_")[:60] or "scenario"
