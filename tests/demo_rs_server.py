"""`make demo`, RS-Server part (called from tests/demo.py): sign in to the RS-Server emulator with an API key, find a
CADIP session over the demo dates, stage its files (a job followed like any other), find the staged items in the
catalogue over the AOI and load them; then search a plain STAC API connection (the emulator's public catalogue) over
the AOI and open a COG in place. Everything is printed as it goes."""

import os
import time


def rs_server_demo(aoi, out_dir):
    """Returns the layers it loaded (staged COGs and a streamed scene)."""
    from eo_connector import api
    from eo_connector.qgis_glue import services
    from tests.emulators.rs_server import DEMO_KEY, RsServerEmulator

    layers = []
    with RsServerEmulator(staging_seconds=3.0) as emulator:
        print(f"\nRS-Server emulator on {emulator.url}")
        services.jobs().poll_interval = 0.5
        api.add_rs_server_connection("Demo RS-Server", emulator.url, api_key=DEMO_KEY, check_url=emulator.check_url)
        server = api.rs_server("Demo RS-Server")
        print(f"Signed in with the API key: owner {server.owner_id}, {len(server.apikey_iam_roles)} roles")
        cadip = server.get_cadip_client("CADIP")
        sessions = list(cadip.search(platform="S1A", timestamp=("2024-01-15", "2024-01-20"), sortby="-datetime"))
        print(f"CADIP station CADIP: {len(sessions)} S1A sessions between 2024-01-15 and 2024-01-20")
        session = sessions[0]
        files = cadip.session_files(session)
        print(f"Session {session.id}: {len(files)} files "
              + ", ".join(f"ch{channel}/block {block}" for _key, channel, block, _size in files[:3]) + ", …")

        started = time.monotonic()
        job = server.get_staging_client().run_staging([session], "s1_demo")
        last = None
        while api.job(job.id).state == "running" and time.monotonic() - started < 120:
            from qgis.core import QgsApplication

            QgsApplication.processEvents()
            if job.message != last:
                last = job.message
                print(f"  {job.progress * 100:5.1f}%  {job.message}")
            time.sleep(0.05)
        job.wait(timeout=120)
        print(f"Staging {job.state} in {time.monotonic() - started:.1f} s (server job "
              f"{job.record.remote['jobs'][0]['id']}: {job.record.remote['jobs'][0]['status']})")

        catalog = server.get_catalog_client()
        staged = list(catalog.search(collections=["s1_demo"], aoi=aoi))
        print(f"{len(staged)} staged items in pyuser:s1_demo over the AOI: "
              + ", ".join(f"{item.id} ({len(item.assets)} assets)" for item in staged))
        download = catalog.download_assets(staged, os.path.join(out_dir, "rs_server"), roles=("data",))
        loaded = download.wait(timeout=120)
        print(f"Downloaded {len(download.record.outputs)} files and loaded {len(loaded)} layers: "
              + ", ".join(layer.name() for layer in loaded))
        layers += loaded

        api.add_stac_connection("Demo STAC API", emulator.url + "/stac")
        stac = api.stac("Demo STAC API")
        collection = stac.get_collections()[0].id
        count = stac.count([collection], intersects=aoi)
        clear = list(stac.search([collection], intersects=aoi, limit=10, max_items=25, sortby="+eo:cloud_cover",
                                 filter={"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]}))
        print(f"\nSTAC API {emulator.url}/stac: {count} items of {collection} over the AOI; "
              f"{len(clear)} with at most 20 % clouds (POST search, CQL2-JSON, pages of 10)")
        layer = stac.open_asset(clear[0], "visual")
        print(f"Opened {clear[0].id} visual.tif in place (/vsicurl/, {layer.width()}x{layer.height()} px, "
              f"{len(emulator.recorded('^/data/public/'))} range requests so far)")
        layers.append(layer)
    return layers
