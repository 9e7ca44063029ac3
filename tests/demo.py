"""`make demo`: the main job on built-in local services, no account needed.

Starts the BrightEarth and Terrascope emulators, runs QGIS headless with a scratch profile, takes the AOI from the
sample layer tests/data/sample_aoi.gpkg, runs an extraction scenario through the job manager the dock uses, then
searches the Terrascope catalogue over the same AOI and downloads the clearest products; signs in to the RS-Server
emulator, stages a CADIP session and loads the staged items, searches a STAC API over the AOI (tests/demo_rs_server.py);
loads every result, then saves a QGIS project and a PNG rendering of the map into demo_output/.
"""

import os
import shutil
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = os.path.join(ROOT, "demo_output")
EMAIL, PASSWORD = "analyst@example.com", "correct horse"


def main() -> int:
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    from qgis.core import QgsApplication

    from tests.support.scratch_profile import files_in_user_profile, use_scratch_settings

    # A scratch QGIS profile: the demo leaves the user's own settings, auth database and keyring alone.
    profile = use_scratch_settings(os.path.join(OUT, "qgis-profile"))
    app = QgsApplication([], True, profile)
    app.initQgis()
    outside = files_in_user_profile()
    if outside:
        print(f"The demo would write into your own QGIS profile: {outside}")
        return 1
    try:
        return run(app)
    finally:
        from eo_connector.qgis_glue import services

        services.reset()
        app.exitQgis()


def run(app) -> int:
    from qgis.core import QgsApplication, QgsFillSymbol, QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication

    from eo_connector import api
    from eo_connector.core import i18n
    from eo_connector.qgis_glue import services
    from tests.emulators.beod import BeodEmulator

    i18n.set_translator(QCoreApplication.translate)
    # A scratch profile has no keyring on a headless machine: secrets go to the QGIS auth DB, which needs a master
    # password. A real user is asked for it by QGIS; the demo sets one for its scratch profile.
    QgsApplication.authManager().setMasterPassword("eo-connector-demo", True)

    with BeodEmulator(users={EMAIL: PASSWORD}, credits=500, run_seconds=4.0) as emulator:
        print(f"BrightEarth emulator on {emulator.url}")
        services.jobs().poll_interval = 0.5  # the emulator computes in seconds, not minutes
        api.add_brightearth_connection("Demo BrightEarth", EMAIL, PASSWORD, url=emulator.url)
        print(f"Signed in as {EMAIL}: {api.me()['credits']} credits")

        layer = QgsVectorLayer(os.path.join(ROOT, "tests", "data", "sample_aoi.gpkg"), "Sample districts", "ogr")
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "20,60,200,255", "outline_width": "0.8"})))
        QgsProject.instance().addMapLayer(layer)
        aoi = api.aoi_from_layer(layer)
        print(f"AOI from {aoi.source}: {aoi.area_km2:.2f} km², {aoi.vertex_count} vertices"
              + (f" ({'; '.join(aoi.notes)})" if aoi.notes else ""))

        started = time.monotonic()
        job = api.run_brightearth(aoi, "Sophia Antipolis demo", output_dir=os.path.join(OUT, "results"),
                                  output_crs=3857, vector_formats="shapefile,geopackage", raster_formats="geotiff")
        last = None
        while api.jobs()[0].state == "running" and time.monotonic() - started < 300:
            app.processEvents()
            if job.message != last:
                last = job.message
                print(f"  {job.progress * 100:5.1f}%  {job.message}")
            time.sleep(0.05)
        layers = job.wait(timeout=300)
        print(f"Job {job.state} in {time.monotonic() - started:.1f} s: {len(layers)} layers loaded; "
              f"credits {job.record.remote.get('credits_before')} -> {job.record.remote.get('credits_after')}")

    scenes = terrascope_search_and_download(aoi)

    from tests.demo_rs_server import rs_server_demo

    staged = rs_server_demo(aoi, OUT)

    project_path = os.path.join(OUT, "eo_connector_demo.qgz")
    QgsProject.instance().write(project_path)
    png_path = os.path.join(OUT, "eo_connector_demo.png")
    render(layers + [layer] + scenes + staged, aoi, png_path)
    print("\nDemo output:")
    print(f"  project  {project_path}")
    print(f"  map      {png_path}")
    print(f"  files    {job.output_dir}")
    from tests.demo_earth_engine import earth_engine_demo
    return 0 if layers and scenes and staged and earth_engine_demo(app, aoi, OUT) else 1


def terrascope_search_and_download(aoi):
    """Sign in to the Terrascope emulator, count and search Sentinel-2 products over the AOI, download the data
    files of the three clearest ones as a background job and load them, grouped per product."""
    from eo_connector import api
    from tests.emulators.terrascope import DEMO_PASSWORD as TS_PASSWORD
    from tests.emulators.terrascope import DEMO_USER, TerrascopeEmulator

    collection = "urn:eop:VITO:TERRASCOPE_S2_TOC_V2"
    with TerrascopeEmulator() as emulator:
        ini = os.path.join(OUT, "terrascope-emulator.ini")
        emulator.write_ini(ini)
        print(f"\nTerrascope emulator on {emulator.url}")
        api.add_terrascope_connection("Demo Terrascope", DEMO_USER, TS_PASSWORD, config_file=ini)
        catalogue = api.terrascope("Demo Terrascope")
        names = [c.title for c in catalogue.get_collections()]
        print(f"Signed in as {DEMO_USER}; {len(names)} collections: {', '.join(names)}")
        filters = dict(geometry=aoi, start="2022-01-01", end="2022-12-31", cloudCover=30)
        count = catalogue.get_product_count(collection, **filters)
        products = sorted(catalogue.get_products(collection, **filters),
                          key=lambda item: item.properties.get("cloud_cover") or 0)[:3]
        print(f"{count} products over the AOI in 2022 with at most 30 % clouds; downloading the clearest "
              f"{len(products)}: {', '.join(p.properties['title'] for p in products)}")
        started = time.monotonic()
        job = catalogue.download_products(products, os.path.join(OUT, "terrascope"), file_types=("data",))
        scenes = job.wait(timeout=300)
        print(f"Download {job.state} in {time.monotonic() - started:.1f} s: {len(job.record.outputs)} files, "
              f"{len(scenes)} layers loaded, one group per product")
    return scenes


def render(layers, aoi, path):
    """Draw the layers over the AOI's extent into a PNG, as QGIS would."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from eo_connector.qgis_glue.layer_aoi import aoi_to_geometry

    crs = QgsCoordinateReferenceSystem("EPSG:3857")
    settings = QgsMapSettings()
    settings.setDestinationCrs(crs)
    settings.setLayers(layers)  # first on top: results over the AOI outline
    extent = aoi_to_geometry(aoi, crs).boundingBox()
    extent.scale(1.1)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1200, 900))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path, "PNG")


if __name__ == "__main__":
    sys.exit(main())
