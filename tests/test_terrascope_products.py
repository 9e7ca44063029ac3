"""Terrascope features -> provider-neutral core Items, collections, and download plans. No server needed."""

import copy
import json

import pytest

from eo_connector.core.errors import InvalidInput, SessionExpired
from eo_connector.core.models import DownloadEntry
from eo_connector.providers.terrascope.download import (
    FILE_TYPES,
    bearer_refresher,
    download_plan,
    plan_totals,
    with_bearer,
)
from eo_connector.providers.terrascope.products import collection_from_feature, item_from_feature

BASE = "https://services.terrascope.be/download/Sentinel2/L2A"
TITLE = "S2A_20220211T113321_29SMC_TOC_V210"
PRODUCT = {
    "type": "Feature",
    "id": f"urn:eop:VITO:TERRASCOPE_S2_TOC_V2:{TITLE}",
    "geometry": {"type": "Polygon", "coordinates": [[[-10.15, 37.85], [-8.95, 37.85], [-8.95, 38.85],
                                                     [-10.15, 38.85], [-10.15, 37.85]]]},
    "bbox": [-10.15, 37.85, -8.95, 38.85],
    "properties": {
        "date": "2022-02-11T11:33:21.024Z", "status": "ARCHIVED", "title": TITLE,
        "parentIdentifier": "urn:eop:VITO:TERRASCOPE_S2_TOC_V2",
        "acquisitionInformation": [
            {"platform": {"platformShortName": "Sentinel-2", "platformSerialIdentifier": "S2A"},
             "acquisitionParameters": {"acquisitionType": "NOMINAL", "orbitDirection": "DESCENDING",
                                       "orbitNumber": 34683, "relativeOrbitNumber": 80,
                                       "beginningDateTime": "2022-02-11T11:33:21.024Z",
                                       "endingDateTime": "2022-02-11T11:35:01.5Z", "tileId": "29SMC"}}],
        "productInformation": {"cloudCover": 0.004, "productType": "TOC", "productVersion": "V210"},
        "links": {
            "data": [{"href": f"{BASE}/{TITLE}_TOC-B02_10M_V210.tif", "type": "image/tiff", "length": 106320625,
                      "title": "TOC-B02_10M"},
                     {"href": f"{BASE}/{TITLE}_TOC-B03_10M_V210.tif", "type": "image/tiff", "length": 100,
                      "title": "TOC-B03_10M"}],
            "related": [{"href": f"{BASE}/{TITLE}_SCENECLASSIFICATION_20M_V210.tif", "type": "image/tiff",
                         "length": 467404, "title": "SCENECLASSIFICATION_20M", "category": "QUALITY"}],
            "previews": [{"href": f"{BASE}/{TITLE}_QUICKLOOK_V210.jpg", "type": "image/jpeg", "length": 275598,
                          "category": "QUICKLOOK"},
                         {"href": "https://services.terrascope.be/wms/v2?SERVICE=WMS&REQUEST=GetMap&LAYERS=X",
                          "type": "image/png", "title": "WMS", "category": "QUICKLOOK"}],
            "alternates": [{"href": f"{BASE}/{TITLE}_TOC_V210.xml", "type": "application/vnd.iso.19139+xml",
                            "length": 39920, "title": "Inspire metadata"}]}}}


def test_a_product_becomes_a_neutral_item():
    item = item_from_feature(PRODUCT, "urn:eop:VITO:TERRASCOPE_S2_TOC_V2")
    assert item.id == PRODUCT["id"] and item.provider == "terrascope"
    assert item.collection == "urn:eop:VITO:TERRASCOPE_S2_TOC_V2"
    assert json.loads(json.dumps(item.geometry)) == PRODUCT["geometry"]  # same GeoJSON, coordinates as tuples
    assert item.datetime == "2022-02-11T11:33:21Z"
    props = item.properties
    assert props["title"] == TITLE and props["short_id"] == TITLE
    assert props["datetime"] == "2022-02-11T11:33:21Z" and props["end_datetime"] == "2022-02-11T11:35:01Z"
    assert props["cloud_cover"] == pytest.approx(0.004)
    assert (props["tile"], props["orbit"], props["orbit_direction"]) == ("29SMC", 80, "DESCENDING")
    assert (props["platform"], props["product_type"]) == ("Sentinel-2", "TOC")
    assert props["size"] == 106320625 + 100  # data files only
    assert "raw" not in props  # thousands of items: no copy of the original properties is kept


def test_assets_keys_roles_sizes_and_paths():
    assets = item_from_feature(PRODUCT).assets
    assert list(assets) == ["data-1", "data-2", "related-1", "previews-1", "previews-2", "alternates-1"]
    data = assets["data-1"]
    assert (data.roles, data.size, data.media_type, data.title) == (["data"], 106320625, "image/tiff", "TOC-B02_10M")
    assert data.path == f"{TITLE}_TOC-B02_10M_V210.tif"
    assert assets["related-1"].roles == ["related"] and assets["related-1"].size == 467404
    assert assets["previews-1"].roles == ["previews", "thumbnail"]
    wms = assets["previews-2"]
    assert wms.roles == ["previews", "wms"] and wms.size is None and wms.path == ""
    assert assets["alternates-1"].roles == ["alternates"]


def test_acquisition_parameters_in_an_element_of_their_own_and_missing_fields():
    feature = copy.deepcopy(PRODUCT)
    info = feature["properties"]["acquisitionInformation"]
    feature["properties"]["acquisitionInformation"] = [{"platform": info[0]["platform"]},
                                                       {"acquisitionParameters": info[0]["acquisitionParameters"]}]
    item = item_from_feature(feature)
    assert item.properties["tile"] == "29SMC" and item.properties["platform"] == "Sentinel-2"
    assert item.collection == "urn:eop:VITO:TERRASCOPE_S2_TOC_V2"  # from parentIdentifier

    bare = {"type": "Feature", "id": "urn:eop:VITO:X:P1", "geometry": None,
            "properties": {"title": "P1", "date": "2020-01-02T03:04:05Z", "links": {}}}
    item = item_from_feature(bare)
    props = item.properties
    assert item.datetime == "2020-01-02T03:04:05Z"  # falls back on `date`
    assert (props["cloud_cover"], props["tile"], props["orbit"], props["size"]) == (None, "", None, None)
    assert item.assets == {} and props["short_id"] == "P1"


def test_a_tiff_quicklook_is_a_thumbnail_and_a_service_query_marks_wms():
    feature = copy.deepcopy(PRODUCT)
    feature["properties"]["links"] = {"previews": [
        {"href": "https://x/q.tif", "type": "image/tiff", "length": 5},
        {"href": "https://x/wms?service=wms&request=GetMap", "type": "image/png"},
        {"href": "https://x/notes.txt", "type": "text/plain", "length": 3}]}
    assets = item_from_feature(feature).assets
    assert [a.roles for a in assets.values()] == [["previews", "thumbnail"], ["previews", "wms"], ["previews"]]


def test_a_collection_feature():
    feature = {"type": "Feature", "id": "urn:eop:VITO:TERRASCOPE_S2_TOC_V2",
               "geometry": {"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, 90], [-180, -90]]]},
               "bbox": [-180, -90, 180, 90],
               "properties": {"title": "Terrascope Sentinel-2 TOC V2", "abstract": "Top of canopy reflectance",
                              "date": "2017-06-15T00:00:00Z/",
                              "acquisitionInformation": [{"platform": {"platformShortName": "SENTINEL-2"}}]}}
    collection = collection_from_feature(feature)
    assert (collection.id, collection.title, collection.abstract, collection.platform) == (
        "urn:eop:VITO:TERRASCOPE_S2_TOC_V2", "Terrascope Sentinel-2 TOC V2", "Top of canopy reflectance",
        "SENTINEL-2")
    assert (collection.start, collection.end) == ("2017-06-15T00:00:00Z", None)
    assert collection.bbox == [-180, -90, 180, 90] and collection.properties is feature["properties"]


# -- download plans
def test_plan_layout_is_short_id_slash_file_name_and_skips_wms():
    item = item_from_feature(PRODUCT)
    plan = download_plan([item], FILE_TYPES)
    assert [e.relative_path for e in plan] == [
        f"{TITLE}/{TITLE}_TOC-B02_10M_V210.tif", f"{TITLE}/{TITLE}_TOC-B03_10M_V210.tif",
        f"{TITLE}/{TITLE}_SCENECLASSIFICATION_20M_V210.tif", f"{TITLE}/{TITLE}_QUICKLOOK_V210.jpg",
        f"{TITLE}/{TITLE}_TOC_V210.xml"]
    assert all("wms" not in e.url for e in plan) and all(e.headers == {} for e in plan)
    assert plan[0].url == PRODUCT["properties"]["links"]["data"][0]["href"] and plan[0].size == 106320625
    assert plan_totals(plan) == (106320625 + 100 + 467404 + 275598 + 39920, 5)


def test_plan_with_chosen_kinds_only():
    item = item_from_feature(PRODUCT)
    assert [e.relative_path.rsplit("_", 2)[-2] for e in download_plan([item], ["related", "alternates"])] == [
        "20M", "TOC"]
    assert download_plan([item], []) == []
    assert plan_totals([]) == (0, 0)


def test_plan_refuses_unknown_kinds_and_files_not_on_the_web():
    item = item_from_feature(PRODUCT)
    with pytest.raises(InvalidInput, match="Unknown kind of product file: quicklooks"):
        download_plan([item], ["data", "quicklooks"])
    mep = copy.deepcopy(PRODUCT)
    mep["properties"]["links"]["data"][0]["href"] = "file:///data/MTDA/TERRASCOPE_Sentinel2/x.tif"
    with pytest.raises(InvalidInput, match="not offered for download over the web"):
        download_plan([item_from_feature(mep)], ["data"])


def test_bearer_headers_and_refresh_after_a_refusal():
    class Keeper:
        def __init__(self):
            self.calls = []

        def force_refresh(self, stale=""):
            self.calls.append(stale)
            return "fresh-token-123"

    plan = with_bearer([DownloadEntry("https://x/a.tif", "p/a.tif", 3)], "old-token-123")
    assert plan[0].headers == {"Authorization": "Bearer old-token-123"}
    keeper = Keeper()
    renewed = bearer_refresher(keeper)(plan[0])
    assert keeper.calls == ["old-token-123"]  # the refused token, so parallel files refresh only once
    assert renewed.headers == {"Authorization": "Bearer fresh-token-123"} and renewed.relative_path == "p/a.tif"
    assert with_bearer(plan, "")[0].headers == plan[0].headers  # an open catalogue adds nothing

    class Refused:
        def force_refresh(self, stale=""):
            raise SessionExpired()

    with pytest.raises(SessionExpired):
        bearer_refresher(Refused())(plan[0])


def test_a_download_job_is_named_for_its_products_and_their_collection(tmp_path):
    from eo_connector.providers.terrascope.workflow import new_download_record

    one = new_download_record("c1", [item_from_feature(PRODUCT)], FILE_TYPES, str(tmp_path), "Sentinel-2 TOC")
    assert one.title == "1 product of Sentinel-2 TOC"  # not "1 products"
    second = copy.deepcopy(PRODUCT)
    second["id"] += "-2"
    two = new_download_record("c1", [item_from_feature(PRODUCT), item_from_feature(second)], FILE_TYPES,
                              str(tmp_path), "Sentinel-2 TOC")
    assert two.title == "2 products of Sentinel-2 TOC"
