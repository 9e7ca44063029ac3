"""The generic STAC client (providers/stac), pure: search bodies in their GET and POST forms, every next link
followed (GET links, POST links with body and merge), numberMatched, max_items, cancel between pages, items mapped
to the one item model and back, queryables turned into form fields and CQL2-JSON, which assets stream in place,
download plans with S3 alternates, and the plain "STAC API" platform against the emulator's public catalogue."""

import json

import pytest

from eo_connector.core import streaming as stac_assets
from eo_connector.core.aoi import aoi_from_bbox
from eo_connector.core.errors import Cancelled, InvalidInput, ProtocolError, SessionExpired
from eo_connector.core.http import HttpSession
from eo_connector.core.models import Asset, Item
from eo_connector.core.platform import FieldKind
from eo_connector.core.progress import Progress
from eo_connector.providers.stac.client import SearchRequest, StacApi, get_params, search_parameters, sort_fields
from eo_connector.providers.stac.filters import QUERYABLE_PREFIX, cql2_from_values, queryable_fields, search_body
from eo_connector.providers.stac.items import ALTERNATES, item_from_stac, item_to_stac
from eo_connector.providers.stac.operations import download_plan
from eo_connector.providers.stac.platform import PLATFORM as STAC
from tests.emulators.rs_server import DEMO_COOKIE

AOI = aoi_from_bbox(7.0, 43.6, 7.06, 43.66, "test")


def test_search_body_and_its_get_form():
    body = search_parameters(collections="a,b", bbox=[7, 43.6, 7.06, 43.66], datetime=("2024-01-01", None),
                             ids=["x"], filter={"op": "=", "args": [{"property": "platform"}, "S1A"]},
                             sortby="-datetime,+id", limit=50)
    assert body["collections"] == ["a", "b"] and body["datetime"] == "2024-01-01T00:00:00Z/.."
    assert body["filter-lang"] == "cql2-json" and body["limit"] == 50
    assert body["sortby"] == [{"field": "datetime", "direction": "desc"}, {"field": "id", "direction": "asc"}]
    params = get_params(body)
    assert params["bbox"] == "7.0,43.6,7.06,43.66" and params["collections"] == "a,b"
    assert json.loads(params["filter"]) == body["filter"] and params["sortby"] == "-datetime,+id"
    with pytest.raises(InvalidInput):
        search_parameters(bbox=[1, 2, 3])
    with pytest.raises(InvalidInput, match="not valid JSON"):
        search_parameters(filter="{nope")
    assert sort_fields([{"field": "x"}]) == [{"field": "x", "direction": "asc"}]


def test_next_links_get_and_post_with_merge():
    previous = SearchRequest("POST", "http://s/search", body={"collections": ["a"], "limit": 2})
    page = {"links": [{"rel": "next", "method": "POST", "href": "http://s/search", "body": {"token": "t1"},
                       "merge": True, "headers": {"X-Page": "2"}}]}
    following = StacApi.next_request(page, previous)
    assert following.body == {"collections": ["a"], "limit": 2, "token": "t1"} and following.headers == {"X-Page": "2"}
    unmerged = StacApi.next_request({"links": [{"rel": "next", "method": "POST", "href": "u", "body": {"t": 1}}]},
                                    previous)
    assert unmerged.body == {"t": 1}
    get = StacApi.next_request({"links": [{"rel": "next", "href": "http://s/search?token=2"}]}, previous)
    assert get.method == "GET" and get.url.endswith("token=2") and get.params is None
    assert StacApi.next_request({"links": []}, previous) is None


def test_items_map_to_the_item_model_and_back():
    feature = {"type": "Feature", "id": "A", "collection": "c", "bbox": [1, 2, 3, 4],
               "geometry": {"type": "Point", "coordinates": [1, 2]},
               "properties": {"datetime": "2024-01-01T00:00:00Z", "eo:cloud_cover": 12.5},
               "assets": {"cog": {"href": "https://h/a.tif?sig=1", "type": "image/tiff", "roles": ["data"],
                                  "file:size": 10, "file:checksum": "1220" + "ab" * 32, "cadip:channel": 2,
                                  "alternate": {"s3": {"href": "s3://b/a.tif"}}}},
               "links": [{"rel": "self", "href": "https://h/items/A"}, {"rel": "next", "href": "x"}]}
    item = item_from_stac(feature, "stac")
    asset = item.assets["cog"]
    assert asset.path == "a.tif" and asset.size == 10 and asset.checksum == "sha256:" + "ab" * 32
    assert item.properties["cloud_cover"] == 12.5 and item.properties[ALTERNATES] == {"cog": {"s3": "s3://b/a.tif"}}
    back = item_to_stac(item, root_url="https://h/api")
    assert back["assets"]["cog"]["alternate"] == {"s3": {"href": "s3://b/a.tif"}}
    assert back["assets"]["cog"]["cadip:channel"] == 2 and back["bbox"] == [1, 2, 3, 4]
    assert {link["rel"] for link in back["links"]} == {"self", "root", "collection"}
    assert "asset_fields" not in back["properties"] and "cloud_cover" not in back["properties"]


def test_queryables_become_fields_and_cql2():
    schema = {"properties": {"platform": {"type": "string", "enum": ["S1A", "S2A"]},
                             "eo:cloud_cover": {"type": "number", "minimum": 0},
                             "published": {"type": "string", "format": "date-time"},
                             "tile": {"type": "string"}, "datetime": {"type": "string"}}}
    fields = {f.name.split(":", 1)[1]: f for f in queryable_fields(schema)}
    assert set(fields) == {"platform", "eo:cloud_cover", "published", "tile"}
    assert fields["platform"].kind == FieldKind.CHOICE and fields["eo:cloud_cover"].name == "qmax:eo:cloud_cover"
    assert fields["platform"].name == QUERYABLE_PREFIX + "platform"
    with pytest.raises(InvalidInput, match="is not a number"):
        cql2_from_values({"qmax:eo:cloud_cover": "lots"}, list(fields.values()))
    assert cql2_from_values({"qmax:eo:cloud_cover": ""}, list(fields.values())) is None
    values = {"q:platform": "S1A", "qmax:eo:cloud_cover": "30", "q:tile": "31*", "qfrom:published": "2024-01-02",
              "filter": '{"op": "=", "args": [{"property": "x"}, 1]}'}
    expression = cql2_from_values(values, list(fields.values()))
    assert expression["op"] == "and" and len(expression["args"]) == 5
    ops = {arg["args"][0].get("property"): arg["op"] for arg in expression["args"]}
    assert ops == {"platform": "=", "eo:cloud_cover": "<=", "tile": "like", "published": ">=", "x": "="}
    with pytest.raises(InvalidInput, match="swap"):
        search_body("c", {"start": "2024-02-01", "end": "2024-01-01"}, [], None)
    body = search_body("c", {"limit": 5}, [], AOI, bbox_only=True)
    assert body["bbox"] == list(AOI.bbox()) and "intersects" not in body


def test_what_streams_in_place_and_what_is_said_otherwise(monkeypatch):
    cog = Asset("https://h/x.tif", media_type="image/tiff; application=geotiff; profile=cloud-optimized")
    assert stac_assets.stream_target(cog) == ("raster", "/vsicurl/https://h/x.tif", "")
    assert stac_assets.stream_target(Asset("https://h/z.zarr", media_type="application/vnd+zarr"))[1] == \
        'ZARR:"/vsicurl/https://h/z.zarr"'
    assert stac_assets.stream_target(Asset("https://h/v.fgb"))[0] == "vector"
    kind, path, reason = stac_assets.stream_target(Asset("https://h/x.SAFE.zip", title="SAFE",
                                                         media_type="application/zip"))
    assert not path and "cannot be opened in place" in reason and "Download" in reason
    monkeypatch.setattr(stac_assets, "has_s3_credentials", lambda environ=None: False)
    assert "no S3 credentials" in stac_assets.stream_target(Asset("s3://bucket/x.tif", media_type="image/tiff"))[2]
    monkeypatch.setattr(stac_assets, "has_s3_credentials", lambda environ=None: True)
    assert stac_assets.stream_target(Asset("s3://bucket/k/x.tif", media_type="image/tiff"))[1] == \
        "/vsis3/bucket/k/x.tif"
    assert stac_assets.has_s3_credentials({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"})


def test_download_plan_uses_https_alternates_and_says_what_it_leaves_out():
    both = Item("A", assets={"cog": Asset("s3://b/a.tif", roles=["data"], size=5)},
                properties={ALTERNATES: {"cog": {"https": "https://h/a.tif"}}})
    only_s3 = Item("B", assets={"cog": Asset("s3://b/b.tif", roles=["data"])})
    thumb = Item("C", assets={"t": Asset("https://h/c.png", roles=["thumbnail"])})
    plan, skipped = download_plan([both, only_s3, thumb], ["data"])
    assert [e.url for e in plan] == ["https://h/a.tif"] and plan[0].relative_path == "A/a.tif"
    assert len(skipped) == 1 and "only in S3 storage" in skipped[0]
    plan, _ = download_plan([thumb], [], asset_keys=["t"])
    assert [e.url for e in plan] == ["https://h/c.png"]


def public_api(emulator, http):
    return StacApi(http, emulator.url + "/stac/")


def test_a_search_of_three_post_pages_and_more(rs_emulator):
    with HttpSession() as http:
        api = public_api(rs_emulator, http)
        assert api.search_methods() == ("GET", "POST") and api.conforms("/cql2-json")
        pages = list(api.search(search_parameters(collections=["sentinel-2-l2a-demo"], intersects=AOI.to_geojson(),
                                                  limit=7), method="POST"))
    assert len(pages) == 6 and pages[0].total == 40 and [p.start_index for p in pages][:3] == [1, 8, 15]
    assert len({i.id for p in pages for i in p.items}) == 40
    posts = [json.loads(r.body) for r in rs_emulator.recorded("^/stac/search$", "POST")]
    assert len(posts) == 6 and all(p["intersects"]["type"] == "Polygon" for p in posts)
    assert [p.get("token", "").rsplit(":", 1)[-1] for p in posts] == ["", "7", "14", "21", "28", "35"]


def test_max_items_and_cancel_between_pages(rs_emulator):
    with HttpSession() as http:
        api = public_api(rs_emulator, http)
        assert len(api.items(search_parameters(limit=4), max_items=10)) == 10
        progress = Progress()
        pages = api.search(search_parameters(limit=4), progress=progress)
        next(pages)
        progress.cancel()
        with pytest.raises(Cancelled):
            next(pages)


def test_an_expired_cookie_mid_search_is_said(rs_emulator, rs_ctx, rs_connection):
    from eo_connector.providers.rs_server.platform import PLATFORM as RS

    connection = rs_connection(rs_emulator, auth="cookie", cookie=DEMO_COOKIE, api_key="", check_url="")
    client = RS.client(rs_ctx, connection)
    with client.http:
        pages = client.cadip.search(search_parameters(collections=["cadip_cadip"], limit=2), method="GET")
        first = next(pages)
        assert len(first.items) == 2
        rs_emulator.expire_cookie()
        with pytest.raises(SessionExpired) as expired:
            next(pages)
    assert "session cookie: it has expired" in expired.value.message
    assert all(r.header("cookie") == f"session={DEMO_COOKIE}" for r in rs_emulator.recorded("^/cadip/search$"))


def test_not_a_stac_api_is_said(rs_emulator):
    with HttpSession() as http:
        with pytest.raises(ProtocolError, match="is not a STAC API"):
            StacApi(http, rs_emulator.url + "/nothing/").landing()


def test_plain_stac_platform_on_a_public_catalogue(rs_emulator, rs_ctx):
    connection = STAC.connection_from_form("public", {"url": rs_emulator.url + "/stac"})
    account = STAC.sign_in(rs_ctx, connection, STAC.credentials_from_form({}))
    assert account["collections"] == 1 and "Public STAC catalogue" in STAC.describe_account(connection, account)
    client = STAC.client(rs_ctx, connection)
    with client.http:
        fields = STAC.queryable_fields(client, "sentinel-2-l2a-demo")
        assert any(f.name == "qmax:eo:cloud_cover" for f in fields)
        pages = list(STAC.search(client, "sentinel-2-l2a-demo", {"qmax:eo:cloud_cover": "20", "limit": 5}, AOI,
                                 Progress(), fields=fields))
        items = [i for p in pages for i in p.items]
        assert items and all(i.properties["eo:cloud_cover"] <= 20 for i in items)
        assert client.asset_headers(items[0].assets["visual"].href) == {}  # public: no credentials at all


def test_a_keyed_stac_api_sends_its_key_to_its_own_host_only(rs_emulator, rs_ctx):
    form = {"url": rs_emulator.url + "/catalog", "auth": "api_key", "header": "x-api-key",
            "secret": "rs-demo-key-0123456789"}
    connection = STAC.connection_from_form("keyed", form)
    assert "secret" not in json.dumps(connection.to_dict())
    STAC.sign_in(rs_ctx, connection, STAC.credentials_from_form(form))
    client = STAC.client(rs_ctx, connection)
    with client.http:
        assert client.asset_headers(rs_emulator.url + "/data/x.tif") == {"x-api-key": form["secret"]}
        assert client.asset_headers("https://elsewhere.example/x.tif") == {}
    with pytest.raises(InvalidInput):
        STAC.connection_from_form("bad", {"url": "ftp://x"})


def test_collections_filtered_as_the_collections_dialog_asks():
    from eo_connector.core.models import Collection
    from eo_connector.providers.stac.items import filter_collections

    here = Collection("here", "Here", start="2024-01-01T00:00:00Z", end="2024-12-31T00:00:00Z",
                      bbox=[6.9, 43.5, 7.1, 43.7], properties={"summaries": {"platform": ["sentinel-2a"]}})
    far = Collection("far", "Far", start="2010-01-01T00:00:00Z", end="2011-01-01T00:00:00Z", bbox=[100, 0, 101, 1])
    assert filter_collections([here, far], geometry=AOI.wkt()) == [here]
    assert filter_collections([here, far], start="2012-01-01") == [here]
    assert filter_collections([here, far], end="2012-01-01") == [far]
    assert filter_collections([here, far], platform="Sentinel-2A") == [here]


def test_a_busy_server_is_retried_honouring_retry_after(rs_emulator):
    rs_emulator.faults.add("^/stac/search$", "status", status=503, retry_after=0.2, times=2)
    with HttpSession() as http:
        items = public_api(rs_emulator, http).items(search_parameters(limit=20), max_items=20)
    assert len(items) == 20 and rs_emulator.faults.hits("^/stac/search$") == 3
