"""Contract: the REAL clients against our RS-Server emulator, and our client against what they saw.

- rs-client-libraries 0.2 (CadipClient, AuxipClient, CatalogClient, StagingClient), in a venv of its own
  (tests/tools/rs_client_env.sh: Python >= 3.11, prefect, opentelemetry), run as a subprocess: it signs in through the
  API-key check, searches CADIP (GET) and AUXIP (POST + CQL2-JSON), reads and writes the catalogue and stages a
  session, and gets what our plugin gets for the same calls.
- pystac-client (the test venv) on the same searches by GET and POST, over several pages: the same items as ours.
- our STAC client replays the pages recorded from pystac-client's run (a server that knows only those answers).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from eo_connector.core.progress import Progress
from eo_connector.providers.rs_server.platform import PLATFORM
from eo_connector.providers.stac.client import StacApi, search_parameters
from tests.emulators.faults import EmulatorServer, Response
from tests.emulators.rs_server import DEMO_KEY

ROOT = Path(__file__).resolve().parent.parent
AOI_BBOX = [7.0, 43.6, 7.06, 43.66]


@pytest.fixture(scope="module")
def rs_client_python():
    built = subprocess.run([str(ROOT / "tests" / "tools" / "rs_client_env.sh")], cwd=ROOT, capture_output=True,
                           text=True, timeout=1800)
    if built.returncode != 0:
        pytest.skip("rs-client-libraries 0.2 cannot be installed here: " + built.stderr.strip()[-400:])
    return str(ROOT / built.stdout.strip().splitlines()[-1])


def test_rs_client_libraries_get_what_our_plugin_gets(rs_client_python, rs_emulator, rs_ctx, rs_connection):
    run = subprocess.run([rs_client_python, "tests/contract/rs_client_run.py", rs_emulator.url, DEMO_KEY,
                          rs_emulator.check_url], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])

    # the library signed in through the check URL and saw the roles and the owner we show
    connection = rs_connection(rs_emulator)
    account = PLATFORM.check(rs_ctx, connection, Progress())
    assert got["user_login"] == account["user"] == "pyuser" and got["owner_id"] == account["owner"]
    assert got["roles"] == sorted(account["roles"])

    client = PLATFORM.client(rs_ctx, connection)
    with client.http:
        cadip = search_parameters(collections=["cadip_ins"], datetime="2024-01-15T00:00:00Z/2024-01-31T00:00:00Z",
                                  limit=2, sortby="-datetime")
        ours = client.cadip.items(cadip, method="GET")
        assert [i.id for i in ours] == got["cadip_ids"] and len(ours) == 4  # two pages of 2 followed
        assert {i.id: sorted(i.assets) for i in ours} == got["cadip_files"]
        assert sorted(c.id for c in client.station_collections("cadip")) == got["cadip_collections"]
        assert len(client.cadip.conformance()) == got["cadip_landing_conforms"]

        flt = {"op": "=", "args": [{"property": "product:type"}, "AUX_RESORB"]}
        aux = client.auxip.items(search_parameters(collections=["adgs_aux"], filter=flt, sortby="-datetime",
                                                   limit=2), method="POST")
        assert [i.id for i in aux] == got["auxip_ids"] and len(aux) == 6

        found = client.stac_search("s2_l2a", search_parameters(bbox=AOI_BBOX, limit=2))
        assert [i.id for page in found for i in page.items] == got["catalog_search_ids"]
        assert sorted(client.catalog.queryables().get("properties", {})) == got["catalog_queryables"]
        assert got["catalog_collection"] == "s2_l2a"
    assert got["added_item"] == ["contract_item"] and got["updated_note"] == "updated"
    assert got["after_remove"] == [] and got["collections_after"] == ["s2_l2a"]
    assert got["staging_hosts"] == ["127.0.0.1"] and got["staging_first_status"] == ["accepted"]
    assert got["staging_final"] == ["successful"] and got["staged_ids"] == got["cadip_ids"][:1]

    # the requests the library sent are the ones protocols/rs-server.md describes (and our client sends alike)
    cadip_get = rs_emulator.recorded("^/cadip/search$", "GET")
    assert cadip_get and {"collections", "datetime", "limit", "sortby"} <= set(cadip_get[0].query)
    assert cadip_get[0].query["sortby"] == ["-datetime"]
    auxip_post = [json.loads(r.body) for r in rs_emulator.recorded("^/auxip/search$", "POST")]
    assert auxip_post[0]["filter-lang"] == "cql2-json" and auxip_post[0]["filter"] == flt
    assert auxip_post[0]["sortby"] == [{"field": "datetime", "direction": "desc"}]
    assert any("token" in body for body in auxip_post[1:])  # the POST next link was followed, body merged
    staged = [json.loads(r.body) for r in rs_emulator.recorded("^/processes/staging/execution$", "POST")]
    assert staged[0]["inputs"]["collection"] == "s1_contract"
    assert staged[0]["inputs"]["items"]["value"]["type"] == "FeatureCollection"
    assert rs_emulator.recorded("^/catalog/collections/pyuser:s2_l2a$", "GET")  # colon in paths
    searched = [json.loads(r.body)["collections"] for r in rs_emulator.recorded("^/catalog/search$", "POST")]
    searched += [r.query["collections"][0].split(",") for r in rs_emulator.recorded("^/catalog/search$", "GET")]
    assert ["pyuser_s2_l2a"] in searched  # underscore in searches
    assert all(r.header("x-api-key") == DEMO_KEY for r in rs_emulator.recorded("^/(cadip|auxip|catalog)/search"))


SEARCHES = [
    ("GET, bbox and dates", "GET", dict(collections=["sentinel-2-l2a-demo"], bbox=AOI_BBOX,
                                        datetime="2024-01-15T00:00:00Z/2024-03-01T00:00:00Z", limit=7)),
    ("POST, intersects and CQL2", "POST", dict(collections=["sentinel-2-l2a-demo"],
                                               intersects={"type": "Point", "coordinates": [7.03, 43.63]},
                                               filter={"op": "<=", "args": [{"property": "eo:cloud_cover"}, 50]},
                                               limit=4)),
    ("POST, sorted by cloud cover", "POST", dict(collections=["sentinel-2-l2a-demo"], sortby="-eo:cloud_cover",
                                                 limit=9)),
]


@pytest.mark.parametrize("name,method,kwargs", SEARCHES, ids=[s[0] for s in SEARCHES])
def test_pystac_client_gets_the_same_items_as_ours(rs_emulator, name, method, kwargs):
    pystac_client = pytest.importorskip("pystac_client")

    reference = pystac_client.Client.open(rs_emulator.url + "/stac/")
    theirs = reference.search(method=method, **kwargs)
    their_items = list(theirs.items())
    matched = theirs.matched()
    http = PLATFORM_HTTP()
    with http:
        api = StacApi(http, rs_emulator.url + "/stac/")
        pages = list(api.search(search_parameters(**kwargs), method=method))
    ours = [item for page in pages for item in page.items]
    assert [i.id for i in ours] == [i.id for i in their_items] and len(ours) >= 10
    assert len(pages) >= 3  # three pages or more, every next link followed
    assert pages[0].total == matched == len(ours)
    first = their_items[0]
    assert ours[0].geometry == first.geometry and ours[0].datetime.startswith(first.datetime.strftime("%Y-%m-%d"))
    assert {k: a.href for k, a in ours[0].assets.items()} == {k: a.href for k, a in first.assets.items()}


def PLATFORM_HTTP():  # noqa: N802 (a factory read as a class)
    from eo_connector.core.http import HttpSession

    return HttpSession()


class ReplayServer(EmulatorServer):
    """Answers only the requests recorded from another client's run, with the answers that run got."""

    def __init__(self, recorded, origin):
        super().__init__()
        self.recorded_answers, self.origin = recorded, origin

    def handle(self, request):
        key = (request.method, _canonical_target(request.target), _canonical(request.body))
        found = self.recorded_answers.get(key)
        if found is None:
            return Response(404, {"Content-Type": "application/json"}, b'{"description": "not recorded"}')
        return Response(200, {"Content-Type": "application/json"}, found.replace(self.origin, self.url).encode())


def _canonical_target(target: str) -> str:
    """A request target with its query in one order and its JSON and number values normalised."""
    from urllib.parse import parse_qsl, urlsplit

    parts = urlsplit(target)
    query = []
    for name, value in sorted(parse_qsl(parts.query)):
        if name in ("filter", "intersects"):
            value = json.dumps(json.loads(value), sort_keys=True)
        elif name == "bbox":
            value = ",".join(str(float(v)) for v in value.split(","))
        query.append(f"{name}={value}")
    return parts.path + ("?" + "&".join(query) if query else "")


def _canonical(body: bytes) -> str:
    if not body:
        return ""
    return json.dumps(json.loads(body), sort_keys=True)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_our_client_on_pages_recorded_from_pystac_client(rs_emulator, method):
    pystac_client = pytest.importorskip("pystac_client")
    kwargs = dict(collections=["sentinel-2-l2a-demo"], bbox=AOI_BBOX, limit=6,
                  filter={"op": ">=", "args": [{"property": "eo:cloud_cover"}, 10]}, filter_lang="cql2-json")
    reference = pystac_client.Client.open(rs_emulator.url + "/stac/")
    rs_emulator.faults.reset_hits()
    start = len(rs_emulator.requests)
    their_ids = [i.id for i in reference.search(method=method, **kwargs).items()]
    recorded = {}
    for request in rs_emulator.requests[start:]:
        answer = requests.request(request.method, rs_emulator.url + request.target, data=request.body or None,
                                  headers={"Content-Type": "application/json"} if request.body else {})
        recorded[(request.method, _canonical_target(request.target), _canonical(request.body))] = \
            answer.text
    landing = requests.get(rs_emulator.url + "/stac/").text
    recorded[("GET", "/stac/", "")] = landing
    with ReplayServer(recorded, rs_emulator.url) as replay:
        with PLATFORM_HTTP() as http:
            ours = StacApi(http, replay.url + "/stac/").items(search_parameters(**kwargs), method=method)
    assert [i.id for i in ours] == their_ids and len(their_ids) > 6
    assert not replay.errors


def test_cql2_filter_refused_in_the_servers_words(rs_emulator, rs_ctx, rs_connection):
    from eo_connector.core.errors import InvalidInput

    client = PLATFORM.client(rs_ctx, rs_connection(rs_emulator))
    with client.http, pytest.raises(InvalidInput) as refused:
        list(client.auxip.search(search_parameters(filter={"op": "=", "args": [{"property": "colour"}, "red"]})))
    assert "Cannot search on 'colour': it is not a queryable of this catalogue" in refused.value.message


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
