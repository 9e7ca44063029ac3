"""`make bench`: a 5,000-product Terrascope search with 50 ms latency per request.

The emulator runs in its own process at a lower priority, as a real server would: its work and its garbage do not
count against QGIS's GUI thread, nor take the CPU a client needs. Compared in the same run, same emulator and query:
- EO Connector: the dock's path — CatalogueSearch (a QgsTask: the count, the first page, then the other pages side
  by side, core/paging.py) feeding the ResultsBrowser in QGIS's event loop, timed until the footprints layer holds
  all 5,000 features; also the time until the first results are on screen and the GUI thread's longest stall;
- terracatalogueclient 0.1.19: list(Catalogue.get_products(...)), the real client library (nothing drawn).
Nothing here is asserted by the tests.
"""

import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import requests

from tests.bench import server_priority

LATENCY = 0.05
PRODUCTS = 10_000  # half of them lie over the demo AOI: the query below matches 5,000


def reference_client(ini: str, collection: str, bbox) -> float:
    from terracatalogueclient import Catalogue
    from terracatalogueclient.config import CatalogueConfig

    from tests.emulators.terrascope import DEMO_PASSWORD, DEMO_USER

    catalogue = Catalogue(CatalogueConfig.from_file(ini)).authenticate_non_interactive(DEMO_USER, DEMO_PASSWORD)
    started = time.perf_counter()
    products = list(catalogue.get_products(collection, bbox=list(bbox)))
    seconds = time.perf_counter() - started
    assert len(products) == 5_000, len(products)
    return seconds


def eo_connector_search(app, ini: str, collection: str, bbox):
    """(seconds to the full footprints layer, seconds to the first results on screen, longest GUI stall in ms)."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QEventLoop

    from eo_connector.core.http import HttpSession
    from eo_connector.gui.widgets.results_browser import ResultsBrowser
    from eo_connector.providers.terrascope.client import TerrascopeClient
    from eo_connector.providers.terrascope.config import config_from_file
    from eo_connector.providers.terrascope.oidc import OidcClient, TokenKeeper
    from eo_connector.qgis_glue.catalogue_search import CatalogueSearch
    from tests.bench import StallMeter
    from tests.emulators.terrascope import DEMO_PASSWORD, DEMO_USER

    config = config_from_file(ini)
    http = HttpSession(config.catalogue_url)
    oidc = OidcClient(config, http)
    client = TerrascopeClient(config, http, TokenKeeper(oidc, oidc.password_grant(DEMO_USER, DEMO_PASSWORD)))
    browser = ResultsBrowser(None, project=QgsProject.instance(), platform="terrascope")
    browser.set_headers_provider(client.auth_headers)  # quicklooks are behind the sign-in, as on Terrascope
    browser.resize(500, 700)
    browser.show()
    search = CatalogueSearch()
    marks, outcome = {}, {}

    def page_arrived(items, total):
        browser.add_page(items, total)
        if items:  # the first page only carries the count
            marks.setdefault("first", time.perf_counter())

    search.pageArrived.connect(page_arrived)
    search.finished.connect(lambda count, error: outcome.update(count=count, error=error))
    stalls = StallMeter()
    stalls.start()
    started = time.perf_counter()
    browser.prepare_footprints()  # as the Terrascope panel does when its search starts
    browser.clear("bench search", platform="terrascope")
    browser.set_loading(True)
    loop = QEventLoop()
    search.finished.connect(lambda *_: loop.quit())
    search.start("bench search", lambda progress: client.search(collection, bbox=list(bbox), progress=progress))
    if not outcome:
        loop.exec()  # QGIS's own event loop: C++ that takes Python's lock only for the slots it calls
    layer = browser.footprints_layer()
    browser.set_loading(False)
    app.processEvents()
    seconds = time.perf_counter() - started
    stalls.stop()
    if outcome["error"] is not None:
        raise outcome["error"]
    assert layer.featureCount() == 5_000 and len(browser.items()) == 5_000, layer.featureCount()
    browser.close()
    QgsProject.instance().removeAllMapLayers()
    return seconds, marks["first"] - started, stalls.longest_ms


@contextmanager
def emulator_process():
    """The Terrascope emulator in a child process; yields the path of its terracatalogueclient .ini file."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = subprocess.Popen([sys.executable, "-m", "tests.emulators.terrascope", "--port", str(port),
                              "--latency", str(LATENCY), "--s2-products", str(PRODUCTS)],
                             stdout=subprocess.PIPE, text=True, preexec_fn=server_priority)
    try:
        first_line = child.stdout.readline()
        second_line = child.stdout.readline()
        if "configuration:" not in second_line:
            raise RuntimeError(f"the emulator did not start: {first_line}{second_line}")
        yield second_line.split("configuration:", 1)[1].split("(Ctrl-C", 1)[0].strip()
    finally:
        child.terminate()
        child.wait(10)


def bench_terrascope_search(app):
    from eo_connector.providers.terrascope.config import config_from_file
    from tests.emulators.terrascope import DEMO_BBOX, S2_TOC

    with emulator_process() as ini:
        url = config_from_file(ini).catalogue_url
        answer = requests.get(url + "products", params={"collection": S2_TOC, "count": 0,
                                                        "bbox": ",".join(map(str, DEMO_BBOX))}).json()
        assert answer["totalResults"] == 5_000, answer["totalResults"]
        print(f"Terrascope search: 5,000 products over the demo AOI, pages of 100, {LATENCY * 1000:.0f} ms latency "
              f"per request, emulator in its own process on {url}")
        ours, first, stall = eo_connector_search(app, ini, S2_TOC, DEMO_BBOX)
        reference = reference_client(ini, S2_TOC, DEMO_BBOX)
    print()
    print(f"{'search':60s} {'seconds':>8s} {'vs EO Connector':>16s}")
    for name, seconds in (("EO Connector (count, 50 pages, list + full footprints layer)", ours),
                          ("terracatalogueclient.get_products() (50 pages, no display)", reference)):
        print(f"{name:60s} {seconds:8.2f} {seconds / ours:15.2f}x")
    print()
    print(f"EO Connector: first results on screen after {first:.2f} s; GUI thread's longest stall {stall} ms")
    return ours, reference, first, stall
