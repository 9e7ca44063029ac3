"""The Terrascope search with its pages fetched side by side (core/paging.py) against the strict emulator: the same
products in the same order as one page at a time, each page asked for with the URL the server's own next link gives,
cancel stopping every page fetch, a failed page asked for again without the others."""

import threading

import pytest

from eo_connector.core.errors import Cancelled
from eo_connector.core.progress import Progress
from eo_connector.providers.terrascope.client import TerrascopeClient

pytest.importorskip("tests.emulators.terrascope", reason="the Terrascope emulator is not there yet")
from tests.test_terrascope_client import DEMO_BBOX, S2, Session, product_requests  # noqa: E402

WAIT = 30


@pytest.fixture
def paged(terrascope_emulator_factory):
    """300 products over the demo AOI, 20 per page: the count, then 15 pages."""
    return terrascope_emulator_factory(products=600, page_size=20)


def page_threads():
    return [t for t in threading.enumerate() if t.name.startswith("eo-search-page")]


def join_page_threads():
    for thread in page_threads():
        thread.join(WAIT)
    assert page_threads() == []


def ids(pages):
    return [item.id for page in pages for item in page.items]


def test_pages_fetched_side_by_side_come_in_the_order_of_the_catalogue(paged, tmp_path):
    session = Session(paged, tmp_path)
    one_by_one = TerrascopeClient(session.config, session.http, session.keeper, page_workers=1)
    expected = ids(one_by_one.search(S2, bbox=DEMO_BBOX))
    followed = [r.target for r in paged.recorded("/catalogue/products$", "GET")]
    before = len(followed)

    parallel = TerrascopeClient(session.config, session.http, session.keeper, page_workers=4)
    pages = list(parallel.search(S2, bbox=DEMO_BBOX))
    assert len(expected) == 300 and ids(pages) == expected
    assert [page.start_index for page in pages[1:]] == list(range(1, 301, 20))  # each page in its place
    assert pages[0].items == [] and all(page.total == 300 for page in pages)
    asked = [r.target for r in paged.recorded("/catalogue/products$", "GET")][before:]
    # The same requests as the sequential run, i.e. the server's next links verbatim: only their order differs.
    assert asked[:2] == followed[:2] and sorted(asked) == sorted(followed)
    join_page_threads()


def test_a_limit_asks_only_for_the_pages_it_needs(paged, tmp_path):
    client = Session(paged, tmp_path).client
    assert len(list(client.products(S2, bbox=DEMO_BBOX, limit=50))) == 50
    join_page_threads()
    assert sorted(q.get("startIndex", "1") for q in product_requests(paged)[1:]) == ["1", "21", "41"]


def test_cancel_stops_every_page_fetch(paged, tmp_path):
    session = Session(paged, tmp_path)
    client = TerrascopeClient(session.config, session.http, session.keeper, page_workers=4)
    paged.faults.latency(0.05)
    progress = Progress()
    pages = client.search(S2, bbox=DEMO_BBOX, progress=progress)
    next(pages), next(pages), next(pages)  # the count, the first page, the second one (fetched side by side)
    progress.cancel()
    with pytest.raises(Cancelled):
        next(pages)
    join_page_threads()  # every worker has ended: nothing more can be asked for
    asked = product_requests(paged)
    # count + first page + at most the window the workers may run ahead (2 x 4 pages) past the page read
    assert 3 <= len(asked) <= 2 + 1 + 8 < 16
    assert len({q.get("startIndex") for q in asked[1:]}) == len(asked) - 1  # none asked twice


@pytest.mark.parametrize("fault", [dict(kind="truncate", after_bytes=100), dict(kind="status", status=502)])
def test_a_failed_page_is_asked_for_again_without_the_others(paged, tmp_path, fault):
    client = Session(paged, tmp_path).client
    pages = client.search(S2, bbox=DEMO_BBOX)
    got = [next(pages), next(pages)]  # the count and the first page; the others are fetched side by side next
    paged.faults.add("/catalogue/products$", times=1, **fault)  # the next page asked for fails once
    got += list(pages)
    assert len(ids(got)) == 300 and [page.start_index for page in got[1:]] == list(range(1, 301, 20))
    join_page_threads()
    starts = [q.get("startIndex", "1") for q in product_requests(paged)[1:]]
    twice = [start for start in set(starts) if starts.count(start) == 2]
    assert len(twice) == 1 and len(starts) == 16  # 15 pages, one of them asked for twice, every other once


def test_a_next_link_numbered_otherwise_is_followed_one_page_at_a_time(paged, tmp_path, monkeypatch):
    from eo_connector.providers.terrascope import client as client_module

    monkeypatch.setattr(client_module.NumberedLinks, "predict", classmethod(lambda cls, url, candidates: None))
    client = Session(paged, tmp_path).client
    assert len(ids(client.search(S2, bbox=DEMO_BBOX))) == 300
    assert page_threads() == []
    starts = [q.get("startIndex", "1") for q in product_requests(paged)[1:]]
    assert starts == [str(start) for start in range(1, 301, 20)]  # in order: each from the previous next link

