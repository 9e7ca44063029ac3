"""`make demo`, the Earth Engine part (called from tests/demo.py): on the local Earth Engine emulator, sign in with
the credentials `earthengine authenticate` would have left, add a live relief layer over the AOI, download its
pixels over the AOI (several computePixels tiles in parallel) into one Cloud-Optimised GeoTIFF, load it, save the
project; then let every map id expire, reopen the saved project and show that the layer draws again."""

import os
import time


def _tile_status(layer) -> int:
    import requests
    from qgis.PyQt.QtCore import QUrl

    url = QUrl.fromPercentEncoding(layer.source().split("url=")[1].split("&")[0].encode())
    return requests.get(url.format(z=12, x=2127, y=1494)).status_code


def _wait(app, condition, seconds=120):
    started = time.monotonic()
    while not condition() and time.monotonic() - started < seconds:
        app.processEvents()
        time.sleep(0.02)
    return condition()


def earth_engine_demo(app, aoi, out_dir) -> bool:
    from qgis.core import QgsProject

    from eo_connector import api
    from eo_connector.qgis_glue import services
    from eo_connector.qgis_glue.live_layers import LiveLayerKeeper, live_layers
    from tests.emulators.earth_engine import EarthEngineEmulator
    from tests.emulators.earth_engine_data import PROJECT, SRTM

    with EarthEngineEmulator() as emulator:
        print(f"\nEarth Engine emulator on {emulator.url}")
        credentials = os.path.join(out_dir, "earthengine-credentials")
        emulator.write_credentials(credentials)
        api.add_earth_engine_connection("Demo Earth Engine", PROJECT, credentials_file=credentials,
                                        token_url=emulator.token_url, catalog_url=emulator.catalog_url,
                                        url=emulator.url)
        session = api.earth_engine("Demo Earth Engine")
        keeper = LiveLayerKeeper(services.connections)
        keeper.install()
        try:
            layer = session.add_layer(SRTM, {"min": 0, "max": 500, "palette": ["1a9850", "fee08b", "d73027"]},
                                      "SRTM relief (live)")
            print(f"Signed in (Cloud project {PROJECT}); live layer {layer.name()!r} added: tile HTTP "
                  f"{_tile_status(layer)}")
            started = time.monotonic()
            job = session.download_pixels(SRTM, aoi, scale=0.5, crs="EPSG:2154",
                                          output_dir=os.path.join(out_dir, "earth_engine"))
            [raster] = job.wait(timeout=300)
            record = job.record
            print(f"Pixels over the AOI: {record.remote['tiles']} computePixels tiles in parallel -> one "
                  f"Cloud-Optimised GeoTIFF {raster.width()} x {raster.height()} px in "
                  f"{time.monotonic() - started:.1f} s, loaded as {raster.name()!r}")
            pixels_ok = raster.isValid() and record.remote["tiles"] > 1
            project_path = os.path.join(out_dir, "earth_engine_demo.qgz")
            QgsProject.instance().write(project_path)
            print(f"Project saved: {project_path}")

            emulator.expire_maps()
            print(f"Every map id has expired: the saved layer's tiles now answer HTTP {_tile_status(layer)}")
            QgsProject.instance().clear()
            QgsProject.instance().read(project_path)
            [reopened] = live_layers()
            _wait(app, lambda: not keeper.running)
            status = _tile_status(reopened)
            print(f"Project reopened: layer {reopened.name()!r} got a new map by itself, tiles HTTP {status}")
            return status == 200 and pixels_ok
        finally:
            keeper.uninstall()
