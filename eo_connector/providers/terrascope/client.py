"""Terrascope OpenSearch client: collections, product count and product search, as terracatalogueclient does them.

Same parameter names and encodings (protocols/terrascope.md D.3), count first with count=0, then the first page
without startIndex/count and the server's `next` links followed verbatim. A search the server cannot page through
(more than 100,000 results, or beyond what its `last` link reaches) is refused before any product is fetched.
With a TokenKeeper the bearer token goes on every request, as the real client does; a 401 refreshes it once.
"""

import datetime as dt
from typing import Iterator, List, Optional
from urllib.parse import parse_qs, urljoin, urlsplit

from shapely import wkt as shapely_wkt
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ...core.aoi import AOI
from ...core.errors import EOError, InvalidInput, ProtocolError
from ...core.http import HttpSession
from ...core.http_errors import raise_for_status
from ...core.i18n import number, tr
from ...core.log import get_logger
from ...core.models import Item
from ...core.paging import DEFAULT_WORKERS, NumberedLinks, UnreadablePage, fetch_pages, page_count
from ...core.progress import Progress
from .config import CatalogueConfig
from .oidc import TokenKeeper
from .products import CatalogueCollection, ProductPage, collection_from_feature, item_from_feature

__all__ = ["MAX_RESULTS", "ProductPage", "SearchRefused", "TerrascopeClient", "TooManyResults", "encode_parameters"]

log = get_logger("terrascope.client")

MAX_RESULTS = 100_000  # the catalogue's pagination depth (its `last` link stops at startIndex 99,901 for 100/page)
SEARCH_ACCEPT = "application/json, application/geo+json"
DATE_PARAMETERS = ("start", "end")
INTERVAL_DATE_PARAMETERS = ("publicationDate", "modificationDate")


class SearchRefused(EOError):
    """The catalogue answered an OpenSearch ExceptionReport; the message is its "locator - text" (joined by "; ")."""

    def __init__(self, message: str = "", details: str = "", exceptions: Optional[list] = None):
        super().__init__(message, details)
        self.exceptions = exceptions or []

    def default_message(self):
        return tr("The catalogue refused the search.")


class TooManyResults(InvalidInput):
    """More products match than the catalogue can page through: the user narrows the search."""

    def __init__(self, total: int, reachable: int, details: str = ""):
        self.total = total
        self.reachable = reachable
        super().__init__(tr("{total} products match this search, more than the catalogue can list ({reachable}). "
                            "Please narrow the search (smaller area, shorter dates, lower cloud cover) and try again.",
                            total=number(total), reachable=number(reachable)), details)


# -- parameters ----------------------------------------------------------------------------------------------------

def encode_parameters(**kwargs) -> dict:
    """Query parameters exactly as terracatalogueclient encodes them; None dropped, `limit` never sent.

    Dates: date -> YYYY-MM-DD, datetime -> YYYY-MM-DDTHH:MM:SSZ (UTC), str as is. bbox: list/tuple/dict -> "W,S,E,N".
    geometry: shapely (or an AOI) -> WKT, str as is. cloudCover: 60 -> "60]", (a, b) -> "[a,b]", (None, b) -> "b]",
    (a, None) -> "[a"; publicationDate/modificationDate tuples likewise. `aoi=` (a core AOI) is a shortcut for
    geometry. An interval open on both sides filters nothing and is left out.
    """
    kwargs.pop("limit", None)
    aoi = kwargs.pop("aoi", None)
    if aoi is not None and kwargs.get("geometry") is None and kwargs.get("bbox") is None:
        kwargs["geometry"] = aoi
    encoded = {}
    for name, value in kwargs.items():
        if value is None:
            continue
        if name in DATE_PARAMETERS:
            value = _date_text(value, name)
        elif name in INTERVAL_DATE_PARAMETERS:
            value = _date_interval(value, name)
        elif name == "cloudCover":
            value = _cloud_cover(value)
        elif name == "geometry":
            value = _geometry_wkt(value)
        elif name == "bbox":
            value = _bbox_text(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        else:
            value = str(value)
        if value == "" and (name == "cloudCover" or name in INTERVAL_DATE_PARAMETERS):
            continue
        encoded[name] = value
    return encoded


def _bad(name: str, value, expected: str) -> InvalidInput:
    return InvalidInput(tr("The search filter {name} cannot be {value}: {expected}", name=name,
                           value=repr(value)[:80], expected=expected))


def _date_text(value, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    raise _bad(name, value, tr("use a date, a date and time, or text like 2021-01-31."))


def _date_interval(value, name: str) -> str:
    if not _is_pair(value):
        return _date_text(value, name)
    return _interval(value, name, lambda moment: _date_text(moment, name))


def _is_pair(value) -> bool:
    return isinstance(value, (tuple, list))


def _interval(value, name: str, formatter) -> str:
    if len(value) != 2:
        raise _bad(name, value, tr("an interval is a pair (lowest, highest); use None for an open side."))
    low, high = value
    if low is None and high is None:
        return ""
    if low is None:
        return f"{formatter(high)}]"
    if high is None:
        return f"[{formatter(low)}"
    return f"[{formatter(low)},{formatter(high)}]"


def _cloud_cover(value) -> str:
    if isinstance(value, str):
        return value
    if _is_pair(value):
        return _interval(value, "cloudCover", _plain_number)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value}]"  # a number is a maximum
    raise _bad("cloudCover", value, tr("use a maximum percentage or a pair (lowest, highest)."))


def _plain_number(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _bad("cloudCover", value, tr("use a maximum percentage or a pair (lowest, highest)."))
    return str(value)


def _geometry_wkt(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, AOI):
        value = value.geometry
    elif isinstance(value, dict):
        try:
            value = shape(value)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise _bad("geometry", value, tr("use WKT text, a shapely geometry or a GeoJSON geometry.")) from None
    if isinstance(value, BaseGeometry):
        return shapely_wkt.dumps(value, trim=True)
    raise _bad("geometry", value, tr("use WKT text, a shapely geometry or a GeoJSON geometry."))


def _bbox_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        try:
            value = [value["west"], value["south"], value["east"], value["north"]]
        except KeyError:
            raise _bad("bbox", value, tr("a dict needs west, south, east and north.")) from None
        return ",".join(str(v) for v in value)
    if _is_pair(value) and len(value) == 4:
        return ",".join(str(v) for v in value)
    raise _bad("bbox", value, tr("use (west, south, east, north) in degrees."))


# -- the client ----------------------------------------------------------------------------------------------------

class TerrascopeClient:
    """page_workers: product pages asked for at once once the first page showed how they are numbered (1: the
    server's next links one at a time, as terracatalogueclient does)."""

    def __init__(self, config: CatalogueConfig, http: HttpSession, tokens: Optional[TokenKeeper] = None, *,
                 page_workers: int = DEFAULT_WORKERS):
        self.config = config
        self.http = http
        self.tokens = tokens
        self.page_workers = page_workers

    def collections(self, start=None, end=None, bbox=None, geometry=None, platform=None,
                    **kwargs) -> List[CatalogueCollection]:
        """Every collection matching the filters (all pages)."""
        params = encode_parameters(start=start, end=end, bbox=bbox, geometry=geometry, platform=platform, **kwargs)
        found = []
        for answer in self._pages(self.config.collections_url, params, None):
            found.extend(collection_from_feature(f) for f in answer.get("features") or [])
        return found

    def product_count(self, collection: str, **filters) -> int:
        """How many products match, asked with count=0 (no product is sent back)."""
        params = encode_parameters(**filters)
        params["collection"] = collection
        return self._count(params, None)

    def search(self, collection: str, *, limit: Optional[int] = None, progress: Optional[Progress] = None,
               **filters) -> Iterator[ProductPage]:
        """Pages of products in the catalogue's order. The count comes first; TooManyResults is raised before any
        product is fetched when the catalogue could not page through what was asked. The first page yielded is always
        an empty one carrying the count, so a user sees how many products match before the first product arrives.

        The first page is asked for as terracatalogueclient asks (no startIndex/count); its `next` link shows how
        the server numbers pages, so the others are asked for side by side (core/paging.py), each with the URL the
        server's own next link would give it; a next link numbered otherwise is followed one page at a time."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise _bad("limit", limit, tr("use a whole number of products, or None for all."))
        params = encode_parameters(**filters)
        params["collection"] = collection
        if progress is not None:
            progress.report(0.0, tr("Counting the matching products…"))
        total = self._count(params, progress)
        requested = total if limit is None else min(limit, total)
        if requested > MAX_RESULTS:
            raise TooManyResults(total, MAX_RESULTS, details=f"{collection}: totalResults={total}")
        yield ProductPage([], total, 1)
        if requested == 0:
            return
        delivered = 0
        for answer in self._product_answers(params, progress, requested):
            features = answer.get("features") or []
            items = [item_from_feature(f, collection) for f in features[:requested - delivered]]
            delivered += len(items)
            if progress is not None:
                progress.report(delivered / requested, tr("{count} of {total} products", count=number(delivered),
                                                          total=number(requested)))
            yield ProductPage(items, _whole(answer, "totalResults", total), _whole(answer, "startIndex", 1))
            if delivered >= requested:
                return

    def products(self, collection: str, *, limit: Optional[int] = None, **filters) -> Iterator[Item]:
        """The matching products one by one (the console's get_products)."""
        for page in self.search(collection, limit=limit, **filters):
            yield from page.items

    def auth_headers(self, fresh: bool = False) -> dict:
        """The Authorization header for downloads ({} for an open catalogue); fresh=True after a refusal."""
        if self.tokens is None:
            return {}
        token = self.tokens.force_refresh() if fresh else self.tokens.bearer()
        return {"Authorization": f"Bearer {token}"}

    # -- internals
    def _count(self, params: dict, progress) -> int:
        answer = self._search_json(self.config.products_url, {**params, "count": "0"}, progress)
        return _whole(answer, "totalResults")

    def _product_answers(self, params: dict, progress, requested: int) -> Iterator[dict]:
        """The answers holding the first `requested` products: the first page, then the others side by side."""
        url = self.config.products_url
        first = self._search_json(url, params, progress)
        reachable = _reachable(first)
        if reachable is not None and requested > reachable:
            raise TooManyResults(_whole(first, "totalResults"), reachable,
                                 details=f"last link allows {reachable} results")
        features = first.get("features") or []
        next_url = _link(first, "next")
        if not next_url or not features or len(features) >= requested:
            yield first
            return
        size = max(_whole(first, "itemsPerPage", 0), len(features))
        links = NumberedLinks.predict(urljoin(url, next_url), {"startIndex": (_whole(first, "startIndex", 1) + size,
                                                                              size)})
        if links is None or self.page_workers <= 1:
            if links is None:
                log.info("the next link does not number pages by startIndex: following it one page at a time")
            yield from self._pages(url, None, progress, first=first)
            return
        yield first

        def numbered_page(k: int) -> dict:
            answer = self._search_json(links.url(k), None, progress)
            if _whole(answer, "startIndex", links.number(k)) != links.number(k):
                raise ProtocolError(details=f"search: asked for startIndex {links.number(k)}, "
                                            f"got {answer.get('startIndex')}")
            return answer

        for answer in fetch_pages(numbered_page, range(1, 1 + page_count(requested - len(features), size)),
                                  workers=self.page_workers, progress=progress, name="eo-search-page"):
            yield answer
            if not answer.get("features"):  # fewer products than counted: the following pages are empty too
                return

    def _pages(self, url: str, params: Optional[dict], progress, first: Optional[dict] = None) -> Iterator[dict]:
        """The answers of `url` and of the next links after it, one at a time (`first`: its answer, if known)."""
        answer = first if first is not None else self._search_json(url, params, progress)
        seen = {url}
        while True:
            yield answer
            next_url = _link(answer, "next")
            if not next_url or not answer.get("features"):
                return
            next_url = urljoin(url, next_url)
            if next_url in seen:  # a server sending the same page again must not loop forever
                raise ProtocolError(details=f"search: next link repeats {next_url}")
            seen.add(next_url)
            if progress is not None:
                progress.check()
            url, answer = next_url, self._search_json(next_url, None, progress)

    def _search_json(self, url: str, params: Optional[dict], progress) -> dict:
        response = self._get(url, params, progress)  # HttpSession retries bodies cut short
        if response.status_code != 200:
            _raise_search_error(response)
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or not isinstance(answer.get("features", []), list):
            raise UnreadablePage(details=f"search answer from {response.url} is not a FeatureCollection")
        return answer

    def _get(self, url: str, params: Optional[dict], progress):
        headers = {"Accept": SEARCH_ACCEPT}
        token = self.tokens.bearer() if self.tokens is not None else ""
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = self.http.request("GET", url, params=params, headers=headers, progress=progress)
        if response.status_code == 401 and token:
            log.info("catalogue refused the access token; refreshing it once")
            response.close()
            headers["Authorization"] = f"Bearer {self.tokens.force_refresh(token)}"
            response = self.http.request("GET", url, params=params, headers=headers, progress=progress)
        return response


def _raise_search_error(response) -> None:
    """SearchRefused with the server's words for an ExceptionReport; the core's error for anything else."""
    try:
        body = response.json()
    except ValueError:
        body = None
    reports = body.get("exceptions") if isinstance(body, dict) else None
    if isinstance(reports, list) and reports:
        texts = []
        for report in reports:
            if not isinstance(report, dict):
                continue
            text = str(report.get("exceptionText") or report.get("exceptionCode") or "").strip()
            texts.append(f"{report['locator']} - {text}" if report.get("locator") else text)
        message = "; ".join(t for t in texts if t)
        if message:
            raise SearchRefused(message, details=f"GET {response.url} -> HTTP {response.status_code}: {message}",
                                exceptions=reports)
    raise_for_status(response, messages={401: tr("Your Terrascope session has expired: sign in again.")})
    raise ProtocolError(details=f"search: unexpected HTTP {response.status_code} from {response.url}")


def _link(answer: dict, relation: str) -> str:
    links = ((answer.get("properties") or {}).get("links") or {}).get(relation)
    if isinstance(links, list) and links and isinstance(links[0], dict):
        return str(links[0].get("href") or "")
    return ""


def _reachable(answer: dict) -> Optional[int]:
    """How many results paging can reach, by terracatalogueclient's rule: startIndex of the single `last` link +
    page size - 1; without such a link, one page."""
    page_size = _whole(answer, "itemsPerPage", 0)
    links = ((answer.get("properties") or {}).get("links") or {}).get("last")
    if isinstance(links, list) and len(links) == 1 and isinstance(links[0], dict):
        start = parse_qs(urlsplit(str(links[0].get("href") or "")).query).get("startIndex")
        try:
            return int(start[0]) + page_size - 1
        except (TypeError, ValueError):
            return None
    return page_size


def _whole(answer: dict, key: str, default: Optional[int] = None) -> int:
    try:
        return int(answer[key])
    except (KeyError, TypeError, ValueError):
        if default is not None:
            return default
        raise ProtocolError(details=f"search answer without a usable {key}") from None
