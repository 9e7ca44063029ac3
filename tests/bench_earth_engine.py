"""`make bench`, the Earth Engine rows (called from tests/bench.py): a 16-tile image:computePixels download (1024 x
1024 int16 tiles) from the emulator with 50 ms latency per request, fetched by

- EO Connector: the shared Downloader, 8 tiles in flight, each a POST entry (what the pixels job does);
- the REST guide's sample: one requests.post per tile, one after the other;
- earthengine-api's own ee.data.computePixels, called once per tile (ee.Initialize(url=...) on the emulator);

as ratios to EO Connector, and the peak resident memory while the 16 tiles (32 MiB of pixels) are assembled into
one Cloud-Optimised GeoTIFF clipped to an AOI. The emulator computes the tiles once beforehand (Earth Engine computes
on its own machines): what is timed is the fetching. Nothing here is asserted by the tests.
"""

import os
import shutil
import tempfile
import time

LATENCY = 0.05


class _FixedToken:
    def __init__(self, token):
        self.token = token

    def bearer(self):
        return self.token

    def force_refresh(self, stale=""):
        return self.token


def bench_earth_engine(app=None):
    import requests

    from eo_connector.core.download import Downloader
    from eo_connector.core.http import HttpSession
    from eo_connector.core.progress import Progress
    from eo_connector.providers.earth_engine.client import EarthEngineClient
    from eo_connector.providers.earth_engine.expressions import asset_expression
    from eo_connector.providers.earth_engine.pixels import Grid, windows
    from eo_connector.qgis_glue.rasters import GdalRasters
    from tests.bench import _RssPeak
    from tests.emulators.earth_engine import EarthEngineEmulator
    from tests.emulators.earth_engine_data import PROJECT, SRTM

    work = tempfile.mkdtemp(prefix="eo-bench-ee-")
    emulator = EarthEngineEmulator()
    emulator.start()
    try:
        token = emulator.accounts.issue_access_token()
        grid = Grid("EPSG:4326", 7.0, 43.7, 0.0001, 4096, 4096)
        tiles = windows(grid, 2, side=1024)
        expression = asset_expression(SRTM)
        bodies = [grid.body(expression, window, []) for window in tiles]
        url = f"{emulator.url}/v1/projects/{PROJECT}/image:computePixels"
        headers = {"Authorization": "Bearer " + token, "X-Goog-User-Project": PROJECT}
        # Earth Engine computes each tile on its own machines: the emulator computes them once beforehand, so what is
        # timed is the fetching (the service's answer time stands in the 50 ms latency), not the emulator's own CPU.
        emulator.pixel_cache = {}
        for body in bodies:
            requests.post(url, json=body, headers=headers).raise_for_status()
        emulator.faults.latency(LATENCY)
        print(f"Earth Engine: {len(tiles)} computePixels tiles of 1024 x 1024 int16 ({len(tiles) * 2} MiB of "
              f"pixels) from the emulator, {LATENCY * 1000:.0f} ms latency per request")

        http = HttpSession(emulator.url)
        client = EarthEngineClient(http, emulator.url, PROJECT, _FixedToken(token))
        entries = [client.pixels_entry(body, window.path) for body, window in zip(bodies, tiles)]
        started = time.perf_counter()
        paths = Downloader(http, workers=8).download(entries, os.path.join(work, "ours"), Progress())
        ours = time.perf_counter() - started
        rows = [("EO Connector (Downloader, 8 in flight, resumable)", ours)]

        started = time.perf_counter()
        os.makedirs(os.path.join(work, "sequential"))
        for number, body in enumerate(bodies):  # the REST guide's sample, once per tile
            response = requests.post(url, json=body, headers=headers)
            response.raise_for_status()
            with open(os.path.join(work, "sequential", f"{number}.tif"), "wb") as out:
                out.write(response.content)
        rows.append(("the REST guide's sample: requests.post per tile, in turn", time.perf_counter() - started))

        try:
            import ee
            from google.oauth2.credentials import Credentials
        except ImportError:
            ee = None
        if ee is not None:
            ee.deprecation._FetchDataCatalogStac = lambda: {}
            ee.Initialize(credentials=Credentials(token=token), url=emulator.url, project=PROJECT)
            image = ee.Image(SRTM)
            started = time.perf_counter()
            for body in bodies:
                data = ee.data.computePixels({"expression": image, "fileFormat": "GEO_TIFF", "grid": body["grid"]})
                assert data[:2] in (b"II", b"MM")
            rows.append(("earthengine-api: ee.data.computePixels per tile", time.perf_counter() - started))
        emulator.faults.latency(0)

        cutline = "POLYGON((7.02 43.3, 7.39 43.32, 7.40 43.62, 7.05 43.69, 7.02 43.3))"
        # A first, small assembly loads GDAL's warping and COG code (counted as resident memory once per process).
        GdalRasters().mosaic_cog(paths[:1], os.path.join(work, "warm.tif"), cutline, "EPSG:4326", Progress())
        with _RssPeak() as rss:
            started = time.perf_counter()
            GdalRasters().mosaic_cog(paths, os.path.join(work, "mosaic.tif"), cutline, "EPSG:4326", Progress())
            assembling = time.perf_counter() - started

        print()
        print(f"{'computePixels, 16 tiles':58s} {'seconds':>8s} {'vs EO Connector':>16s}")
        for name, seconds in rows:
            print(f"{name:58s} {seconds:8.2f} {seconds / ours:15.2f}x")
        if ee is None:
            print("(earthengine-api is not installed: its row is left out)")
        print()
        print(f"Assembling the 16 tiles into one COG clipped to an AOI: {assembling:.2f} s, resident memory "
              f"+{rss.growth_mib:.1f} MiB at its peak (the tiles hold {len(tiles) * 2} MiB of pixels; GDAL's block "
              f"cache included, its code loaded before)")
    finally:
        emulator.stop()
        shutil.rmtree(work, ignore_errors=True)
