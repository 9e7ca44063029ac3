"""A STAC search whose server numbers its pages (?page=n, or {"page": n} in a POST next link's body) fetches the pages
after the first side by side through core/paging.py, the same pager as Terrascope's; with opaque tokens it follows
the next links one at a time. Against the RS-Server emulator's public catalogue, told to number its pages."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from eo_connector.core.aoi import aoi_from_bbox
from eo_connector.core.errors import Cancelled
from eo_connector.core.http import HttpSession
from eo_connector.core.progress import Progress
from eo_connector.providers.stac.client import StacApi, search_parameters

AOI = aoi_from_bbox(6.8, 43.5, 7.3, 43.9, "test box")
COLLECTION = "sentinel-2-l2a-demo"


@pytest.fixture
def numbered(rs_emulator):
    rs_emulator.public.numbered_pages = True
    return rs_emulator


def search(emulator, method, **kwargs):
    with HttpSession(retries=2, backoff=0.01) as http:
        api = StacApi(http, emulator.url + "/stac/")
        return list(api.search(search_parameters(collections=[COLLECTION], intersects=AOI.to_geojson(), limit=7),
                               method=method, **kwargs))


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_numbered_pages_come_in_order_and_match_one_page_at_a_time(numbered, method):
    side_by_side = search(numbered, method)
    one_by_one = search(numbered, method, page_workers=1)
    ids = [[item.id for item in page.items] for page in side_by_side]
    assert ids == [[item.id for item in page.items] for page in one_by_one]
    assert len(ids) == 6 and len({i for page in ids for i in page}) == 40
    assert [page.start_index for page in side_by_side] == [1, 8, 15, 22, 29, 36]
    requests = numbered.recorded("^/stac/search", method)
    if method == "GET":
        pages = [parse_qs(urlsplit(r.target).query).get("page", ["1"])[0] for r in requests]
    else:
        pages = [str(json.loads(r.body).get("page", 1)) for r in requests]
    assert sorted(pages[:6], key=int) == ["1", "2", "3", "4", "5", "6"]  # each page asked once, in the first run


def test_a_failed_page_is_asked_again_alone(numbered):
    with HttpSession(retries=0) as http:  # the session gives up at once: the pager asks for that page again
        pages = StacApi(http, numbered.url + "/stac/").search(
            search_parameters(collections=[COLLECTION], intersects=AOI.to_geojson(), limit=7), method="GET")
        first = next(pages)
        numbered.faults.add("^/stac/search$", "status", status=500, times=1)  # the next page asked, whichever
        rest = list(pages)
    assert len({item.id for page in [first] + rest for item in page.items}) == 40
    asked = [parse_qs(urlsplit(r.target).query).get("page", ["1"])[0] for r in numbered.recorded("^/stac/search")]
    assert len(asked) == 7 and sorted(set(asked), key=int) == ["1", "2", "3", "4", "5", "6"]
    assert len([page for page in set(asked) if asked.count(page) == 2]) == 1  # one page twice, the others once


def test_cancel_stops_every_page_fetch(numbered):
    progress = Progress()
    with HttpSession() as http:
        pages = StacApi(http, numbered.url + "/stac/").search(
            search_parameters(collections=[COLLECTION], limit=2), method="GET", progress=progress)
        next(pages)
        progress.cancel()
        with pytest.raises(Cancelled):
            list(pages)


def test_opaque_tokens_are_followed_one_page_at_a_time(rs_emulator):
    pages = search(rs_emulator, "POST")
    tokens = [json.loads(r.body).get("token", "") for r in rs_emulator.recorded("^/stac/search$", "POST")]
    assert len(pages) == 6 and [t.rsplit(":", 1)[-1] for t in tokens] == ["", "7", "14", "21", "28", "35"]
