"""`make bench`, part 1: downloading a 300-file BrightEarth result tree from the emulator with 50 ms latency per
request (part 2, the Terrascope search, is tests/bench_terrascope.py; part 3, one large file, is bench_large_file
below; part 4, a 10,000-item STAC search, is tests/bench_stac.py; all run from here).

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

    from tests.bench_stac import bench_stac_search
    from tests.bench_terrascope import bench_terrascope_search
    from tests.support.scratch_profile import use_scratch_settings

    profile = use_scratch_settings(tempfile.mkdtemp(prefix="eo-bench-profile-"))
    app = QgsApplication([], True, profile)
    app.initQgis()
    try:
        bench_brightearth_download(app)
        print("\n")
        bench_terrascope_search(app)
        print("\n")
        bench_stac_search(app)
        print("\n")
        bench_large_file()
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


def _status_kib(field):
    """A field of /proc/self/status in KiB (VmRSS: resident now, VmHWM: resident peak); None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class _RssPeak:
    """The resident memory's peak during a block: VmHWM reset first (/proc/self/clear_refs), and a 5 ms sampler
    where that reset is not allowed."""

    def __enter__(self):
        import threading

        self.before = _status_kib("VmRSS") or 0
        try:
            with open("/proc/self/clear_refs", "w") as clear:
                clear.write("5")
            self._hwm = True
        except OSError:
            self._hwm = False
        self.peak, self._stop = self.before, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _status_kib("VmRSS") or 0)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.after = _status_kib("VmRSS") or 0
        if self._hwm:
            self.peak = max(self.peak, _status_kib("VmHWM") or 0)
        self.growth_mib = max(self.peak, self.after) - self.before
        self.growth_mib /= 1024
        return False


def _generated_file(path, size):
    """`size` bytes of random-looking data, each MiB block stamped with its number (a block put at the wrong offset
    shows), written block by block."""
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as out:
        for number in range(0, size, len(block)):
            stamped = number.to_bytes(8, "big") + block[8:]
            out.write(stamped[:size - number])


def _overlap(intervals):
    """Bytes sent more than once, from (first byte, count) pairs."""
    total = 0
    for i, (start, count) in enumerate(intervals):
        for other_start, other_count in intervals[i + 1:]:
            total += max(0, min(start + count, other_start + other_count) - max(start, other_start))
    return total


def bench_large_file():
    """One large file (1 GiB; EO_BENCH_LARGE_MB shrinks it) from a local server with Range support on 127.0.0.1:
    EO Connector's Downloader (in ranges over several connections) against `curl -s -o`, the resident memory our
    download adds, and a resume after the server drops every connection at 50 %."""
    import filecmp

    from eo_connector.core.download import SEGMENT_THRESHOLD, Downloader
    from eo_connector.core.http import HttpSession
    from eo_connector.core.models import DownloadEntry
    from eo_connector.core.progress import Progress
    from tests.support.range_server import RangeServer

    size = int(float(os.environ.get("EO_BENCH_LARGE_MB", "1024")) * 1024 * 1024)
    threshold = min(SEGMENT_THRESHOLD, size // 4)  # a shrunken file is still fetched in ranges
    work = tempfile.mkdtemp(prefix="eo-bench-large-")
    source = join(work, "source.bin")
    _generated_file(source, size)
    server = RangeServer({"large.bin": source}).start()
    http = HttpSession()
    try:
        url = server.url("large.bin")
        entry = DownloadEntry(url, "large.bin", size=size)
        label = f"{size / 2**30:g} GiB" if size >= 2**30 else f"{size / 2**20:g} MiB"
        print(f"One {label} file over loopback from a local range server; EO Connector: 4 ranges over "
              f"{threshold / 2**20:g} MiB")

        curl_seconds = ours_seconds = None
        memory = None
        for _ in range(2):  # best of two for both, alternating
            if shutil.which("curl"):
                curl_out = join(work, "curl.bin")
                seconds = run_tool(["curl", "-s", "-o", curl_out, url], work)
                curl_seconds = seconds if curl_seconds is None else min(curl_seconds, seconds)
                os.remove(curl_out)
            ours_dir = join(work, "ours")
            downloader = Downloader(http, segments=4, segment_threshold=threshold)
            with _RssPeak() as rss:
                started = time.perf_counter()
                downloader.download([entry], ours_dir, Progress())
                seconds = time.perf_counter() - started
            memory = rss.growth_mib if memory is None else max(memory, rss.growth_mib)
            ours_seconds = seconds if ours_seconds is None else min(ours_seconds, seconds)
            identical = filecmp.cmp(source, join(ours_dir, "large.bin"), shallow=False)
            shutil.rmtree(ours_dir)
            if not identical:
                raise AssertionError("the downloaded file differs from the served one")
        ranged = sum(1 for r in server.requests_for("large.bin") if r.headers.get("Range")) > 0

        # Resume: the server cuts every connection once half the file is sent; the same download() call continues
        # each range from what it has on disk. Bytes the server sent twice are bytes fetched again.
        resume_dir = join(work, "resume")
        asked_before = len(server.requests_for("large.bin"))
        server.sent.clear()
        server.cut_all_after("large.bin", size // 2)
        Downloader(http, segments=4, segment_threshold=threshold).download([entry], resume_dir, Progress())
        deadline = time.monotonic() + 5
        while sum(s.count for s in server.sent_for("large.bin")) < size and time.monotonic() < deadline:
            time.sleep(0.01)  # the server records a body once it has sent its last byte
        intervals = [(s.start, s.count) for s in server.sent_for("large.bin")]
        sent_in_all = sum(count for _, count in intervals)
        refetched = _overlap(intervals)
        dropped = len(server.requests_for("large.bin")) - asked_before > 4  # the cut ranges were asked again
        resumed_ok = filecmp.cmp(source, join(resume_dir, "large.bin"), shallow=False)
    finally:
        http.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    mib = size / 2**20
    rows = [("what", "ours", "reference", "ratio", "target", "met")]
    if curl_seconds is not None:
        ratio = curl_seconds / ours_seconds  # throughput ours / curl
        rows.append((f"{label} file, throughput", f"{ours_seconds:.2f} s ({mib / ours_seconds:,.0f} MiB/s"
                     f"{', ranged' if ranged else ''})", f"curl -s -o {curl_seconds:.2f} s "
                     f"({mib / curl_seconds:,.0f} MiB/s)", f"{ratio:.2f}x", ">= 0.90x", _met(ratio >= 0.9)))
    else:
        rows.append((f"{label} file, throughput", f"{ours_seconds:.2f} s", "curl not installed", "-", ">= 0.90x",
                     "-"))
    rows.append(("resident memory growth during our download", f"+{memory:.1f} MiB", "-", "-", "<= 50 MiB",
                 _met(memory <= 50)))
    rows.append(("resume after every connection dropped at 50 %",
                 f"{sent_in_all / 2**20:,.1f} MiB sent for {mib:,.0f} MiB, {refetched / 2**20:.2f} MiB twice",
                 "-", "-", "first half not fetched again", _met(dropped and resumed_ok and refetched == 0)))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    for row in rows:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _met(ok):
    return "yes" if ok else "NO"


if __name__ == "__main__":
    main()
