"""A STAC API client on the house's HttpSession: timeouts, retries with Retry-After, QGIS's proxy, cancel between
requests, and every failure a sentence.

Why not pystac-client inside the plugin (README, "STAC client"): its `items()` is a synchronous iterator over its own
requests session, so it cannot be cancelled between pages, report progress, use QGIS's proxy and retries, send a
per-URL credential, or hand pages to a parallel pager; it also brings pystac, python-dateutil and jsonschema into
every QGIS Python. The protocol it speaks is small and is what this module implements; the contract tests run
pystac-client against the same emulator and check that both get the same items, and the benchmark compares them.

`search()` is a generator of core.models.Page: the first page carries `numberMatched` when the server gives one;
each later page comes from the previous page's `rel=next` link (GET links as they are; POST links with their `body`,
merged into the previous body when `merge` is true, and their `headers`). A parallel pager can replace the loop:
`first_request()` and `next_request(page_json, previous)` describe each request without sending it.
"""

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple
from urllib.parse import urljoin

from ...core.errors import EOError, NotFound, ProtocolError
from ...core.http_errors import raise_for_status
from ...core.i18n import tr
from ...core.models import Collection, Page
from ...core.paging import DEFAULT_WORKERS, NumberedBodies, NumberedLinks, fetch_pages, page_count
from ...core.progress import Progress
from .items import collection_from_stac, item_from_stac
from .parameters import get_params, search_parameters, sort_fields  # noqa: F401 (also imported from here)

SEARCH_CONFORMANCE = "/item-search"
FILTER_CONFORMANCE = "/filter"
CQL2_JSON_CONFORMANCE = "/cql2-json"
SORT_CONFORMANCE = "/item-search#sort"
MAX_PAGES = 100_000  # a server whose next links never end stops here


@dataclass
class SearchRequest:
    """One search request as sent: method, absolute URL, query parameters (GET) or JSON body (POST), extra
    headers a next link asked for."""

    method: str
    url: str
    params: Optional[Dict[str, str]] = None
    body: Optional[Dict[str, Any]] = None
    headers: Dict[str, str] = field(default_factory=dict)


class StacApi:
    """One STAC API root. `headers()` gives the credentials of the moment (called for every request, so a renewed
    key or cookie is picked up); `errors` maps a status to the sentence a user should read (e.g. 401 on RS-Server
    means the API key was refused). `name` names the service in sentences."""

    def __init__(self, http, root_url: str, *, headers: Optional[Callable[[], Dict[str, str]]] = None,
                 errors: Optional[Dict[int, str]] = None, name: str = "", provider: str = ""):
        self.http = http
        self.root_url = root_url.rstrip("/") + "/"
        self._headers = headers or (lambda: {})
        self.errors = dict(errors or {})
        self.name = name or self.root_url
        self.provider = provider
        self._landing: Optional[dict] = None

    # -- requests
    def headers(self, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
        found = {"Accept": "application/geo+json, application/json"}
        found.update(self._headers() or {})
        found.update(extra or {})
        return found

    def get_json(self, url: str, params=None, progress: Optional[Progress] = None, headers=None):
        response = self.http.get(self.url(url), params=params, headers=self.headers(headers), progress=progress)
        return self._json(response)

    def send(self, method: str, url: str, body=None, *, progress: Optional[Progress] = None, params=None,
             headers=None, idempotent=None, messages=None):
        """Any request to the API (writes included); the parsed JSON answer (None for an empty one)."""
        response = self.http.request(method, self.url(url), json=body, params=params, headers=self.headers(headers),
                                     progress=progress, idempotent=idempotent)
        return self._json(response, messages)

    def _json(self, response, messages=None):
        raise_for_status(response, messages={**self.errors, **(messages or {})})
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise ProtocolError(tr("{service} did not answer in JSON: is {url} a STAC API?", service=self.name,
                                   url=response.url), details=response.text[:300]) from None

    def url(self, path: str) -> str:
        return urljoin(self.root_url, path) if not path.startswith(("http://", "https://")) else path

    # -- landing page and conformance
    def landing(self, progress: Optional[Progress] = None, refresh: bool = False) -> dict:
        if self._landing is None or refresh:
            try:
                found = self.get_json(self.root_url, progress=progress)
            except NotFound:
                raise ProtocolError(tr("{url} is not a STAC API (no landing page).", url=self.root_url)) from None
            if not isinstance(found, dict) or not isinstance(found.get("links"), list):
                raise ProtocolError(tr("{url} is not a STAC API (its landing page has no links).",
                                       url=self.root_url))
            self._landing = found
        return self._landing

    def conformance(self, progress: Optional[Progress] = None) -> List[str]:
        landing = self.landing(progress)
        found = landing.get("conformsTo")
        if not found:
            link = self.link("conformance")
            if link:
                found = (self.get_json(link["href"], progress=progress) or {}).get("conformsTo")
        return list(found or [])

    def conforms(self, fragment: str) -> bool:
        return any(fragment in uri for uri in self.conformance())

    def link(self, rel: str, method: Optional[str] = None) -> Optional[dict]:
        for link in self.landing().get("links", []):
            if link.get("rel") == rel and (method is None or (link.get("method") or "GET").upper() == method):
                return link
        return None

    def search_methods(self) -> Tuple[str, ...]:
        methods = tuple(m for m in ("GET", "POST") if self.link("search", m))
        if not methods and self.link("search"):
            methods = ("GET",)
        return methods

    # -- collections
    def collections_json(self, progress: Optional[Progress] = None) -> List[dict]:
        link = self.link("data")
        url = link["href"] if link else "collections"
        found: List[dict] = []
        seen = set()
        while url and url not in seen and len(seen) < MAX_PAGES:
            seen.add(url)
            page = self.get_json(url, progress=progress) or {}
            found.extend(page.get("collections", []))
            url = next((link["href"] for link in page.get("links", []) if link.get("rel") == "next"), None)
        return found

    def collections(self, progress: Optional[Progress] = None) -> List[Collection]:
        return [collection_from_stac(c, self.provider) for c in self.collections_json(progress)]

    def collection_json(self, collection_id: str, progress: Optional[Progress] = None) -> dict:
        return self.get_json(f"collections/{collection_id}", progress=progress)

    def queryables(self, collection_id: str = "", progress: Optional[Progress] = None) -> dict:
        """The JSON schema of the filterable properties (of one collection, else of the whole API); {} when the API
        has none."""
        path = f"collections/{collection_id}/queryables" if collection_id else "queryables"
        try:
            return self.get_json(path, progress=progress) or {}
        except NotFound:
            return {}

    # -- search
    def first_request(self, body: Dict[str, Any], method: Optional[str] = None) -> SearchRequest:
        methods = self.search_methods()
        if not methods:
            raise ProtocolError(tr("{service} has no item search.", service=self.name))
        link = self.link("search", "POST") or self.link("search")
        if method is None:
            method = "POST" if "POST" in methods else "GET"
        method = method.upper()
        if method not in methods and "filter" in body and method == "GET":
            method = "POST"
        url = (self.link("search", method) or link)["href"]
        if method == "POST":
            return SearchRequest("POST", self.url(url), body=dict(body))
        return SearchRequest("GET", self.url(url), params=get_params(body))

    @staticmethod
    def next_request(page: dict, previous: SearchRequest) -> Optional[SearchRequest]:
        link = next((link for link in page.get("links", []) if link.get("rel") == "next"), None)
        if not link or not link.get("href"):
            return None
        method = (link.get("method") or "GET").upper()
        headers = dict(link.get("headers") or {})
        if method == "POST":
            body = link.get("body")
            if link.get("merge") and previous.body is not None:
                body = {**previous.body, **(body or {})}
            elif body is None:
                body = previous.body
            return SearchRequest("POST", link["href"], body=body, headers=headers)
        return SearchRequest("GET", link["href"], headers=headers)

    def fetch(self, request: SearchRequest, progress: Optional[Progress] = None) -> dict:
        if request.method == "POST":
            return self.send("POST", request.url, request.body, progress=progress, headers=request.headers,
                             idempotent=True) or {}
        return self.get_json(request.url, params=request.params, progress=progress, headers=request.headers) or {}

    def search(self, body: Dict[str, Any], *, method: Optional[str] = None, max_items: Optional[int] = None,
               progress: Optional[Progress] = None, raw: bool = False, page_workers: int = DEFAULT_WORKERS
               ) -> Iterator[Page]:
        """Pages of Items (or of raw STAC item dicts with raw=True), every next link followed, until max_items.

        When the server counts the matches and numbers its pages (a next link with ?page= or ?offset=, or a POST
        next link whose body carries them), the pages after the first are fetched side by side (core/paging.py) and
        still come in order; with opaque tokens they are followed one at a time."""
        progress = progress or Progress()
        request: Optional[SearchRequest] = self.first_request(body, method)
        count, pages = 0, 0
        while request is not None and pages < MAX_PAGES:
            progress.check()
            page = self.fetch(request, progress)
            features = self._features(page, max_items, count)
            total = matched(page)
            pages += 1
            yield Page(self._items(features, raw), total or 0, count + 1)
            count += len(features)
            if max_items is not None and count >= max_items:
                return
            if not features and pages > 1:
                return  # an empty page that still links further: stop rather than loop
            next_request = self.next_request(page, request)
            if pages == 1 and next_request is not None and total and page_workers > 1:
                numbered = self._numbered(next_request, len(features))
                if numbered is not None:
                    yield from self._side_by_side(numbered, next_request, total, count, max_items, progress, raw,
                                                  page_workers)
                    return
            request = next_request

    def _features(self, page: dict, max_items: Optional[int], count: int) -> list:
        if page.get("type") not in (None, "FeatureCollection") or not isinstance(page.get("features", []), list):
            raise ProtocolError(tr("{service} answered the search with something that is not a list of items.",
                                   service=self.name))
        features = page.get("features") or []
        return features[:max(0, max_items - count)] if max_items is not None else features

    def _items(self, features: list, raw: bool) -> list:
        return features if raw else [item_from_stac(f, self.provider) for f in features]

    @staticmethod
    def _numbered(next_request: SearchRequest, page_size: int):
        """How page k after the first is asked for, when the next link numbers its pages; None for a token."""
        candidates = {"page": (2, 1), "offset": (page_size, page_size)}
        if next_request.method == "POST":
            return NumberedBodies.predict(next_request.body, candidates)
        return NumberedLinks.predict(next_request.url, candidates)

    def _side_by_side(self, numbered, first_next: SearchRequest, total: int, count: int, max_items: Optional[int],
                      progress: Progress, raw: bool, workers: int) -> Iterator[Page]:
        wanted = total if max_items is None else min(total, max_items)
        remaining = page_count(max(0, wanted - count), max(1, count))

        def fetch(k: int) -> dict:
            if first_next.method == "POST":
                request = SearchRequest("POST", first_next.url, body=numbered.body(k), headers=first_next.headers)
            else:
                request = SearchRequest("GET", numbered.url(k), headers=first_next.headers)
            return self.fetch(request, progress)

        for page in fetch_pages(fetch, range(1, remaining + 1), progress=progress, workers=workers):
            features = self._features(page, max_items, count)
            if not features:
                return
            yield Page(self._items(features, raw), matched(page) or total, count + 1)
            count += len(features)
            if max_items is not None and count >= max_items:
                return

    def items(self, body: Dict[str, Any], **kwargs) -> list:
        return [item for page in self.search(body, **kwargs) for item in page.items]

    def count(self, body: Dict[str, Any], progress: Optional[Progress] = None) -> Optional[int]:
        """numberMatched of a one-item search (None when the server does not count)."""
        page = self.fetch(self.first_request({**body, "limit": 1}), progress)
        return matched(page)


def matched(page: dict) -> Optional[int]:
    for value in (page.get("numberMatched"), (page.get("context") or {}).get("matched")):
        if isinstance(value, int) and value >= 0:
            return value
    return None


def describe_error(err: EOError) -> str:
    return err.message
