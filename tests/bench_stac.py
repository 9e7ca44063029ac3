"""`make bench`, STAC part: a 10,000-item STAC search over 100-item pages with 50 ms latency per request.

The RS-Server emulator's public STAC catalogue runs in its own process at a lower priority, as a server on another
machine would (its work does not take the CPU a client needs, as in the Terrascope bench). Compared in the same
run, against the same server and query (POST, intersects the demo AOI, limit 100, 100 pages):
- EO Connector: the dock's path -- CatalogueSearch (a QgsTask following the next links) feeding the ResultsBrowser,
  timed until the footprints layer holds all 10,000 features; the GUI thread's longest stall meanwhile;
- pystac-client 0.9: list(Client.open(...).search(...).items()), the reference library (nothing drawn).
STAC's opaque next tokens (this server's) are followed one page at a time; numbered pages would be fetched side by
side (core/paging.py).
Nothing here is asserted by the tests.
"""

import socket
import subprocess
import sys
import time
from contextlib import contextmanager

from tests.bench import server_priority

LATENCY = 0.05
ITEMS = 10_000
PAGE = 100
COLLECTION = "sentinel-2-l2a-demo"
AOI_BBOX = (7.0, 43.6, 7.06, 43.66)


def search_body():
    from eo_connector.core.aoi import aoi_from_bbox
    from eo_connector.providers.stac.client import search_parameters

    return search_parameters(collections=[COLLECTION], intersects=aoi_from_bbox(*AOI_BBOX, "bench").to_geojson(),
                             limit=PAGE)


def reference_client(url: str) -> float:
    import pystac_client

    started = time.perf_counter()
    client = pystac_client.Client.open(url)
    items = list(client.search(method="POST", **{k: v for k, v in search_body().items()}).items())
    seconds = time.perf_counter() - started
    assert len(items) == ITEMS, len(items)
    return seconds


def eo_connector_search(app, url: str):
    """(seconds to the full footprints layer, seconds to the first results on screen, longest GUI stall in ms)."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QEventLoop

    from eo_connector.core.http import HttpSession
    from eo_connector.gui.widgets.results_browser import ResultsBrowser
    from eo_connector.providers.stac.client import StacApi
    from eo_connector.qgis_glue.catalogue_search import CatalogueSearch
    from tests.bench import StallMeter

    http = HttpSession()
    browser = ResultsBrowser(None, project=QgsProject.instance(), platform="stac")
    browser.resize(500, 700)
    browser.show()
    search = CatalogueSearch()
    marks, outcome = {}, {}

    def page_arrived(items, total):
        browser.add_page(items, total)
        if items:
            marks.setdefault("first", time.perf_counter())

    search.pageArrived.connect(page_arrived)
    search.finished.connect(lambda count, error: outcome.update(count=count, error=error))
    loop = QEventLoop()
    search.finished.connect(lambda *_: loop.quit())
    stalls = StallMeter()
    stalls.start()
    started = time.perf_counter()
    browser.clear("bench STAC search", platform="stac")
    browser.set_loading(True)
    search.start("bench STAC search", lambda progress: StacApi(http, url).search(search_body(), method="POST",
                                                                               progress=progress))
    if not outcome:
        loop.exec()  # QGIS's own event loop, as in the dock
    layer = browser.footprints_layer()
    browser.set_loading(False)
    app.processEvents()
    seconds = time.perf_counter() - started
    stalls.stop()
    http.close()
    if outcome["error"] is not None:
        raise outcome["error"]
    assert layer.featureCount() == ITEMS and len(browser.items()) == ITEMS, layer.featureCount()
    browser.close()
    QgsProject.instance().removeAllMapLayers()
    return seconds, marks["first"] - started, stalls.longest_ms


@contextmanager
def emulator_process():
    """The RS-Server emulator in a child process; yields its public STAC API root."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = subprocess.Popen([sys.executable, "-m", "tests.emulators.rs_server", "--port", str(port),
                              "--latency", str(LATENCY), "--public-items", str(ITEMS), "--page-size", str(PAGE)],
                             stdout=subprocess.PIPE, text=True, preexec_fn=server_priority)
    try:
        first = child.stdout.readline()
        second = child.stdout.readline()
        if "public STAC catalogue:" not in second:
            raise RuntimeError(f"the emulator did not start: {first}{second}")
        yield second.split("public STAC catalogue:", 1)[1].split("(Ctrl-C", 1)[0].strip()
    finally:
        child.terminate()
        child.wait(10)


def bench_stac_search(app):
    import requests

    with emulator_process() as url:
        answer = requests.post(url + "search", json={**search_body(), "limit": 1}).json()
        assert answer["numberMatched"] == ITEMS, answer["numberMatched"]
        print(f"STAC search: {ITEMS:,} items over the demo AOI, pages of {PAGE}, {LATENCY * 1000:.0f} ms latency per "
              f"request, POST with next links (body merged), emulator in its own process on {url}")
        ours, first, stall = eo_connector_search(app, url)
        reference = reference_client(url)
    print()
    print(f"{'search':64s} {'seconds':>8s} {'vs EO Connector':>16s}")
    for name, seconds in (("EO Connector (100 pages, list + full footprints layer)", ours),
                          ("pystac-client search().items() (100 pages, no display)", reference)):
        print(f"{name:64s} {seconds:8.2f} {seconds / ours:15.2f}x")
    print()
    print(f"EO Connector: first results on screen after {first:.2f} s; GUI thread's longest stall {stall} ms; "
          f"pystac-client / EO Connector = {reference / ours:.2f}")
    return ours, reference, stall
