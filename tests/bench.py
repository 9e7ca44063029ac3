"""`make bench`, part 1: downloading a 300-file BrightEarth result tree from the emulator with 50 ms latency per
request (part 2, the Terrascope search, is tests/bench_terrascope.py; both run from here).

Compared in the same run, on the same URLs:
- EO Connector (the product's Downloader, run as a QgsTask while the GUI thread's stalls are measured);
- the tutorial's sequential loop (its algorithm, with the continuation-token bug fixed so that it terminates);
- aria2c and curl --parallel, when installed.
Prints wall times and ratios; nothing here is asserted by the tests.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from os.path import dirname, join

import requests

ROOT = dirname(dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
LATENCY = 0.05
TARGET_FILES = 300


def tutorial_sequential(api_url, token, project_id, scenario_id, output_folder):
    """The tutorial's download loop, fixed to follow the continuation token (it re-asked page one forever)."""
    url = f"{api_url}/users/me/projects/{project_id}/scenarios/{scenario_id}/download/urls"
    params = {}
    while True:
        response = requests.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
        response.raise_for_status()
        tree = response.json()
        token_next = tree.pop("NextContinuationToken", None)
        _tutorial_tree(tree, output_folder)
        if not token_next:
            return
        params = {"continuation_token": token_next}


def _tutorial_tree(files, current):
    for name, value in files.items():
        if isinstance(value, str):
            target = join(current, name)
            os.makedirs(dirname(target), exist_ok=True)
            with requests.get(value, stream=True) as response, open(target, "wb") as f:
                shutil.copyfileobj(response.raw, f)
        else:
            _tutorial_tree(value, join(current, name))


def run_tool(command, cwd):
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


class StallMeter:
    """Measures the GUI thread's longest stall: a 5 ms timer that records the longest gap between its ticks."""

    def __init__(self):
        from qgis.PyQt.QtCore import QElapsedTimer, QTimer

        self.clock, self.timer = QElapsedTimer(), QTimer()
        self.longest_ms, self.ticks = 0, 0
        self.timer.timeout.connect(self._tick)

    def _tick(self):
        self.longest_ms = max(self.longest_ms, self.clock.restart())
        self.ticks += 1

    def start(self):
        self.clock.start()
        self.timer.start(5)

    def stop(self):
        self.timer.stop()


def main():
    from qgis.core import QgsApplication

    from tests.bench_terrascope import bench_terrascope_search
    from tests.support.scratch_profile import use_scratch_settings

    profile = use_scratch_settings(tempfile.mkdtemp(prefix="eo-bench-profile-"))
    app = QgsApplication([], True, profile)
    app.initQgis()
    try:
        bench_brightearth_download(app)
        print("\n")
        bench_terrascope_search(app)
    finally:
        app.exitQgis()


def bench_brightearth_download(app):

    from eo_connector.core.aoi import aoi_from_bbox
    from eo_connector.core.download import Downloader
    from eo_connector.core.http import HttpSession
    from eo_connector.core.models import DownloadEntry
    from eo_connector.providers.brightearth.client import BeodClient
    from eo_connector.providers.brightearth.options import ScenarioOptions
    from eo_connector.qgis_glue.tasks import OperationTask, start_task
    from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD, BeodEmulator

    work = tempfile.mkdtemp(prefix="eo-bench-")
    emulator = BeodEmulator(run_seconds=0.1, tile_count=12, page_size=100)  # 12 tiles x 25 files
    emulator.start()
    try:
        client = BeodClient(emulator.url, DEMO_EMAIL, http=HttpSession(emulator.url))
        client.login(DEMO_PASSWORD)
        project_id = client.create_project("bench")
        client.create_aoi(project_id, aoi_from_bbox(7.0, 43.6, 7.06, 43.66, "bench").wkt())
        options = ScenarioOptions(name="bench", vector_formats=("shapefile", "geopackage"), three_d_formats=())
        ids = client.start_scenario(project_id, options.scenario_type, options.to_body())
        time.sleep(0.3)
        urls = client.result_urls(project_id, ids["scenario_id"])
        urls = dict(sorted(urls.items())[:TARGET_FILES]) if len(urls) > TARGET_FILES else urls
        total = sum(os.path.getsize(p) for p in emulator.storage.root.rglob("*") if p.is_file())
        emulator.faults.latency(LATENCY)
        print(f"Result tree: {len(urls)} files, {total / 1e6:.1f} MB in all, {LATENCY * 1000:.0f} ms latency "
              f"per request, emulator on {emulator.url}")

        # EO Connector: the product's downloader in a QgsTask; the GUI thread ticks every 5 ms meanwhile.
        plan = [DownloadEntry(url, path) for path, url in urls.items()]
        target = join(work, "eo_connector")
        task = OperationTask("bench download", lambda progress: Downloader(client.http).download(plan, target,
                                                                                                    progress))
        stalls = StallMeter()
        stalls.start()
        started = time.perf_counter()
        start_task(task)
        outcome = {}
        task.done.connect(lambda result, error: outcome.update(result=result, error=error))
        while not outcome:
            app.processEvents()
            time.sleep(0.001)
        ours = time.perf_counter() - started
        stalls.stop()
        if outcome["error"] is not None:
            raise outcome["error"]
        assert len(outcome["result"]) == len(plan)

        results = [("EO Connector (8 parallel, resumable, verified)", ours)]
        if len(urls) == emulator.scenario(ids["scenario_id"])["file_count"]:
            started = time.perf_counter()
            tutorial_sequential(emulator.url, client._access_token, project_id, ids["scenario_id"],
                                join(work, "tutorial"))
            results.append(("tutorial sequential loop (fixed to terminate)", time.perf_counter() - started))

        list_file = join(work, "urls.txt")
        if shutil.which("aria2c"):
            with open(list_file, "w") as f:
                for path, url in urls.items():
                    f.write(f"{url}\n  out={path}\n")
            results.append(("aria2c -j 8", run_tool(["aria2c", "-q", "-j", "8", "-i", list_file,
                                                      "-d", join(work, "aria2c"), "--allow-overwrite=true",
                                                      "--auto-file-renaming=false"], work)))
        if shutil.which("curl"):
            config = join(work, "curl.cfg")
            with open(config, "w") as f:
                for path, url in urls.items():
                    f.write(f'url = "{url}"\noutput = "{join(work, "curl", path)}"\n')
            results.append(("curl --parallel --parallel-max 8", run_tool(
                ["curl", "-s", "--parallel", "--parallel-max", "8", "--create-dirs", "-K", config], work)))

        print()
        print(f"{'downloader':50s} {'seconds':>8s} {'vs EO Connector':>16s}")
        for name, seconds in results:
            print(f"{name:50s} {seconds:8.2f} {seconds / ours:15.2f}x")
        print()
        print(f"GUI thread during the EO Connector download: longest stall {stalls.longest_ms} ms "
              f"({stalls.ticks} timer ticks of 5 ms in {ours:.2f} s)")
    finally:
        emulator.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
