"""Search rules of the Terrascope client checked against a scripted server (exact answers, no emulator):
ExceptionReport wording, terracatalogueclient's `last`-link rule, a 401 refreshing the token once, loops."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from eo_connector.core.errors import ProtocolError, ServerError, SessionExpired
from eo_connector.core.http import HttpSession
from eo_connector.providers.terrascope.client import SearchRefused, TerrascopeClient, TooManyResults
from eo_connector.providers.terrascope.config import CatalogueConfig
from tests.support.scripted_server import ScriptedServer

JSON = {"Content-Type": "application/geo+json"}
COLLECTION = "urn:eop:VITO:SMALL"


@pytest.fixture
def server():
    scripted = ScriptedServer()
    yield scripted
    scripted.stop()


def client_for(server, tokens=None):
    config = CatalogueConfig(server.base_url + "/catalogue")
    return TerrascopeClient(config, HttpSession(retries=1, backoff=0.01), tokens)


def page(server, total, start, features, last=None, next_start=None):
    links = {}
    url = f"{server.base_url}/catalogue/products?collection={COLLECTION}"
    if last is not None:
        links["last"] = [{"href": f"{url}&startIndex={last}"}]
    if next_start is not None:
        links["next"] = [{"href": f"{url}&startIndex={next_start}"}]
    feats = [{"type": "Feature", "id": f"{COLLECTION}:P{start + i}", "geometry": None,
              "properties": {"title": f"P{start + i}", "links": {}}} for i in range(features)]
    return json.dumps({"type": "FeatureCollection", "totalResults": total, "startIndex": start,
                       "itemsPerPage": features, "properties": {"links": links}, "features": feats})


def count(total):
    return json.dumps({"type": "FeatureCollection", "totalResults": total, "startIndex": 1, "itemsPerPage": 0,
                       "properties": {"links": {}}, "features": []})


def test_exception_report_messages_joined_as_the_real_client_words_them(server):
    report = {"type": "ExceptionReport", "exceptions": [
        {"exceptionCode": "InvalidParameterValue", "locator": "orbitDirection", "exceptionText": "must be "
         "ASCENDING or DESCENDING"},
        {"exceptionCode": "NoApplicableCode", "exceptionText": "and something else"}]}
    server.add(400, json.dumps(report), {"Content-Type": "application/json"})
    with pytest.raises(SearchRefused) as caught:
        client_for(server).product_count(COLLECTION, orbitDirection="SIDEWAYS")
    assert str(caught.value) == "orbitDirection - must be ASCENDING or DESCENDING; and something else"
    assert len(caught.value.exceptions) == 2


def test_an_error_without_report_uses_the_core_sentences(server):
    server.add(502, "<html>Bad gateway</html>", {"Content-Type": "text/html"})
    server.add(502, "<html>Bad gateway</html>", {"Content-Type": "text/html"})
    with pytest.raises(ServerError):
        client_for(server).product_count(COLLECTION)


def test_the_last_link_rule_refuses_before_any_product_is_yielded(server):
    server.add(200, count(500), JSON)
    server.add(200, page(server, 500, 1, 100, last=301, next_start=101), JSON)  # pages reach 400 results only
    with pytest.raises(TooManyResults) as caught:
        list(client_for(server).search(COLLECTION))
    assert caught.value.total == 500 and caught.value.reachable == 400 and "(400)" in str(caught.value)


def test_the_last_link_rule_lets_a_limit_within_reach_through(server):
    server.add(200, count(500), JSON)
    server.add(200, page(server, 500, 1, 100, last=301, next_start=101), JSON)
    server.add(200, page(server, 500, 101, 100, last=301, next_start=201), JSON)
    items = list(client_for(server).products(COLLECTION, limit=150))
    assert [item.properties["title"] for item in items[148:]] == ["P149", "P150"]
    assert urlsplit(server.requests[2].path).query == f"collection={COLLECTION}&startIndex=101"  # verbatim


def test_no_last_link_means_one_page_as_for_the_real_client(server):
    server.add(200, count(150), JSON)
    server.add(200, page(server, 150, 1, 100, next_start=101), JSON)
    with pytest.raises(TooManyResults):
        list(client_for(server).search(COLLECTION))


def test_a_next_link_that_repeats_is_not_followed_forever(server):
    """Next links that do not number pages by startIndex are followed one by one; one that repeats ends it."""
    server.add(200, count(300), JSON)
    server.add(200, page(server, 300, 1, 100, last=201, next_start="1&cursor=a"), JSON)  # not startIndex 101
    server.add(200, page(server, 300, 101, 100, last=201, next_start="1&cursor=a"), JSON)
    with pytest.raises(ProtocolError) as caught:
        list(client_for(server).search(COLLECTION))
    assert "next link repeats" in caught.value.details and len(server.requests) == 3


def test_pages_numbered_by_start_index_are_asked_for_with_the_next_links_url(server):
    server.add(200, count(200), JSON)
    server.add(200, page(server, 200, 1, 100, last=101, next_start=101), JSON)
    server.add(200, page(server, 200, 101, 100, last=101), JSON)
    items = list(client_for(server).products(COLLECTION))
    assert [item.properties["title"] for item in items[99:101]] == ["P100", "P101"]
    assert urlsplit(server.requests[2].path).query == f"collection={COLLECTION}&startIndex=101"


def test_a_page_answered_for_another_start_index_is_refused(server):
    server.add(200, count(200), JSON)
    server.add(200, page(server, 200, 1, 100, last=101, next_start=101), JSON)
    for _ in range(3):
        server.add(200, page(server, 200, 1, 100, last=101, next_start=101), JSON)  # startIndex ignored
    with pytest.raises(ProtocolError) as caught:
        list(client_for(server).search(COLLECTION))
    assert "asked for startIndex 101, got 1" in caught.value.details


class Keeper:
    def __init__(self, refreshed="fresh-token-0002", refuse=False):
        self.token, self.refreshed, self.refuse, self.calls = "stale-token-0001", refreshed, refuse, []

    def bearer(self):
        return self.token

    def force_refresh(self, stale=""):
        self.calls.append(stale)
        if self.refuse:
            raise SessionExpired()
        self.token = self.refreshed
        return self.token


def test_a_401_refreshes_the_token_once_and_retries(server):
    keeper = Keeper()
    server.add(401, json.dumps({"error": "invalid_token"}), {"Content-Type": "application/json"})
    server.add(200, count(7), JSON)
    assert client_for(server, keeper).product_count(COLLECTION) == 7
    assert keeper.calls == ["stale-token-0001"]
    assert [r.headers["Authorization"] for r in server.requests] == ["Bearer stale-token-0001",
                                                                     "Bearer fresh-token-0002"]
    assert parse_qs(urlsplit(server.requests[1].path).query)["count"] == ["0"]
    assert server.requests[1].headers["Accept"] == "application/json, application/geo+json"


def test_a_second_401_or_a_refused_refresh_means_sign_in_again(server):
    for _ in range(2):
        server.add(401, json.dumps({"error": "invalid_token"}), {"Content-Type": "application/json"})
    with pytest.raises(SessionExpired):
        client_for(server, Keeper()).product_count(COLLECTION)
    server.add(401, json.dumps({"error": "invalid_token"}), {"Content-Type": "application/json"})
    with pytest.raises(SessionExpired):
        client_for(server, Keeper(refuse=True)).product_count(COLLECTION)


def test_auth_headers_for_downloads(server):
    keeper = Keeper()
    client = client_for(server, keeper)
    assert client.auth_headers() == {"Authorization": "Bearer stale-token-0001"}
    assert client.auth_headers(fresh=True) == {"Authorization": "Bearer fresh-token-0002"}
    assert client_for(server).auth_headers() == {}
