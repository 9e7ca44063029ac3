"""The parallel pager (core/paging.py) with scripted fetch functions: pages in order whatever order they end in,
bounded workers, cancel stops every fetch, a failed page asked for again alone, errors in order, and the prediction
of numbered next links and bodies. No timing is asserted: workers are held and released by events."""

import threading

import pytest

from eo_connector.core.errors import Cancelled, NetworkError, ServerError, SessionExpired
from eo_connector.core.paging import NumberedBodies, NumberedLinks, ParallelPages, UnreadablePage, page_count
from eo_connector.core.progress import Progress

WAIT = 10  # seconds an event may take before a test fails (never reached when the pager works)


class Pages:
    """A fetch function whose calls are recorded and can be held until released, page by page."""

    def __init__(self, held=(), fail=None):
        self.calls = []
        self.lock = threading.Lock()
        self.held = set(held)
        self.release = {key: threading.Event() for key in self.held}
        self.started = {key: threading.Event() for key in self.held}
        self.fail = dict(fail or {})  # key -> list of errors raised by its first calls
        self.in_flight = self.most_in_flight = 0

    def __call__(self, key):
        with self.lock:
            self.calls.append(key)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            errors = self.fail.get(key)
            error = errors.pop(0) if errors else None
        try:
            if key in self.held:
                self.started[key].set()
                assert self.release[key].wait(WAIT), f"page {key} was never released"
            if error is not None:
                raise error
            return f"page {key}"
        finally:
            with self.lock:
                self.in_flight -= 1

    def count(self, key):
        with self.lock:
            return self.calls.count(key)


def test_pages_come_in_order_even_when_they_end_in_reverse():
    keys = list(range(1, 7))
    fetch = Pages(held=keys)
    pages = ParallelPages(fetch, keys, workers=6, backoff=0)
    got = []
    consumer = threading.Thread(target=lambda: got.extend(pages))
    consumer.start()
    for key in reversed(keys):  # the last page ends first, the first one last
        assert fetch.started[key].wait(WAIT)
        fetch.release[key].set()
    consumer.join(WAIT)
    assert got == [f"page {key}" for key in keys]
    assert sorted(fetch.calls) == keys and pages.join(WAIT)


def test_workers_are_bounded_and_never_run_far_ahead_of_the_reader():
    fetch = Pages()
    pages = iter(ParallelPages(fetch, range(40), workers=3, ahead=5, backoff=0))
    assert next(pages) == "page 0"
    assert fetch.most_in_flight <= 3
    assert max(fetch.calls) < 1 + 5  # nothing fetched past the window while the reader holds page 0
    assert list(pages) == [f"page {key}" for key in range(1, 40)]
    assert fetch.most_in_flight <= 3 and sorted(fetch.calls) == list(range(40))


def test_cancel_stops_every_page_fetch_at_once():
    keys = list(range(1, 30))
    fetch = Pages(held=[2, 3, 4, 5])
    progress = Progress()
    pager = ParallelPages(fetch, keys, workers=3, progress=progress, backoff=0)
    pages = iter(pager)
    assert next(pages) == "page 1"  # its worker then takes page 4: three pages held in flight
    for key in (2, 3, 4):
        assert fetch.started[key].wait(WAIT)
    progress.cancel()
    with pytest.raises(Cancelled):
        next(pages)  # at once: the caller does not wait for the pages in flight
    for event in fetch.release.values():
        event.set()
    assert pager.join(WAIT)  # every worker ended...
    assert sorted(fetch.calls) == [1, 2, 3, 4]  # ...without asking for another page


def test_closing_the_pages_early_stops_the_workers():
    fetch = Pages(held=[3])
    pager = ParallelPages(fetch, range(1, 50), workers=2, backoff=0)
    pages = iter(pager)
    assert [next(pages), next(pages)] == ["page 1", "page 2"]
    pages.close()  # e.g. a limit reached
    fetch.release[3].set()
    assert pager.join(WAIT)
    assert len(fetch.calls) < 49


def test_a_failed_page_is_asked_for_again_alone():
    fetch = Pages(fail={3: [NetworkError("dropped")], 5: [UnreadablePage(details="cut"), ServerError()]})
    got = list(ParallelPages(fetch, range(1, 9), workers=4, backoff=0))
    assert got == [f"page {key}" for key in range(1, 9)]
    assert fetch.count(3) == 2 and fetch.count(5) == 3
    assert all(fetch.count(key) == 1 for key in (1, 2, 4, 6, 7, 8))  # the others were never fetched again


def test_a_page_failing_past_its_retries_ends_the_search_after_the_pages_before_it():
    fetch = Pages(fail={4: [NetworkError("down")] * 3})
    pages = iter(ParallelPages(fetch, range(1, 30), workers=2, retries=2, backoff=0))
    assert [next(pages) for _ in range(3)] == ["page 1", "page 2", "page 3"]
    with pytest.raises(NetworkError, match="down"):
        next(pages)
    assert fetch.count(4) == 3 and len(fetch.calls) < 30


def test_an_error_that_asking_again_cannot_cure_is_not_repeated():
    fetch = Pages(fail={2: [SessionExpired()]})
    pages = iter(ParallelPages(fetch, range(1, 5), workers=2, backoff=0))
    assert next(pages) == "page 1"
    with pytest.raises(SessionExpired):
        next(pages)
    assert fetch.count(2) == 1


def test_nothing_starts_before_the_pages_are_read_nor_after_a_cancel_before():
    fetch = Pages()
    progress = Progress()
    pager = ParallelPages(fetch, range(5), progress=progress)
    assert fetch.calls == []
    progress.cancel()
    with pytest.raises(Cancelled):
        list(pager)
    assert fetch.calls == []


def test_page_count():
    assert [page_count(n, 100) for n in (0, 1, 100, 101, 5000)] == [0, 1, 1, 2, 50]


def test_numbered_links_keep_the_next_link_verbatim_but_for_its_number():
    first_next = "https://cat.example/products?collection=urn%3Aeop%3AX&bbox=7.0%2C43.6&startIndex=101&sortKeys=title"
    links = NumberedLinks.predict(first_next, {"startIndex": (101, 100)})
    assert links.url(1) == first_next
    assert links.url(3) == first_next.replace("startIndex=101", "startIndex=301")
    assert links.number(49) == 4901


def test_links_that_are_not_numbered_as_expected_are_not_predicted():
    assert NumberedLinks.predict("https://x/search?token=next:abc", {"page": (2, 1)}) is None
    assert NumberedLinks.predict("https://x/search?page=3", {"page": (2, 1)}) is None  # not the next page
    assert NumberedLinks.predict("https://x/search?page=2&page=2", {"page": (2, 1)}) is None
    offsets = NumberedLinks.predict("https://x/search?limit=50&offset=50", {"page": (2, 1), "offset": (50, 50)})
    assert offsets.parameter == "offset" and offsets.url(2) == "https://x/search?limit=50&offset=100"


def test_numbered_bodies_of_post_next_links():
    bodies = NumberedBodies.predict({"collections": ["c"], "limit": 10, "page": 2}, {"page": (2, 1)})
    assert bodies.body(1) == {"collections": ["c"], "limit": 10, "page": 2}
    assert bodies.body(4)["page"] == 5 and bodies.body(1)["page"] == 2  # copies: one page's body is its own
    assert NumberedBodies.predict({"token": "opaque"}, {"page": (2, 1)}) is None
    assert NumberedBodies.predict(None, {"page": (2, 1)}) is None
