"""A strict STAC API (stac-fastapi's behaviour) the RS-Server emulator serves under /catalog/, /cadip/, /auxip/ and
/stac/: landing page with a real conformance list, collections, queryables, items, item search by GET and POST with
bbox, intersects, datetime, ids, collections, CQL2-JSON filter (only queryable properties; anything else refused in
words), sortby, limit; paging by `next` links (GET: ?token=; POST: a link with method POST, body {token}, merge).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any, Callable
from urllib.parse import urlencode

import shapely
from shapely.geometry import shape

from tests.emulators.faults import Request, Response, json_response

CONFORMS_TO = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/collections",
    "https://api.stacspec.org/v1.0.0/ogcapi-features",
    "https://api.stacspec.org/v1.0.0/ogcapi-features#query",
    "https://api.stacspec.org/v1.0.0/ogcapi-features#sort",
    "https://api.stacspec.org/v1.0.0/item-search",
    "https://api.stacspec.org/v1.0.0/item-search#filter",
    "https://api.stacspec.org/v1.0.0/item-search#query",
    "https://api.stacspec.org/v1.0.0/item-search#sort",
    "https://api.stacspec.org/v1.0.0/item-search#fields",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-operators",
    "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
]
SEARCH_PARAMS = {"bbox", "intersects", "datetime", "ids", "collections", "filter", "filter-lang", "filter_lang",
                 "sortby", "limit", "token", "page", "query", "fields"}
MAX_LIMIT = 1000
DEFAULT_LIMIT = 10
COMPARISONS = {"=": lambda a, b: a == b, "<>": lambda a, b: a != b, "<": lambda a, b: a < b,
               "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


class BadRequest(Exception):
    pass


def bad_request(description: str) -> Response:
    return json_response(400, {"code": "BadRequest", "description": description})


def _when(text: str | None):
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(f"Invalid datetime: {text}") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


class StacService:
    """One STAC API. `collections`: {id: collection JSON}; `items`: {collection id: [item JSON]}; `queryables`: the
    JSON schema of the filterable properties; `allow(request, collection id, write)` the emulator's access check
    (returns an error Response or None); `search_alias(name)` maps a search collection name to a collection id
    (the catalogue's owner_collection)."""

    def __init__(self, prefix: str, title: str, *, queryables: dict, page_size: int = DEFAULT_LIMIT,
                 allow: Callable | None = None, search_alias: Callable[[str], str] | None = None,
                 collection_alias: Callable[[str], str] | None = None) -> None:
        self.prefix, self.title = prefix.strip("/"), title
        self.collections: dict[str, dict] = {}
        self.items: dict[str, list[dict]] = {}
        self.queryables = queryables
        self.page_size = page_size
        self.allow = allow or (lambda request, collection, write=False: None)
        self.search_alias = search_alias or (lambda name: name)
        self.collection_alias = collection_alias or (lambda name: name)
        self._shapes: dict[int, Any] = {}
        self.cache_searches = False  # a read-only catalogue (the public one): a search's matches kept for its pages
        # Some STAC APIs page with a plain page number (?page=2, or {"page": 2} in a POST next link's body) instead of
        # an opaque token: such pages can be asked for side by side.
        self.numbered_pages = False
        self._matches: dict[tuple, list] = {}

    # -- routes
    def register(self, router, base: Callable[[], str]) -> None:
        p = "/" + self.prefix
        self.base = base
        router.add("GET", p + "/?", self.landing)
        router.add("GET", p + "/conformance", lambda r: json_response(200, {"conformsTo": CONFORMS_TO}))
        router.add("GET", p + "/queryables", lambda r: self._queryables_response(r, None))
        router.add("GET", p + "/collections", self.list_collections)
        router.add("GET", p + "/collections/(?P<cid>[^/]+)", self.get_collection)
        router.add("GET", p + "/collections/(?P<cid>[^/]+)/queryables", self._queryables_response)
        router.add("GET", p + "/collections/(?P<cid>[^/]+)/items", self.collection_items)
        router.add("GET", p + "/collections/(?P<cid>[^/]+)/items/(?P<iid>[^/]+)", self.get_item)
        router.add("GET", p + "/search", self.search_get)
        router.add("POST", p + "/search", self.search_post)

    def root(self) -> str:
        return f"{self.base()}/{self.prefix}"

    def landing(self, request: Request) -> Response:
        denied = self.allow(request, None)
        if denied:
            return denied
        root = self.root()
        return json_response(200, {
            "type": "Catalog", "stac_version": "1.0.0", "id": f"rs-server-{self.prefix}", "title": self.title,
            "description": f"{self.title} (emulated)", "conformsTo": CONFORMS_TO,
            "links": [
                {"rel": "self", "type": "application/json", "href": root + "/"},
                {"rel": "root", "type": "application/json", "href": root + "/"},
                {"rel": "data", "type": "application/json", "href": root + "/collections"},
                {"rel": "conformance", "type": "application/json", "href": root + "/conformance"},
                {"rel": "search", "type": "application/geo+json", "href": root + "/search", "method": "GET"},
                {"rel": "search", "type": "application/geo+json", "href": root + "/search", "method": "POST"},
                {"rel": "http://www.opengis.net/def/rel/ogc/1.0/queryables", "type": "application/schema+json",
                 "href": root + "/queryables"},
                {"rel": "service-desc", "type": "application/vnd.oai.openapi+json;version=3.0",
                 "href": root + "/api"},
            ]})

    def _queryables_response(self, request: Request, cid: str | None = None) -> Response:
        denied = self.allow(request, self.collection_alias(cid) if cid else None)
        if denied:
            return denied
        if cid is not None and self.collection_alias(cid) not in self.collections:
            return json_response(404, {"code": "NotFoundError", "description": f"Collection {cid} does not exist."})
        return json_response(200, {"$schema": "https://json-schema.org/draft/2019-09/schema",
                                   "$id": self.root() + "/queryables", "type": "object", "title": "Queryables",
                                   "properties": self.queryables, "additionalProperties": False},
                             {"Content-Type": "application/schema+json"})

    def collection_json(self, cid: str) -> dict:
        data = dict(self.collections[cid])
        root = self.root()
        shown = data.get("_path_id", cid)
        data.pop("_path_id", None)
        data["links"] = [{"rel": "self", "type": "application/json", "href": f"{root}/collections/{shown}"},
                         {"rel": "root", "type": "application/json", "href": root + "/"},
                         {"rel": "parent", "type": "application/json", "href": root + "/"},
                         {"rel": "items", "type": "application/geo+json", "href": f"{root}/collections/{shown}/items"}
                         ] + [link for link in data.get("links", []) if link.get("rel") == "license"]
        return data

    def list_collections(self, request: Request) -> Response:
        denied = self.allow(request, None)
        if denied:
            return denied
        visible = [cid for cid in self.collections if not self.allow(request, cid)]
        return json_response(200, {"collections": [self.collection_json(c) for c in visible],
                                   "links": [{"rel": "self", "href": self.root() + "/collections"},
                                             {"rel": "root", "href": self.root() + "/"}]})

    def get_collection(self, request: Request, cid: str) -> Response:
        key = self.collection_alias(cid)
        denied = self.allow(request, key)
        if denied:
            return denied
        if key not in self.collections:
            return json_response(404, {"code": "NotFoundError", "description": f"Collection {cid} does not exist."})
        return json_response(200, self.collection_json(key))

    def get_item(self, request: Request, cid: str, iid: str) -> Response:
        key = self.collection_alias(cid)
        denied = self.allow(request, key)
        if denied:
            return denied
        for item in self.items.get(key, []):
            if item["id"] == iid:
                return json_response(200, self.item_json(item))
        return json_response(404, {"code": "NotFoundError", "description": f"Item {iid} does not exist in {cid}."})

    def collection_items(self, request: Request, cid: str) -> Response:
        key = self.collection_alias(cid)
        if key not in self.collections:
            return json_response(404, {"code": "NotFoundError", "description": f"Collection {cid} does not exist."})
        params = {k: v[0] for k, v in request.query.items()}
        params["collections"] = self.collections[key].get("_search_id", key)
        return self._search(request, params, "GET")

    # -- search
    def search_get(self, request: Request) -> Response:
        params = {}
        for name, values in request.query.items():
            if name not in SEARCH_PARAMS:
                return bad_request(f"Unknown search parameter: {name}")
            params[name] = values[0]
        return self._search(request, params, "GET")

    def search_post(self, request: Request) -> Response:
        try:
            body = request.json()
        except ValueError as err:
            return bad_request(str(err))
        if not isinstance(body, dict):
            return bad_request("The search body must be a JSON object")
        unknown = set(body) - SEARCH_PARAMS
        if unknown:
            return bad_request(f"Unknown search parameter: {sorted(unknown)[0]}")
        return self._search(request, body, "POST")

    def _search(self, request: Request, params: dict, method: str) -> Response:
        try:
            query = self._parse(params, method)
        except BadRequest as err:
            return bad_request(str(err))
        names = query["collections"] or [c for c in self.collections if not self.allow(request, c)]
        for name in names:
            if name not in self.collections:
                return json_response(404, {"code": "NotFoundError", "description": f"Collection {name} does not "
                                                                                     f"exist."})
            denied = self.allow(request, name)
            if denied:
                return denied
        key = (query["fingerprint"], tuple(names))
        matched = self._matches.get(key) if self.cache_searches else None
        if matched is None:
            try:
                matched = [item for name in names for item in self.items.get(name, []) if self._match(item, query)]
            except BadRequest as err:
                return bad_request(str(err))
            for field, direction in reversed(query["sortby"]):
                matched.sort(key=lambda item: _sort_key(item, field), reverse=direction == "desc")
            if self.cache_searches:
                self._matches[key] = matched
        offset, limit = query["offset"], query["limit"]
        page = matched[offset:offset + limit]
        links = [{"rel": "self", "type": "application/geo+json", "href": self.root() + "/search"},
                 {"rel": "root", "type": "application/json", "href": self.root() + "/"}]
        if offset + limit < len(matched) and self.numbered_pages:
            number = offset // limit + 2
            if method == "GET":
                kept = {k: v for k, v in params.items() if k not in ("token", "page")}
                links.append({"rel": "next", "type": "application/geo+json", "method": "GET",
                              "href": f"{self.root()}/search?{urlencode({**kept, 'page': number})}"})
            else:
                links.append({"rel": "next", "type": "application/geo+json", "method": "POST",
                              "href": self.root() + "/search", "body": {"page": number}, "merge": True})
        elif offset + limit < len(matched):
            token = _token(offset + limit, query["fingerprint"])
            if method == "GET":
                kept = {k: v for k, v in params.items() if k != "token"}
                links.append({"rel": "next", "type": "application/geo+json", "method": "GET",
                              "href": f"{self.root()}/search?{urlencode({**kept, 'token': token})}"})
            else:
                links.append({"rel": "next", "type": "application/geo+json", "method": "POST",
                              "href": self.root() + "/search", "body": {"token": token}, "merge": True})
        if offset:
            links.append({"rel": "previous", "type": "application/geo+json", "href": self.root() + "/search"})
        return json_response(200, {"type": "FeatureCollection", "features": [self.item_json(i) for i in page],
                                   "links": links, "numberMatched": len(matched), "numberReturned": len(page),
                                   "context": {"limit": limit, "returned": len(page), "matched": len(matched)}},
                             {"Content-Type": "application/geo+json"})

    def item_json(self, item: dict) -> dict:
        data = dict(item)
        root = self.root()
        cid = data.get("collection")
        shown = self.collections.get(cid, {}).get("_path_id", cid)
        data["collection"] = self.collections.get(cid, {}).get("_search_id", cid)  # the catalogue's owner_coll
        data["links"] = [{"rel": "self", "type": "application/geo+json",
                          "href": f"{root}/collections/{shown}/items/{item['id']}"},
                         {"rel": "collection", "type": "application/json", "href": f"{root}/collections/{shown}"},
                         {"rel": "parent", "type": "application/json", "href": f"{root}/collections/{shown}"},
                         {"rel": "root", "type": "application/json", "href": root + "/"}]
        return data

    def _parse(self, params: dict, method: str) -> dict:
        query: dict[str, Any] = {"collections": [], "ids": None, "geometry": None, "interval": None, "filter": None,
                                 "sortby": [], "limit": DEFAULT_LIMIT if not self.page_size else self.page_size}
        collections = params.get("collections")
        if collections:
            names = collections.split(",") if isinstance(collections, str) else list(collections)
            query["collections"] = [self.search_alias(n.strip()) for n in names if n.strip()]
        ids = params.get("ids")
        if ids:
            query["ids"] = set(ids.split(",") if isinstance(ids, str) else ids)
        bbox, intersects = params.get("bbox"), params.get("intersects")
        if bbox and intersects:
            raise BadRequest("Only one of bbox or intersects may be given")
        if bbox:
            values = [float(v) for v in (bbox.split(",") if isinstance(bbox, str) else bbox)]
            if len(values) not in (4, 6):
                raise BadRequest("bbox must have 4 or 6 numbers")
            w, s, e, n = (values[0], values[1], values[-3], values[-2]) if len(values) == 6 else values
            if s > n:
                raise BadRequest("bbox: south is greater than north")
            query["geometry"] = shapely.box(w, s, e, n)
        if intersects:
            try:
                geometry = json.loads(intersects) if isinstance(intersects, str) else intersects
                query["geometry"] = shape(geometry)
            except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
                raise BadRequest("intersects is not a GeoJSON geometry") from None
        when = params.get("datetime")
        if when:
            parts = str(when).split("/")
            if len(parts) == 1:
                instant = _when(parts[0])
                query["interval"] = (instant, instant)
            elif len(parts) == 2:
                start = None if parts[0] in ("", "..") else _when(parts[0])
                end = None if parts[1] in ("", "..") else _when(parts[1])
                if start and end and start > end:
                    raise BadRequest("Invalid datetime range: the start is after the end")
                query["interval"] = (start, end)
            else:
                raise BadRequest(f"Invalid datetime: {when}")
        flt = params.get("filter")
        lang = params.get("filter-lang") or params.get("filter_lang")
        if flt not in (None, "", {}):
            if isinstance(flt, str):
                if lang not in (None, "cql2-json") or not flt.strip().startswith("{"):
                    raise BadRequest("Only cql2-json filters are supported by this server")
                try:
                    flt = json.loads(flt)
                except ValueError:
                    raise BadRequest("The filter is not valid JSON") from None
            elif lang not in (None, "cql2-json"):
                raise BadRequest(f"filter-lang {lang} does not match a JSON filter")
            self._check_filter(flt)
            query["filter"] = flt
        sortby = params.get("sortby")
        if sortby:
            entries = sortby.split(",") if isinstance(sortby, str) else sortby
            for entry in entries:
                if isinstance(entry, dict):
                    field, direction = entry.get("field"), entry.get("direction", "asc")
                else:
                    entry = entry.strip()
                    field, direction = entry.lstrip("+- "), "desc" if entry.startswith("-") else "asc"
                if direction not in ("asc", "desc") or not field:
                    raise BadRequest(f"Invalid sortby: {entry}")
                query["sortby"].append((field.removeprefix("properties."), direction))
        limit = params.get("limit")
        if limit is not None:
            try:
                limit = int(limit)
            except (TypeError, ValueError):
                raise BadRequest(f"limit must be an integer, not {limit}") from None
            if limit < 1:
                raise BadRequest("limit must be at least 1")
            query["limit"] = min(limit, MAX_LIMIT)
        fingerprint = _fingerprint(params)
        query["fingerprint"] = fingerprint
        query["offset"] = 0
        token = params.get("token")
        if token:
            query["offset"] = _offset(token, fingerprint)
        elif params.get("page") not in (None, ""):
            try:
                page = int(params["page"])
            except (TypeError, ValueError):
                raise BadRequest(f"page must be an integer, not {params['page']}") from None
            if page < 1:
                raise BadRequest("page must be at least 1")
            query["offset"] = (page - 1) * query["limit"]
        return query

    def _check_filter(self, node) -> None:
        if isinstance(node, dict):
            if "property" in node:
                name = node["property"]
                if name not in self.queryables and name not in ("id", "collection", "datetime", "geometry"):
                    raise BadRequest(f"Cannot search on '{name}': it is not a queryable of this catalogue")
                return
            if "op" in node:
                op = node["op"]
                if op not in COMPARISONS and op not in ("and", "or", "not", "like", "in", "between", "isNull",
                                                        "s_intersects", "t_intersects"):
                    raise BadRequest(f"Unsupported CQL2 operator: {op}")
                if not isinstance(node.get("args"), list):
                    raise BadRequest(f"CQL2 operator {op} needs a list of args")
                for arg in node["args"]:
                    self._check_filter(arg)
        elif isinstance(node, list):
            for arg in node:
                self._check_filter(arg)

    def _match(self, item: dict, query: dict) -> bool:
        if query["ids"] is not None and item["id"] not in query["ids"]:
            return False
        if query["geometry"] is not None:
            if not item.get("geometry"):
                return False
            key = id(item)
            if key not in self._shapes:
                self._shapes[key] = shape(item["geometry"])
            if not self._shapes[key].intersects(query["geometry"]):
                return False
        if query["interval"] is not None:
            props = item["properties"]
            start = _when(props.get("start_datetime") or props.get("datetime"))
            end = _when(props.get("end_datetime") or props.get("datetime"))
            low, high = query["interval"]
            if (high is not None and start is not None and start > high) or (
                    low is not None and end is not None and end < low):
                return False
        if query["filter"] is not None and not _evaluate(query["filter"], item):
            return False
        return True


def _value(node, item):
    if isinstance(node, dict):
        if "property" in node:
            name = node["property"]
            if name == "id":
                return item["id"]
            if name == "collection":
                return item.get("collection")
            if name == "geometry":
                return shape(item["geometry"]) if item.get("geometry") else None
            value = item["properties"].get(name)
            if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", value):
                return _when(value)
            return value
        if "timestamp" in node:
            return _when(node["timestamp"])
        if "date" in node:
            return _when(node["date"] + "T00:00:00Z")
        if "type" in node and "coordinates" in node:
            return shape(node)
        if "op" in node:
            return _evaluate(node, item)
    if isinstance(node, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", node):
        return _when(node)
    return node


def _evaluate(node, item) -> bool:
    op, args = node["op"], node.get("args", [])
    if op == "and":
        return all(_evaluate(a, item) for a in args)
    if op == "or":
        return any(_evaluate(a, item) for a in args)
    if op == "not":
        return not _evaluate(args[0], item)
    values = [_value(a, item) for a in args]
    if op == "isNull":
        return values[0] is None
    if op == "in":
        return values[0] in (values[1] or [])
    if op == "between":
        return values[0] is not None and values[1] <= values[0] <= values[2]
    if op == "like":
        pattern = "^" + re.escape(str(values[1])).replace("%", ".*").replace("_", ".") + "$"
        return values[0] is not None and re.match(pattern, str(values[0])) is not None
    if op == "s_intersects":
        return values[0] is not None and values[0].intersects(values[1])
    if op in COMPARISONS:
        if values[0] is None:
            return False
        try:
            return COMPARISONS[op](values[0], values[1])
        except TypeError:
            raise BadRequest(f"Cannot compare {args[0]} with {args[1]!r}") from None
    raise BadRequest(f"Unsupported CQL2 operator: {op}")


def _sort_key(item: dict, field: str):
    if field == "id":
        return item["id"]
    value = item["properties"].get(field)
    return (value is None, str(value) if not isinstance(value, (int, float)) else value)


def _fingerprint(params: dict) -> str:
    kept = {k: v for k, v in params.items() if k not in ("token", "page", "limit")}
    return hashlib.sha256(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _token(offset: int, fingerprint: str) -> str:
    return f"next:{fingerprint}:{offset}"


def _offset(token: str, fingerprint: str) -> int:
    parts = str(token).split(":")
    if len(parts) != 3 or parts[0] != "next" or not parts[2].isdigit():
        raise BadRequest(f"Invalid paging token: {token}")
    if parts[1] != fingerprint:
        raise BadRequest("The paging token belongs to another search")
    return int(parts[2])
