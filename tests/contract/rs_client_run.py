"""Run the REAL rs-client-libraries 0.2 (CadipClient, AuxipClient, CatalogClient, StagingClient) against an RS-Server
emulator and print, as JSON, what the library got. Run by tests/test_rs_server_contract.py with the interpreter of
tests/tools/rs_client_env.sh (the library's own venv):

    python tests/contract/rs_client_run.py SERVER_URL API_KEY CHECK_URL

RSPY_UAC_CHECK_URL is read by the library when it is imported: it is set first.
"""

import json
import os
import sys


def main(url: str, key: str, check_url: str) -> dict:
    os.environ["RSPY_UAC_CHECK_URL"] = check_url
    os.environ.setdefault("OTEL_SDK_DISABLED", "true")
    import pystac
    from rs_client.rs_client import RsClient

    got = {}
    rs = RsClient(url, key, None)
    got["user_login"] = rs.apikey_user_login
    got["roles"] = sorted(rs.apikey_iam_roles)

    cadip = rs.get_cadip_client()
    sessions = cadip.search(method="GET", collections=["cadip_ins"], timestamp="2024-01-15T00:00:00Z/2024-01-31T00:00:00Z",
                            limit=2, sortby="-datetime")
    got["cadip_ids"] = [item.id for item in sessions]
    got["cadip_files"] = {item.id: sorted(item.assets) for item in sessions}
    got["cadip_landing_conforms"] = len(cadip.get_landing().get("conformsTo", []))
    got["cadip_collections"] = sorted(c.id for c in cadip.get_collections())

    auxip = rs.get_auxip_client()
    flt = {"op": "=", "args": [{"property": "product:type"}, "AUX_RESORB"]}
    aux = auxip.search(method="POST", stac_filter=flt, max_items=100, sortby="-datetime", collections=["adgs_aux"],
                       limit=2)
    got["auxip_ids"] = [item.id for item in aux]

    catalog = rs.get_catalog_client()
    got["owner_id"] = catalog.owner_id
    got["catalog_collection"] = catalog.get_collection("s2_l2a").id
    found = catalog.search(collections=["s2_l2a"], bbox=[7.0, 43.6, 7.06, 43.66], limit=2)
    got["catalog_search_ids"] = [item.id for item in found]
    got["catalog_queryables"] = sorted(catalog.get_queryables().get("properties", {}))

    collection = pystac.Collection(id="contract_coll", description="", extent=pystac.Extent(
        pystac.SpatialExtent([[7.0, 43.6, 7.06, 43.66]]), pystac.TemporalExtent([[None, None]])))
    catalog.add_collection(collection)
    item = pystac.Item(id="contract_item", geometry={"type": "Point", "coordinates": [7.03, 43.63]},
                       bbox=[7.03, 43.63, 7.03, 43.63], datetime=None,
                       properties={"start_datetime": "2024-01-15T00:00:00Z", "end_datetime": "2024-01-16T00:00:00Z"})
    item.add_asset("data", pystac.Asset(href="s3://bucket/contract_item.tif", roles=["data"]))
    catalog.add_item("contract_coll", item)
    got["added_item"] = [i.id for i in catalog.search(collections=["contract_coll"])]
    stored = next(iter(catalog.search(collections=["contract_coll"])))
    stored.properties["note"] = "updated"
    catalog.update_item(stored)
    got["updated_note"] = next(iter(catalog.search(collections=["contract_coll"]))).properties.get("note")
    catalog.remove_item("contract_coll", "contract_item")
    got["after_remove"] = [i.id for i in catalog.search(collections=["contract_coll"])]
    catalog.remove_collection("contract_coll")
    got["collections_after"] = sorted(c.id for c in catalog.get_collections())

    staging = rs.get_staging_client()
    session = sessions.items[0].to_dict()
    jobs = staging.run_staging({"type": "FeatureCollection", "features": [session]}, "s1_contract")
    got["staging_hosts"] = sorted(jobs)
    got["staging_first_status"] = [job["status"] for job in jobs.values()]
    staging.wait_for_jobs(jobs, poll_interval=1, timeout=60)
    got["staging_final"] = [staging.get_job_info(job["jobID"])["status"] for job in jobs.values()]
    got["staged_ids"] = [i.id for i in catalog.search(collections=["s1_contract"])]
    return got


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
