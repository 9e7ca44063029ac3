"""The pages of a search fetched side by side, handed over in the order they would have come one by one.

Once a search's first answer is in (how many results match, how many come per page, how the next page is asked
for), the other pages no longer depend on each other. `fetch_pages` asks for them with a few workers at once
(bounded: `workers` requests in flight, at most `ahead` pages fetched beyond the one the caller waits for) and yields
the answers in page order. The caller's Progress stops everything at once: no page is asked for after a cancel, the
pages in flight are dropped when they end, and the caller gets Cancelled without waiting for them. A page that fails
with a transient error (network, 5xx once the HTTP session gave up, an answer cut short or unreadable) is asked for
again alone after a backoff; the pages already received are kept, never fetched twice. Any other error ends the
search with that error, once the pages before it have been handed over.

Pure Python (threads); what a page is and how it is fetched belong to the caller.

How a search plugs in (any catalogue whose pages are numbered: an OpenSearch startIndex, an item search's offset or
page number, or next links that differ only by such a number):

1. Send the first request as the protocol wants it; read the total (e.g. totalResults, numberMatched,
   context.matched) and the page size (itemsPerPage, the limit sent, or the length of a full first page).
2. Describe how page k is asked for (k = 0 is the first page, already in hand):
   - a number the search sends itself: build the request from k (offset = first offset + k * page size,
     page = first page number + k);
   - next links (GET) that differ only by such a number: `NumberedLinks.predict(next_url, {"startIndex": (101,
     100)})` (parameter -> (its value expected in the first page's next link, step from page to page)) gives every
     page's URL, the next link verbatim but for that number; a POST next link's JSON body: `NumberedBodies`;
   - None from `predict` (the link carries an opaque token, or not the number expected): follow the next links one
     page at a time, as before; nothing else changes.
3. `for answer in fetch_pages(lambda k: get(links.url(k)), range(1, page_count(wanted, size)), progress=progress)`:
   map each answer to a core Page and yield it. The dock, Processing and the console see the same generator of
   pages as before, only sooner.
"""

import copy
import random
import threading
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple
from urllib.parse import quote_plus, unquote_plus, urlsplit, urlunsplit

from .errors import Cancelled, NetworkError, ProtocolError, ServerError
from .log import get_logger
from .progress import Progress

__all__ = ["DEFAULT_WORKERS", "NumberedBodies", "NumberedLinks", "ParallelPages", "UnreadablePage", "fetch_pages",
           "is_transient", "page_count"]

log = get_logger("paging")

DEFAULT_WORKERS = 6  # requests in flight for one search: several times faster, still polite to a public server
POLL = 0.05  # seconds between two looks at the Progress while waiting


class UnreadablePage(ProtocolError):
    """A page's answer that could not be read (cut short, not JSON): asked for again, as a dropped one would be."""


def is_transient(error: BaseException) -> bool:
    """Errors that asking again may cure: the network, a server in trouble, an answer cut short."""
    return isinstance(error, (NetworkError, ServerError, UnreadablePage))


def page_count(results: int, page_size: int) -> int:
    """How many pages hold `results` results, `page_size` a page (0 results: 0 pages)."""
    if results <= 0:
        return 0
    return -(-results // max(1, page_size))


# -- predictable requests ------------------------------------------------------------------------------------------

def _number(value) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


class NumberedLinks:
    """Next links that differ from page to page by one query parameter only: page k's URL is the first next link
    (page 1) with that parameter set to `first + (k - 1) * step`, every other character kept as the server wrote it.
    """

    def __init__(self, url: str, parameter: str, first: int, step: int):
        self.parameter, self.first, self.step = parameter, first, step
        parts = urlsplit(url)
        self._parts = parts
        self._pairs = parts.query.split("&") if parts.query else []
        found = [i for i, pair in enumerate(self._pairs) if unquote_plus(pair.partition("=")[0]) == parameter]
        if len(found) != 1:
            raise ValueError(f"{parameter} is not once in the query of {url}")
        self._at = found[0]

    @classmethod
    def predict(cls, next_url: str, candidates: Dict[str, Tuple[int, int]]) -> Optional["NumberedLinks"]:
        """The links of the following pages, or None when `next_url` is not numbered as expected.

        candidates: parameter name -> (value the first page's next link must carry, step between two pages), e.g.
        {"startIndex": (101, 100)} for 1-based indexes of 100 per page, {"page": (2, 1)}, {"offset": (50, 50)}.
        A parameter present twice, or a next link that carries none of them, is not predictable."""
        query = urlsplit(next_url).query
        pairs = [pair.partition("=") for pair in query.split("&")] if query else []
        for parameter, (expected, step) in candidates.items():
            values = [value for name, _sep, value in pairs if unquote_plus(name) == parameter]
            if len(values) == 1 and _number(unquote_plus(values[0])) == expected and step > 0:
                return cls(next_url, parameter, expected, step)
        return None

    def number(self, k: int) -> int:
        return self.first + (k - 1) * self.step

    def url(self, k: int) -> str:
        """The URL of page k (k >= 1; 1 is the next link itself)."""
        pairs = list(self._pairs)
        name = pairs[self._at].partition("=")[0]
        pairs[self._at] = f"{name}={quote_plus(str(self.number(k)))}"
        return urlunsplit(self._parts._replace(query="&".join(pairs)))


class NumberedBodies:
    """The JSON bodies of POST next links that differ by one top-level key only (e.g. {"page": 2} or an offset)."""

    def __init__(self, body: Dict[str, Any], key: str, first: int, step: int):
        self._body, self.key, self.first, self.step = body, key, first, step

    @classmethod
    def predict(cls, next_body: Optional[Dict[str, Any]],
                candidates: Dict[str, Tuple[int, int]]) -> Optional["NumberedBodies"]:
        """As NumberedLinks.predict, for a JSON body (None when it has none of the keys with the value expected)."""
        if not isinstance(next_body, dict):
            return None
        for key, (expected, step) in candidates.items():
            if key in next_body and _number(next_body[key]) == expected and step > 0:
                return cls(next_body, key, expected, step)
        return None

    def number(self, k: int) -> int:
        return self.first + (k - 1) * self.step

    def body(self, k: int) -> Dict[str, Any]:
        """The body of page k (k >= 1; 1 is the next link's own body): a copy, the caller may change it."""
        body = copy.deepcopy(self._body)
        body[self.key] = self.number(k)
        return body


# -- the pager -----------------------------------------------------------------------------------------------------

class ParallelPages:
    """Iterate once to get `fetch(key)` for each key in order while up to `workers` run at once.

    retries: extra tries of a page that failed with a transient error (`transient(error)`), after `backoff` seconds,
    doubled each time. ahead: pages fetched at most beyond the one the caller waits for (default: twice the
    workers), so a slow reader never piles up answers. join() waits until every worker has ended (tests)."""

    def __init__(self, fetch: Callable[[Any], Any], keys: Iterable[Any], *, workers: int = DEFAULT_WORKERS,
                 progress: Optional[Progress] = None, retries: int = 2, backoff: float = 0.5,
                 transient: Callable[[BaseException], bool] = is_transient, ahead: Optional[int] = None,
                 name: str = "eo-page"):
        self._fetch, self._keys = fetch, list(keys)
        self._workers = max(1, min(int(workers), len(self._keys) or 1))
        self._progress = progress or Progress()
        self._retries, self._backoff, self._transient = max(0, int(retries)), float(backoff), transient
        self._ahead = max(self._workers, int(ahead) if ahead is not None else 2 * self._workers)
        self._name = name
        self._lock = threading.Condition()
        self._stop = threading.Event()
        self._results: Dict[int, Any] = {}
        self._failure: Optional[Tuple[int, BaseException]] = None
        self._next_start = 0  # position (in keys) of the next page to ask for
        self._next_out = 0  # position of the next page the caller gets
        self._threads: List[threading.Thread] = []
        self._iterated = False

    # -- what callers use
    def __iter__(self) -> Iterator[Any]:
        if self._iterated:
            raise RuntimeError("the pages of a ParallelPages are iterated once")
        self._iterated = True
        return self._deliver()

    def stop(self) -> None:
        """Ask for no more pages; the ones in flight end on their own and are dropped."""
        with self._lock:
            self._stop.set()
            self._lock.notify_all()

    def join(self, timeout: Optional[float] = None) -> bool:
        """Wait for the workers to end (after stop, cancel or the last page); True when they all have."""
        for thread in list(self._threads):
            thread.join(timeout)
        return not any(thread.is_alive() for thread in self._threads)

    # -- the caller's side
    def _deliver(self) -> Iterator[Any]:
        try:
            self._progress.check()
            for number in range(self._workers):
                thread = threading.Thread(target=self._work, name=f"{self._name}-{number + 1}", daemon=True)
                self._threads.append(thread)
                thread.start()
            for position in range(len(self._keys)):
                answer = self._wait_for(position)
                yield answer
        finally:
            self.stop()

    def _wait_for(self, position: int):
        with self._lock:
            while True:
                if self._progress.cancelled():
                    raise Cancelled()
                if position in self._results:
                    self._next_out = position + 1
                    self._lock.notify_all()
                    return self._results.pop(position)
                if self._failure is not None and self._failure[0] <= position:
                    raise self._failure[1]
                self._lock.wait(POLL)

    # -- the workers' side
    def _work(self) -> None:
        while True:
            position = self._take()
            if position is None:
                return
            try:
                answer = self._fetch_page(position)
            except BaseException as error:  # handed to the caller, who raises it in order
                with self._lock:
                    if self._failure is None or position < self._failure[0]:
                        self._failure = (position, error)
                    self._lock.notify_all()
                return
            with self._lock:
                if not self._stop.is_set():
                    self._results[position] = answer
                self._lock.notify_all()

    def _take(self) -> Optional[int]:
        """The position of the next page to fetch, or None when this worker is done."""
        with self._lock:
            while True:
                if (self._stop.is_set() or self._failure is not None or self._next_start >= len(self._keys)
                        or self._progress.cancelled()):
                    return None
                if self._next_start < self._next_out + self._ahead:
                    self._next_start += 1
                    return self._next_start - 1
                self._lock.wait(POLL)

    def _fetch_page(self, position: int):
        key = self._keys[position]
        attempt = 0
        while True:
            self._check()
            try:
                return self._fetch(key)
            except Cancelled:
                raise
            except Exception as error:
                if attempt >= self._retries or not self._transient(error) or self._stop.is_set():
                    raise
                attempt += 1
                delay = self._backoff * 2 ** (attempt - 1)
                delay += random.uniform(0, delay * 0.2)
                log.info("page %s failed (%s); asking for it again alone in %.1f s (%d of %d)", key,
                         type(error).__name__, delay, attempt, self._retries)
                self._sleep(delay)

    def _check(self) -> None:
        if self._stop.is_set():
            raise Cancelled()
        self._progress.check()

    def _sleep(self, seconds: float) -> None:
        """A backoff that ends early (with Cancelled) on a cancel or a stop."""
        remaining = seconds
        while remaining > 0:
            self._check()
            step = min(POLL, remaining)
            if self._stop.wait(step):
                raise Cancelled()
            remaining -= step
        self._check()


def fetch_pages(fetch: Callable[[Any], Any], keys: Iterable[Any], **options) -> Iterator[Any]:
    """`fetch(key)` for every key, fetched side by side, yielded in the order of `keys` (see ParallelPages)."""
    return iter(ParallelPages(fetch, keys, **options))
