"""The Terrascope client against the strict emulator: sign-in, collections, count-first search with paging, every
filter, ExceptionReports in words, the too-many-results refusal, token expiry, server faults, downloads."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from eo_connector.core.download import Downloader
from eo_connector.core.errors import (
    AuthenticationError,
    Cancelled,
    InvalidInput,
    NetworkError,
    ServerError,
    SessionExpired,
)
from eo_connector.core.http import HttpSession
from eo_connector.core.progress import Progress, RecordingProgress
from eo_connector.providers.terrascope.client import SearchRefused, TerrascopeClient, TooManyResults
from eo_connector.providers.terrascope.config import config_from_file
from eo_connector.providers.terrascope.download import bearer_refresher, download_plan, plan_totals, with_bearer
from eo_connector.providers.terrascope.oidc import OidcClient, TokenKeeper

pytest.importorskip("tests.emulators.terrascope", reason="the Terrascope emulator is not there yet")
from tests.emulators.terrascope import DEMO_PASSWORD, DEMO_USER  # noqa: E402

S2 = "urn:eop:VITO:TERRASCOPE_S2_TOC_V2"
S1 = "urn:eop:VITO:TERRASCOPE_S1_GAMMA0_V1"
DEMO_BBOX = [7.0, 43.6, 7.06, 43.66]


class Session:
    """A signed-in client on an emulator, with what it saw."""

    def __init__(self, emulator, tmp_path, sign_in=True):
        ini = tmp_path / "emulator.ini"
        emulator.write_ini(str(ini))
        self.config = config_from_file(str(ini))
        self.http = HttpSession(retries=3, backoff=0.01, max_retry_after=0.2)
        self.oidc = OidcClient(self.config, self.http)
        self.stored = []
        self.keeper = None
        if sign_in:
            tokens = self.oidc.password_grant(DEMO_USER, DEMO_PASSWORD)
            self.keeper = TokenKeeper(self.oidc, tokens, self.stored.append)
        self.client = TerrascopeClient(self.config, self.http, self.keeper)


def product_requests(emulator):
    return [{k: v[0] for k, v in r.query.items()} for r in emulator.recorded("/catalogue/products$", "GET")]


def token_grants(emulator):
    return [parse_qs(r.body.decode())["grant_type"][0] for r in emulator.recorded("/token$", "POST")]


@pytest.fixture
def small(terrascope_emulator_factory):
    """600 products per collection, 100 per page: 300 over the demo AOI."""
    return terrascope_emulator_factory(products=600, page_size=100)


# -- sign-in
def test_password_sign_in_and_wrong_password(small, tmp_path):
    session = Session(small, tmp_path)
    assert session.keeper.username == DEMO_USER and session.keeper.tokens.refresh_token
    with pytest.raises(AuthenticationError, match="wrong username or password"):
        session.oidc.password_grant(DEMO_USER, "not my password")


def test_browser_sign_in_through_the_emulator(small, tmp_path):
    session = Session(small, tmp_path, sign_in=False)
    pages = []

    def browser(url):  # follows the identity provider's 302 to our loopback, as a browser would
        pages.append(requests.get(url, timeout=10))
        return True

    tokens = session.oidc.browser_sign_in(Progress(), browser, timeout=10, port=0)
    assert tokens.username == DEMO_USER and "close this tab" in pages[0].text
    assert token_grants(small) == ["authorization_code"]  # the emulator checked PKCE and redirect_uri


def test_browser_sign_in_with_the_login_form(terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(browser_user=None)
    session = Session(emulator, tmp_path, sign_in=False)

    def browser(url):  # the user types their credentials into the identity provider's page
        form = requests.get(url, timeout=10).text
        action = html.unescape(re.search(r"action='([^']+)'", form).group(1))
        done = requests.post(action, data={"username": DEMO_USER, "password": DEMO_PASSWORD}, timeout=10)
        assert "close this tab" in done.text
        return True

    assert session.oidc.browser_sign_in(Progress(), browser, timeout=10, port=0).username == DEMO_USER


def test_browser_sign_in_denied_by_the_user(terrascope_emulator_factory, tmp_path):
    session = Session(terrascope_emulator_factory(browser_denies=True), tmp_path, sign_in=False)
    with pytest.raises(AuthenticationError, match="refused in the browser"):
        session.oidc.browser_sign_in(Progress(), lambda url: bool(requests.get(url, timeout=10)), timeout=10, port=0)


def test_browser_sign_in_left_on_the_login_page_times_out(terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(browser_user=None)
    session = Session(emulator, tmp_path, sign_in=False)

    def browser(url):
        assert requests.get(url, timeout=10).status_code == 200  # a login form the user never fills in
        return True

    with pytest.raises(AuthenticationError, match="not completed in time"):
        session.oidc.browser_sign_in(Progress(), browser, timeout=0.5, port=0)


# -- collections and search
def test_collections_with_filters(small, tmp_path):
    client = Session(small, tmp_path).client
    collections = {c.id: c for c in client.collections()}
    assert {S2, S1, "urn:eop:VITO:CGLS_NDVI300_V2_GLOBAL"} <= set(collections)
    s2 = collections[S2]
    assert s2.title and s2.abstract and s2.platform == "Sentinel-2" and s2.start.startswith("2015-07-01")
    assert [c.id for c in client.collections(platform="Sentinel-1")] == [S1]


def test_count_first_then_pages_following_next_links_with_the_bearer(small, tmp_path):
    session = Session(small, tmp_path)
    progress = RecordingProgress()
    pages = list(session.client.search(S2, bbox=DEMO_BBOX, progress=progress))
    total = session.client.product_count(S2, bbox=DEMO_BBOX)
    assert total == 300 and [p.total for p in pages] == [300] * 4
    assert pages[0].items == []  # the count comes first, before any product
    assert [p.start_index for p in pages[1:]] == [1, 101, 201]
    items = [item for page in pages for item in page.items]
    assert len({item.id for item in items}) == 300 and all(item.collection == S2 for item in items)
    sent = product_requests(small)
    assert sent[0] == {"collection": S2, "bbox": "7.0,43.6,7.06,43.66", "count": "0"}
    assert sent[1] == {"collection": S2, "bbox": "7.0,43.6,7.06,43.66"}  # the first page: no startIndex/count
    assert sorted(q.get("startIndex") for q in sent[2:4]) == ["101", "201"]  # side by side: in any order
    for recorded in small.recorded("/catalogue/products$"):
        assert recorded.header("authorization", "").startswith("Bearer ")
    assert progress.last[0] == 1.0 and "300 of 300" in progress.last[1]


def test_limit_stops_fetching(small, tmp_path):
    client = Session(small, tmp_path).client
    items = list(client.products(S2, bbox=DEMO_BBOX, limit=150))
    assert len(items) == 150 and len(product_requests(small)) == 3  # count, page 1, page 2
    assert list(client.products(S2, bbox=DEMO_BBOX, limit=0)) == []


def test_items_carry_neutral_properties_and_downloadable_assets(small, tmp_path):
    item = next(Session(small, tmp_path).client.products(S2, bbox=DEMO_BBOX))
    props = item.properties
    assert item.provider == "terrascope" and item.geometry["type"] in ("Polygon", "MultiPolygon")
    assert item.datetime.endswith("Z") and props["title"] == props["short_id"] and props["tile"]
    assert 0 <= props["cloud_cover"] <= 100 and props["platform"] == "Sentinel-2" and props["size"] > 0
    roles = [asset.roles for asset in item.assets.values()]
    assert roles.count(["data"]) == 2 and ["related"] in roles and ["alternates"] in roles
    assert ["previews", "thumbnail"] in roles and ["previews", "wms"] in roles
    assert item.assets["data-1"].href.startswith(small.url + "/download/")


def test_filters_reach_the_server_and_are_honoured(small, tmp_path):
    client = Session(small, tmp_path).client
    everything = client.product_count(S2, bbox=DEMO_BBOX)
    clear = list(client.products(S2, bbox=DEMO_BBOX, cloudCover=20))
    assert 0 < len(clear) < everything and all(item.properties["cloud_cover"] <= 20 for item in clear)
    between = list(client.products(S2, bbox=DEMO_BBOX, cloudCover=(20, 40), start="2020-01-01", end="2021-12-31"))
    assert all(20 <= i.properties["cloud_cover"] <= 40 and "2020" <= i.datetime[:4] <= "2021" for i in between)
    tile = clear[0].properties["tile"]
    assert all(i.properties["tile"] == tile for i in client.products(S2, bbox=DEMO_BBOX, tileId=tile))
    direction = [i.properties["orbit_direction"] for i in client.products(S1, orbitDirection="ASCENDING", limit=20)]
    assert direction and set(direction) == {"ASCENDING"}
    assert client.product_count(S2, bbox=DEMO_BBOX, productType="TOC") == everything
    assert client.product_count(S2, bbox=DEMO_BBOX, productType="NOPE") == 0
    assert client.product_count(S2, geometry="POINT (7.03 43.63)") == everything  # geometry as WKT
    between_counts = [q for q in product_requests(small) if q.get("cloudCover") == "[20,40]" and "count" in q]
    assert between_counts[0] == {"collection": S2, "bbox": "7.0,43.6,7.06,43.66", "cloudCover": "[20,40]",
                                 "start": "2020-01-01", "end": "2021-12-31", "count": "0"}


def test_nothing_found_is_one_empty_page(small, tmp_path):
    pages = list(Session(small, tmp_path).client.search(S2, bbox=DEMO_BBOX, start="1990-01-01", end="1990-12-31"))
    assert [(p.items, p.total) for p in pages] == [([], 0)] and len(product_requests(small)) == 1


# -- refusals
def test_bad_value_and_unknown_parameter_are_reported_as_locator_and_text(small, tmp_path):
    client = Session(small, tmp_path).client
    with pytest.raises(SearchRefused) as caught:
        list(client.products(S2, orbitDirection="SIDEWAYS"))
    assert str(caught.value).startswith("orbitDirection - ") and caught.value.exceptions
    with pytest.raises(SearchRefused, match=r"^fooBar - "):
        client.product_count(S2, fooBar="1")


def test_too_many_results_refused_before_fetching_any_product(terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(products={S2: 150_000})
    client = Session(emulator, tmp_path).client
    with pytest.raises(TooManyResults) as caught:
        next(client.search(S2))
    assert isinstance(caught.value, InvalidInput) and caught.value.total == 150_000
    assert "150,000 products match" in str(caught.value) and "narrow the search" in str(caught.value)
    assert [q.get("count") for q in product_requests(emulator)] == ["0"]  # the count only
    assert len(list(client.products(S2, limit=250))) == 250  # a limit within reach is fine


# -- tokens and faults
def test_access_token_expiring_mid_search_is_refreshed_once(small, tmp_path):
    session = Session(small, tmp_path)
    pages = session.client.search(S2, bbox=DEMO_BBOX)
    first = next(pages)
    small.advance(400)  # the emulator's access token (300 s) has expired; ours does not know it yet
    rest = list(pages)
    assert len(first.items) + sum(len(p.items) for p in rest) == 300
    assert token_grants(small) == ["password", "refresh_token"]
    assert session.stored and session.stored[-1].access_token == session.keeper.tokens.access_token


def test_refused_refresh_asks_to_sign_in_again(small, tmp_path):
    session = Session(small, tmp_path)
    small.advance(4000)  # past the refresh token's life too
    with pytest.raises(SessionExpired, match="sign in again"):
        session.keeper.force_refresh()


@pytest.mark.parametrize("fault", [
    dict(kind="status", status=429, retry_after=0, times=2),
    dict(kind="status", status=503, times=1),
    dict(kind="reset", times=1),
    dict(kind="drop", times=1),
])
def test_transient_faults_are_retried(small, tmp_path, fault):
    client = Session(small, tmp_path).client
    small.faults.add("/catalogue/products$", **fault)
    assert len(list(client.products(S2, bbox=DEMO_BBOX))) == 300


def test_a_connection_that_keeps_dropping_is_reported(small, tmp_path):
    client = Session(small, tmp_path).client
    small.faults.add("/catalogue/products$", "drop", times=None)
    with pytest.raises(NetworkError, match="kept dropping"):
        client.product_count(S2)


def test_a_server_that_stays_down_is_reported(small, tmp_path):
    client = Session(small, tmp_path).client
    small.faults.add("/catalogue/products$", "status", status=503, times=None)
    with pytest.raises(ServerError):
        client.product_count(S2)


def test_cancel_between_pages(small, tmp_path):
    progress = Progress()
    pages = Session(small, tmp_path).client.search(S2, bbox=DEMO_BBOX, progress=progress)
    next(pages)
    progress.cancel()
    with pytest.raises(Cancelled):
        next(pages)


# -- downloads
def test_download_with_head_then_get_and_a_token_that_expires_on_the_way(small, tmp_path):
    session = Session(small, tmp_path)
    items = list(session.client.products(S2, bbox=DEMO_BBOX, limit=2))
    plan = download_plan(items, ["data", "previews"])
    total, count = plan_totals(plan)
    assert count == 6 and total == sum(e.size for e in plan) > 0
    small.advance(400)  # the token in the plan's headers is now refused
    downloader = Downloader(session.http, head_first=True, workers=4, retry_delay=0.01)
    files = downloader.download(with_bearer(plan, session.keeper.bearer()), str(tmp_path / "out"), Progress(),
                                refresh=bearer_refresher(session.keeper))
    short_ids = {item.properties["short_id"] for item in items}
    for entry, path in zip(plan, files):
        folder, name = entry.relative_path.split("/")
        assert folder in short_ids and name == entry.url.rsplit("/", 1)[-1]
        assert path == str(tmp_path / "out" / folder / name) and (tmp_path / "out" / folder / name).stat().st_size \
            == entry.size
    assert token_grants(small).count("refresh_token") == 1  # one refresh for all parallel files
    assert small.recorded("/download/", "HEAD")


def test_download_without_signing_in_is_refused(small, tmp_path):
    signed = Session(small, tmp_path)
    plan = download_plan(list(signed.client.products(S2, bbox=DEMO_BBOX, limit=1)), ["alternates"])
    anonymous = Session(small, tmp_path, sign_in=False)
    with pytest.raises(SessionExpired):
        Downloader(anonymous.http, head_first=True).download(plan, str(tmp_path / "out"), Progress())
    assert not (tmp_path / "out" / plan[0].relative_path).exists()


def test_query_string_of_the_wms_preview_is_a_getmap(small, tmp_path):
    item = next(Session(small, tmp_path).client.products(S2, bbox=DEMO_BBOX))
    wms = next(a for a in item.assets.values() if "wms" in a.roles)
    query = {k.upper(): v[0] for k, v in parse_qs(urlsplit(wms.href).query).items()}
    assert query["SERVICE"] == "WMS" and query["REQUEST"] == "GetMap"
