"""`make bench`, part 1: downloading a BrightEarth result tree (300 files, then 3,000) with 50 ms latency per request.

The emulator runs in its own process at a lower priority, as a server on another machine would: its work does not
count against QGIS's GUI thread, nor take the CPU a client needs. Compared in the same run, on the same URLs:
- EO Connector (the product's Downloader, run as a QgsTask in QGIS's event loop while the GUI thread's stalls are
  measured);
- the tutorial's sequential loop (its algorithm, with the continuation-token bug fixed so that it terminates),
  aria2c and curl --parallel for the 300-file tree; curl --parallel, the target's reference, for the 3,000-file one,
  each twice in the order A B B A (see `order`).
Nothing here is asserted by the tests. `python -m tests.bench_brightearth --tiles N --latency S` is the emulator.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from os.path import dirname, join

import requests

from tests.bench import server_priority

LATENCY = 0.05
FILES_PER_TILE = 25


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


@contextmanager
def emulator_process(tiles: int, latency: float):
    """The BrightEarth emulator in a child process; yields its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = subprocess.Popen([sys.executable, "-m", "tests.bench_brightearth", "--port", str(port), "--tiles",
                              str(tiles), "--latency", str(latency)], stdout=subprocess.PIPE, text=True,
                             preexec_fn=server_priority)
    try:
        line = child.stdout.readline()
        if not line.startswith("serving "):
            raise RuntimeError(f"the emulator did not start: {line}")
        yield line.split()[1]
    finally:
        child.terminate()
        child.wait(10)


def run_in_task(app, operation):
    """Run `operation(progress)` as the dock runs it (a QgsTask, QGIS's event loop turning meanwhile); returns
    (result, seconds, longest GUI stall in ms)."""
    from qgis.PyQt.QtCore import QEventLoop

    from eo_connector.qgis_glue.tasks import OperationTask, start_task
    from tests.bench import StallMeter

    task = OperationTask("bench", operation)
    outcome, loop = {}, QEventLoop()
    task.done.connect(lambda result, error: (outcome.update(result=result, error=error), loop.quit()))
    stalls = StallMeter()
    stalls.start()
    started = time.perf_counter()
    start_task(task)
    if not outcome:
        loop.exec()
    seconds = time.perf_counter() - started
    stalls.stop()
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["result"], seconds, stalls.longest_ms


def bench_brightearth_download(app, tiles: int, all_tools: bool):
    """Returns {tool: mean seconds}, the number of files, their size and the longest GUI stall during ours."""
    from eo_connector.core.aoi import aoi_from_bbox
    from eo_connector.core.download import Downloader
    from eo_connector.core.http import HttpSession
    from eo_connector.core.models import DownloadEntry
    from eo_connector.providers.brightearth.client import BeodClient
    from eo_connector.providers.brightearth.options import ScenarioOptions
    from eo_connector.providers.brightearth.workflow import RESULT_WORKERS
    from tests.bench import run_tool
    from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD

    work = tempfile.mkdtemp(prefix="eo-bench-")
    try:
        with emulator_process(tiles, LATENCY) as url:
            client = BeodClient(url, DEMO_EMAIL, http=HttpSession(url))
            client.login(DEMO_PASSWORD)
            project_id = client.create_project("bench")
            client.create_aoi(project_id, aoi_from_bbox(7.0, 43.6, 7.06, 43.66, "bench").wkt())
            options = ScenarioOptions(name="bench", vector_formats=("shapefile", "geopackage"), three_d_formats=())
            ids = client.start_scenario(project_id, options.scenario_type, options.to_body())
            urls = _result_urls(client, project_id, ids["scenario_id"])

            plan = [DownloadEntry(link, path) for path, link in urls.items()]
            size, stalls, timeline = 0, [], []  # timeline: (tool, seconds) of each run in turn

            def eo_connector(target):
                nonlocal size
                with HttpSession(url) as http:  # new connections each run, as each curl run opens its own
                    _result, seconds, stall = run_in_task(app, lambda progress: Downloader(
                        http, workers=RESULT_WORKERS).download(plan, target, progress))
                size = sum(os.path.getsize(join(target, path)) for path in urls)
                stalls.append(stall)
                return seconds

            def tutorial(target):
                started = time.perf_counter()
                tutorial_sequential(url, client._access_token, project_id, ids["scenario_id"], target)
                return time.perf_counter() - started

            def aria2c(target):
                list_file = join(work, "urls.txt")
                with open(list_file, "w") as f:
                    for path, link in urls.items():
                        f.write(f"{link}\n  out={path}\n")
                return run_tool(["aria2c", "-q", "-j", str(RESULT_WORKERS), "-i", list_file, "-d", target,
                                 "--allow-overwrite=true", "--auto-file-renaming=false"], work)

            def curl(target):
                config = join(work, "curl.cfg")
                with open(config, "w") as f:
                    for path, link in urls.items():
                        f.write(f'url = "{link}"\noutput = "{join(target, path)}"\n')
                return run_tool(["curl", "-s", "--parallel", "--parallel-max", str(RESULT_WORKERS), "--create-dirs",
                                 "-K", config], work)

            tools = {"EO Connector": eo_connector, "tutorial": tutorial, "aria2c": aria2c, "curl": curl}
            for number, name in enumerate(order(all_tools)):
                target = join(work, f"run{number}")
                timeline.append((name, tools[name](target)))
                shutil.rmtree(target, ignore_errors=True)  # each run writes into an empty folder
        runs = {name: [took for tool, took in timeline if tool == name] for name, _took in timeline}
        seconds = {name: sum(times) / len(times) for name, times in runs.items()}
        if len(timeline) > len(runs):  # a tool ran more than once
            print("runs in turn: " + ", ".join(f"{name} {took:.2f} s" for name, took in timeline) +
                  "; each tool's mean is compared")
        return seconds, len(urls), size, max(stalls)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def order(all_tools: bool):
    """The runs, in turn. Every tool once on the small tree; on the large one, where EO Connector and curl come within a
    few percent of each other, each twice in the order A B B A, so that a drift of the machine during the runs (the
    disk writing back the previous run's files, another process waking) weighs on both alike; their means compared."""
    if all_tools:
        return ["EO Connector", "tutorial"] + (["aria2c"] if shutil.which("aria2c") else []) + \
            (["curl"] if shutil.which("curl") else [])
    return ["EO Connector", "curl", "curl", "EO Connector"] if shutil.which("curl") else ["EO Connector"]


def _result_urls(client, project_id, scenario_id, wait=120):
    """The scenario's result files once it has run (the emulator writes them when it ends)."""
    from eo_connector.core.errors import EOError

    deadline = time.monotonic() + wait
    while True:
        try:
            urls = client.result_urls(project_id, scenario_id)
            if urls:
                return urls
        except EOError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def serve():
    from tests.emulators.beod import BeodEmulator

    parser = argparse.ArgumentParser(description="The BrightEarth emulator of `make bench`.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tiles", type=int, default=12)
    parser.add_argument("--latency", type=float, default=LATENCY)
    args = parser.parse_args()
    emulator = BeodEmulator(run_seconds=0.1, tile_count=args.tiles, page_size=100, port=args.port)
    emulator.faults.latency(args.latency)
    emulator.keep_requests = False
    emulator.start()
    print(f"serving {emulator.url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        emulator.stop()


if __name__ == "__main__":
    serve()
