"""RS-Server emulator (protocols/rs-server.md C.2, plus the C.3 legacy routes), strict like the real one.

- API-key check ("UAC") at /apikeymanager/check/api_key: x-api-key -> {user_login, iam_roles, config}; unknown keys
  403, expired keys 401 (`expire_key`, or `valid_seconds`); /auth/me for OAuth2 session cookies (`session=`),
  which expire too (`expire_cookie`).
- STAC APIs: /catalog/ (collections `owner:coll` in paths, `owner_coll` in searches, each owner's read/write roles
  checked), /cadip/ (one collection per station: sessions whose assets are the session's files), /auxip/ (auxiliary
  files), and /stac/ (a public catalogue, no key): see rs_server_stac.py for search, CQL2-JSON and paging.
- Catalogue writes: POST /catalog/collections, PUT/DELETE /catalog/collections/{owner}:{coll}, POST …/items,
  PUT/DELETE …/items/{id}; bodies validated (ids, bbox, datetime, asset hrefs) and refused in RFC 7807 words.
- Staging (OGC API – Processes): /processes, /processes/staging, POST /processes/staging/execution (items by value
  or by reference to a /cadip|/auxip search), /jobs, /jobs/{id} (accepted -> running -> successful | failed |
  dismissed, with progress and message), DELETE /jobs/{id}, /jobs/{id}/results. A successful job writes the items
  into the caller's catalogue collection, each with a real COG asset (over the session's footprint) and its raw
  files. `fail_staging(message)` makes the next job fail; `staging_seconds` how long one runs.
- Files: /data/... real COG GeoTIFFs, PNG thumbnails and raw chunks, with Range; key or cookie needed except for the
  public catalogue's.
- Faults, latency and the request record: tests/emulators/faults.py.

Run by hand: python -m tests.emulators.rs_server [--port N] [--latency S] [--public-items N] [--page-size N]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import re
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.emulators import rs_server_data as data
from tests.emulators.faults import EmulatorServer, FaultInjector, Request, Response, json_response
from tests.emulators.rs_server_stac import StacService
from tests.emulators.terrascope_files import serve

DEMO_KEY = "rs-demo-key-0123456789"
DEMO_USER = "pyuser"
DEMO_COOKIE = "rs-demo-session-cookie-abcdef"
ALL_ROLES = ["rs_catalog_pyuser:*:read", "rs_catalog_pyuser:*:write", "rs_catalog_public:*:read",
             "rs_adgs_read", "rs_adgs_download", "rs_processes_execute"] + [
    f"rs_cadip_{s.lower()}_read" for s in data.CADIP_STATIONS] + [
    f"rs_cadip_{s.lower()}_download" for s in data.CADIP_STATIONS]
CHECK_PATH = "/apikeymanager/check/api_key"
CATALOG_QUERYABLES = {
    "platform": {"type": "string", "title": "Platform", "enum": ["S1A", "S2A", "S2B", "S3A", "S3B"]},
    "eo:cloud_cover": {"type": "number", "title": "Cloud cover", "minimum": 0, "maximum": 100},
    "cadip:session_id": {"type": "string", "title": "Session id"},
    "published": {"type": "string", "format": "date-time", "title": "Published"},
    "owner": {"type": "string", "title": "Owner"},
}
CADIP_QUERYABLES = {
    "platform": {"type": "string", "title": "Platform", "enum": list(data.PLATFORMS)},
    "cadip:session_id": {"type": "string", "title": "Session id"},
    "cadip:downlink_orbit": {"type": "integer", "title": "Downlink orbit"},
    "published": {"type": "string", "format": "date-time", "title": "Published"},
}
AUXIP_QUERYABLES = {
    "platform": {"type": "string", "title": "Platform", "enum": list(data.PLATFORMS)},
    "product:type": {"type": "string", "title": "Product type", "enum": list(data.AUX_TYPES)},
    "constellation": {"type": "string", "title": "Constellation"},
    "processing:level": {"type": "string", "title": "Processing level"},
    "created": {"type": "string", "format": "date-time", "title": "Created"},
}
PUBLIC_QUERYABLES = {
    "eo:cloud_cover": {"type": "number", "title": "Cloud cover", "minimum": 0, "maximum": 100},
    "platform": {"type": "string", "title": "Platform", "enum": ["sentinel-2a", "sentinel-2b"]},
    "s2:mgrs_tile": {"type": "string", "title": "MGRS tile"},
}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def problem(status: int, title: str, detail: str, instance: str = "") -> Response:
    """An RFC 7807 answer, as RS-Server's OGC services give."""
    return json_response(status, {"type": "about:blank", "title": title, "status": status, "detail": detail,
                                  "instance": instance}, {"Content-Type": "application/problem+json"})


class Identity:
    def __init__(self, user_login: str, iam_roles: list[str], expires_at: float | None = None):
        self.user_login, self.iam_roles, self.expires_at = user_login, list(iam_roles), expires_at

    def expired(self) -> bool:
        return self.expires_at is not None and time.time() >= self.expires_at


class RsServerEmulator(EmulatorServer):
    def __init__(self, *, api_keys: dict | None = None, cookies: dict | None = None, page_size: int = 10,
                 public_items: int = 40, sessions_per_station: int = 4, aux_files: int = 30,
                 staging_seconds: float = 1.0, accepted_seconds: float = 0.2, valid_seconds: float | None = None,
                 faults: FaultInjector | None = None, port: int = 0, latency: float = 0.0) -> None:
        super().__init__(faults=faults, port=port)
        if latency:
            self.faults.latency(latency)
        expiry = time.time() + valid_seconds if valid_seconds else None
        self.keys: dict[str, Identity] = {}
        for key, user in (api_keys or {DEMO_KEY: (DEMO_USER, ALL_ROLES)}).items():
            self.keys[key] = Identity(user[0], user[1], expiry)
        self.cookies: dict[str, Identity] = {}
        for cookie, user in (cookies or {DEMO_COOKIE: (DEMO_USER, ALL_ROLES)}).items():
            self.cookies[cookie] = Identity(user[0], user[1], expiry)
        self.page_size = page_size
        self.staging_seconds, self.accepted_seconds = staging_seconds, accepted_seconds
        self._tmp = Path(tempfile.mkdtemp(prefix="rs-server-emulator-"))
        self.files = data.Files(self._tmp)
        self.jobs: dict[str, dict] = {}
        self._next_failure: str | None = None
        self._lock = threading.RLock()
        self._counts = (public_items, sessions_per_station, aux_files)
        self.catalog = StacService("catalog", "RS-Server catalog", queryables=CATALOG_QUERYABLES,
                                   page_size=page_size, allow=self._allow_catalog,
                                   search_alias=lambda name: name.replace("_", ":", 1) if ":" not in name else name,
                                   collection_alias=lambda name: name)
        self.cadip = StacService("cadip", "RS-Server CADIP", queryables=CADIP_QUERYABLES, page_size=page_size,
                                 allow=self._allow_cadip)
        self.auxip = StacService("auxip", "RS-Server AUXIP", queryables=AUXIP_QUERYABLES, page_size=page_size,
                                 allow=self._allow_auxip)
        self.public = StacService("stac", "Public STAC catalogue", queryables=PUBLIC_QUERYABLES, page_size=page_size)
        self.public.cache_searches = True  # never written: a search's later pages reuse its matches
        for service in (self.catalog, self.cadip, self.auxip, self.public):
            service.register(self.router, lambda: self.url)
        self._routes()
        self._seeded = False

    # -- lifecycle
    def start(self) -> str:
        url = super().start()
        if not self._seeded:
            self._seed(url)
            self._seeded = True
        return url

    def on_stop(self) -> None:
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _seed(self, url: str) -> None:
        public_items, sessions, aux = self._counts
        for cid, items in data.cadip_sessions(url, sessions).items():
            station = cid.split("_", 1)[1].upper()
            self.cadip.collections[cid] = self._collection(cid, f"CADIP station {station} sessions",
                                                           {"cadip:station": station}, items)
            self.cadip.items[cid] = items
        for cid, items in data.auxip_files(url, aux).items():
            self.auxip.collections[cid] = self._collection(cid, "ADGS auxiliary data", {}, items)
            self.auxip.items[cid] = items
        scenes = data.public_scenes(url, public_items)
        self.public.collections["sentinel-2-l2a-demo"] = self._collection(
            "sentinel-2-l2a-demo", "Sentinel-2 L2A (demo)", {"license": "proprietary"}, scenes)
        self.public.items["sentinel-2-l2a-demo"] = scenes
        # pyuser's catalogue starts with one collection of a few scenes (COG assets behind the key)
        items = []
        for scene in scenes[:5]:
            item = copy.deepcopy(scene)
            item["collection"] = "pyuser:s2_l2a"
            item["assets"] = {"visual": dict(item["assets"]["visual"],
                                             href=item["assets"]["visual"]["href"].replace("/public/", "/catalog/"))}
            items.append(item)
        self.add_catalog_collection("pyuser", "s2_l2a", "Sentinel-2 scenes of pyuser", items)

    def _collection(self, cid: str, title: str, extra: dict, items: list[dict]) -> dict:
        boxes = [i["bbox"] for i in items if i.get("bbox")]
        bbox = [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes)] if boxes else [-180.0, -90.0, 180.0, 90.0]
        times = sorted(i["properties"]["datetime"] for i in items if i["properties"].get("datetime"))
        return {"type": "Collection", "stac_version": "1.0.0", "id": cid, "title": title,
                "description": f"{title} (emulated)", "license": extra.pop("license", "public-domain"),
                "extent": {"spatial": {"bbox": [bbox]}, "temporal": {"interval": [[times[0] if times else None,
                                                                                   times[-1] if times else None]]}},
                "links": [], **extra}

    def add_catalog_collection(self, owner: str, short: str, title: str = "", items: list[dict] | None = None):
        key = f"{owner}:{short}"
        collection = self._collection(short, title or short, {"owner": owner}, items or [])
        collection["_path_id"] = key
        collection["_search_id"] = f"{owner}_{short}"
        self.catalog.collections[key] = collection
        self.catalog.items[key] = list(items or [])
        for item in self.catalog.items[key]:
            item["collection"] = key
            item["properties"] = dict(item["properties"], owner=owner)

    # -- controls for tests
    def expire_key(self, key: str = DEMO_KEY) -> None:
        self.keys[key].expires_at = time.time() - 1

    def expire_cookie(self, cookie: str = DEMO_COOKIE) -> None:
        self.cookies[cookie].expires_at = time.time() - 1

    def fail_staging(self, message: str = "Cannot download the file from the station: connection refused") -> None:
        self._next_failure = message

    def catalog_items(self, owner: str, short: str) -> list[dict]:
        return list(self.catalog.items.get(f"{owner}:{short}", []))

    # -- identity and rights
    def identity(self, request: Request) -> tuple[Identity | None, Response | None]:
        key = request.header("x-api-key")
        if key:
            found = self.keys.get(key)
            if found is None:
                return None, json_response(403, {"detail": "Invalid API key"})
            if found.expired():
                return None, json_response(401, {"detail": "API key has expired"})
            return found, None
        cookie = _cookie(request.header("cookie"), "session")
        if cookie:
            found = self.cookies.get(cookie)
            if found is None or found.expired():
                return None, json_response(401, {"detail": "Session expired: sign in again"})
            return found, None
        return None, json_response(401, {"detail": "Not authenticated: an API key (x-api-key) or a session cookie "
                                                   "is required"})

    def _allow(self, request: Request, role_check) -> Response | None:
        who, denied = self.identity(request)
        if denied is not None:
            return denied
        if role_check is not None and not role_check(who.iam_roles):
            return json_response(403, {"detail": f"User {who.user_login} has no right to this resource"})
        return None

    def _allow_catalog(self, request: Request, collection: str | None, write: bool = False):
        if collection is None:
            return self._allow(request, None)
        owner = collection.split(":", 1)[0]
        short = collection.split(":", 1)[-1]
        action = "write" if write else "read"

        def check(roles):
            return any(r in (f"rs_catalog_{owner}:*:{action}", f"rs_catalog_{owner}:{short}:{action}") for r in roles)

        return self._allow(request, check)

    def _allow_cadip(self, request: Request, collection: str | None, write: bool = False):
        if collection is None:
            return self._allow(request, None)
        station = collection.split("_", 1)[-1]
        return self._allow(request, lambda roles: f"rs_cadip_{station}_read" in roles)

    def _allow_auxip(self, request: Request, collection: str | None, write: bool = False):
        return self._allow(request, None if collection is None else (lambda roles: "rs_adgs_read" in roles))

    # -- routes
    def _routes(self) -> None:
        r = self.router
        r.add("GET", CHECK_PATH, self.check_key)
        r.add("GET", "/auth/me", self.auth_me)
        r.add("POST", "/catalog/collections", self.create_collection)
        r.add("PUT", "/catalog/collections/(?P<cid>[^/]+)", self.update_collection)
        r.add("DELETE", "/catalog/collections/(?P<cid>[^/]+)", self.delete_collection)
        r.add("POST", "/catalog/collections/(?P<cid>[^/]+)/items", self.create_item)
        r.add("PUT", "/catalog/collections/(?P<cid>[^/]+)/items/(?P<iid>[^/]+)", self.update_item)
        r.add("DELETE", "/catalog/collections/(?P<cid>[^/]+)/items/(?P<iid>[^/]+)", self.delete_item)
        r.add("GET", "/processes", self.list_processes)
        r.add("GET", "/processes/(?P<pid>[^/]+)", self.get_process)
        r.add("POST", "/processes/(?P<pid>[^/]+)/execution", self.execute)
        r.add("GET", "/jobs", self.list_jobs)
        r.add("GET", "/jobs/(?P<jid>[^/]+)", self.get_job)
        r.add("DELETE", "/jobs/(?P<jid>[^/]+)", self.delete_job)
        r.add("GET", "/jobs/(?P<jid>[^/]+)/results", self.job_results)
        r.add("GET", "/data/(?P<path>.+)", self.data_file)
        r.add("HEAD", "/data/(?P<path>.+)", self.data_file)
        # C.3 legacy routes
        r.add("GET", "/adgs/aux/search", self.legacy_adgs_search)
        r.add("GET", "/adgs/aux/status", self.legacy_status)
        r.add("GET", "/adgs/aux", self.legacy_stage)
        r.add("GET", "/cadip/(?P<station>[A-Z]+)/cadu/search", self.legacy_cadu_search)
        r.add("GET", "/cadip/(?P<station>[A-Z]+)/cadu/status", self.legacy_status)
        r.add("GET", "/cadip/(?P<station>[A-Z]+)/cadu", self.legacy_stage)
        r.add("GET", "/cadip/(?P<station>[A-Z]+)/session", self.legacy_sessions)

    def check_key(self, request: Request) -> Response:
        key = request.header("x-api-key")
        if not key:
            return json_response(403, {"detail": "Not authenticated"})
        who = self.keys.get(key)
        if who is None:
            return json_response(403, {"detail": "Invalid API key"})
        if who.expired():
            return json_response(401, {"detail": "API key has expired"})
        return json_response(200, {"user_login": who.user_login, "iam_roles": who.iam_roles, "config": {}})

    def auth_me(self, request: Request) -> Response:
        cookie = _cookie(request.header("cookie"), "session")
        who = self.cookies.get(cookie or "")
        if who is None or who.expired():
            return json_response(401, {"detail": "Session expired: sign in again"})
        return json_response(200, {"user_login": who.user_login, "iam_roles": who.iam_roles})

    # -- catalogue writes
    def _write_check(self, request: Request, owner: str, short: str) -> Response | None:
        return self._allow_catalog(request, f"{owner}:{short}", write=True)

    def create_collection(self, request: Request) -> Response:
        try:
            body = request.json()
        except ValueError as err:
            return problem(400, "Bad Request", str(err))
        who, denied = self.identity(request)
        if denied:
            return denied
        owner = body.get("owner") or who.user_login
        short = str(body.get("id") or "")
        if not ID_RE.match(short) or ":" in short:
            return problem(400, "Bad Request", f"Invalid collection id: {short!r}")
        if body.get("type") != "Collection" or "extent" not in body or "license" not in body:
            return problem(400, "Bad Request", "A STAC collection needs type, extent and license")
        denied = self._write_check(request, owner, short)
        if denied:
            return denied
        with self._lock:
            if f"{owner}:{short}" in self.catalog.collections:
                return problem(409, "Conflict", f"Collection {owner}:{short} already exists")
            self.add_catalog_collection(owner, short, body.get("title") or short)
            stored = self.catalog.collections[f"{owner}:{short}"]
            stored.update({k: v for k, v in body.items() if k not in ("id", "links")})
        return json_response(201, self.catalog.collection_json(f"{owner}:{short}"))

    def update_collection(self, request: Request, cid: str) -> Response:
        if ":" not in cid:
            return problem(400, "Bad Request", "Collection paths are owner:collection")
        owner, short = cid.split(":", 1)
        denied = self._write_check(request, owner, short)
        if denied:
            return denied
        try:
            body = request.json()
        except ValueError as err:
            return problem(400, "Bad Request", str(err))
        with self._lock:
            if cid not in self.catalog.collections:
                return problem(404, "Not Found", f"Collection {cid} does not exist")
            if str(body.get("id") or short) != short:
                return problem(400, "Bad Request", "The collection id cannot change")
            self.catalog.collections[cid].update({k: v for k, v in body.items() if k not in ("id", "links")})
        return json_response(200, self.catalog.collection_json(cid))

    def delete_collection(self, request: Request, cid: str) -> Response:
        owner, short = (cid.split(":", 1) + [""])[:2]
        denied = self._write_check(request, owner, short)
        if denied:
            return denied
        with self._lock:
            if cid not in self.catalog.collections:
                return problem(404, "Not Found", f"Collection {cid} does not exist")
            del self.catalog.collections[cid]
            self.catalog.items.pop(cid, None)
        return json_response(200, {"deleted collection": cid})

    def _item_problem(self, item: dict) -> str:
        if not isinstance(item, dict) or item.get("type") != "Feature":
            return "The body must be a STAC Item (type Feature)"
        if not ID_RE.match(str(item.get("id") or "")):
            return f"Invalid item id: {item.get('id')!r}"
        if item.get("geometry") is not None and not item.get("bbox"):
            return "An item with a geometry needs a bbox"
        props = item.get("properties") or {}
        if not props.get("datetime") and not (props.get("start_datetime") and props.get("end_datetime")):
            return "datetime is required (or start_datetime and end_datetime)"
        for key, asset in (item.get("assets") or {}).items():
            if urlsplit(str(asset.get("href") or "")).scheme not in ("http", "https", "s3"):
                return f"Asset {key}: the href must be an s3:// or http(s):// URL"
        return ""

    def create_item(self, request: Request, cid: str) -> Response:
        owner, short = (cid.split(":", 1) + [""])[:2]
        denied = self._write_check(request, owner, short)
        if denied:
            return denied
        try:
            item = request.json()
        except ValueError as err:
            return problem(400, "Bad Request", str(err))
        error = self._item_problem(item)
        if error:
            return problem(400, "Bad Request", error)
        with self._lock:
            if cid not in self.catalog.collections:
                return problem(404, "Not Found", f"Collection {cid} does not exist")
            if any(i["id"] == item["id"] for i in self.catalog.items[cid]):
                return problem(409, "Conflict", f"Item {item['id']} already exists in {cid}")
            stored = dict(item, collection=cid, properties=dict(item["properties"], owner=owner))
            self.catalog.items[cid].append(stored)
        return json_response(201, self.catalog.item_json(stored))

    def update_item(self, request: Request, cid: str, iid: str) -> Response:
        owner, short = (cid.split(":", 1) + [""])[:2]
        denied = self._write_check(request, owner, short)
        if denied:
            return denied
        try:
            item = request.json()
        except ValueError as err:
            return problem(400, "Bad Request", str(err))
        error = self._item_problem(item) or ("" if item.get("id") == iid else "The item id cannot change")
        if error:
            return problem(400, "Bad Request", error)
        with self._lock:
            items = self.catalog.items.get(cid)
            index = next((n for n, i in enumerate(items or []) if i["id"] == iid), None)
            if index is None:
                return problem(404, "Not Found", f"Item {iid} does not exist in {cid}")
            items[index] = dict(item, collection=cid, properties=dict(item["properties"], owner=owner))
        return json_response(200, self.catalog.item_json(items[index]))

    def delete_item(self, request: Request, cid: str, iid: str) -> Response:
        owner, short = (cid.split(":", 1) + [""])[:2]
        denied = self._write_check(request, owner, short)
        if denied:
            return denied
        with self._lock:
            items = self.catalog.items.get(cid) or []
            kept = [i for i in items if i["id"] != iid]
            if len(kept) == len(items):
                return problem(404, "Not Found", f"Item {iid} does not exist in {cid}")
            self.catalog.items[cid] = kept
        return json_response(200, {"deleted item": iid})

    # -- OGC API Processes: staging
    def _process(self) -> dict:
        return {"id": "staging", "title": "Staging", "version": "1.0.0", "description": "Copy station files into the "
                "catalogue", "jobControlOptions": ["async-execute"], "outputTransmission": ["value"],
                "links": [{"href": f"{self.url}/processes/staging", "rel": "self", "type": "application/json",
                           "title": "staging"}]}

    def list_processes(self, request: Request) -> Response:
        denied = self._allow(request, None)
        return denied or json_response(200, {"processes": [self._process()],
                                             "links": [{"href": f"{self.url}/processes", "rel": "self",
                                                        "type": "application/json", "title": "processes"}]})

    def get_process(self, request: Request, pid: str) -> Response:
        denied = self._allow(request, None)
        if denied:
            return denied
        if pid != "staging":
            return problem(404, "Not Found", f"Process {pid} does not exist", f"/processes/{pid}")
        return json_response(200, {**self._process(), "inputs": {}, "outputs": {}})

    def execute(self, request: Request, pid: str) -> Response:
        who, denied = self.identity(request)
        if denied:
            return denied
        if pid != "staging":
            return problem(404, "Not Found", f"Process {pid} does not exist", f"/processes/{pid}/execution")
        if "rs_processes_execute" not in who.iam_roles:
            return problem(403, "Forbidden", f"User {who.user_login} may not run processes")
        try:
            body = request.json()
        except ValueError as err:
            return problem(400, "Bad Request", str(err))
        inputs = body.get("inputs") if isinstance(body, dict) else None
        if not isinstance(inputs, dict) or not isinstance(inputs.get("collection"), str) or not inputs["collection"]:
            return problem(422, "Unprocessable Entity", "inputs.collection (the output collection) is required")
        source = inputs.get("items")
        if not isinstance(source, dict) or ("value" in source) == ("href" in source):
            return problem(422, "Unprocessable Entity", "inputs.items needs either a value or an href")
        if "href" in source:
            items, error = self._resolve_reference(request, source["href"])
        else:
            items, error = self._validate_items(source["value"])
        if error:
            return problem(422, "Unprocessable Entity", error)
        job_id = uuid.uuid4().hex
        now = time.time()
        job = {"id": job_id, "owner": who.user_login, "collection": inputs["collection"], "items": items,
               "created": now, "state": "accepted", "failure": self._next_failure, "done": False}
        self._next_failure = None
        with self._lock:
            self.jobs[job_id] = job
        return json_response(201, self._status(job), {"Location": f"{self.url}/jobs/{job_id}"})

    def _validate_items(self, value) -> tuple[list[dict], str]:
        if not isinstance(value, dict) or value.get("type") not in ("FeatureCollection", "Feature"):
            return [], "inputs.items.value must be a STAC Feature or FeatureCollection"
        features = value.get("features") if value["type"] == "FeatureCollection" else [value]
        if not features:
            return [], "No item to stage"
        for item in features:
            rels = {link.get("rel") for link in item.get("links") or []}
            if not item.get("id") or "bbox" not in item or not item.get("collection"):
                return [], f"Item {item.get('id')!r}: id, bbox and collection are required"
            if not {"root", "collection"} <= rels:
                return [], f"Item {item['id']}: the root and collection links are required"
            if not item.get("assets"):
                return [], f"Item {item['id']}: no asset to stage"
            for key, asset in item["assets"].items():
                if not self._known_file(asset.get("href", "")):
                    return [], f"Item {item['id']}: asset {key} is not a file of this server's stations"
        return features, ""

    def _known_file(self, href: str) -> bool:
        return href.startswith(f"{self.url}/data/cadip/") or href.startswith(f"{self.url}/data/auxip/")

    def _resolve_reference(self, request: Request, href: str) -> tuple[list[dict], str]:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != self.url or parts.path not in ("/cadip/search", "/auxip/search"):
            return [], f"The reference must be a /cadip/search or /auxip/search URL of this server: {href}"
        service = self.cadip if parts.path.startswith("/cadip") else self.auxip
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        params["limit"] = "1000"
        inner = Request("GET", href, parts.path, {k: [v] for k, v in params.items()}, request.headers)
        answer = service._search(inner, params, "GET")
        if answer.status != 200:
            return [], f"The reference search failed: HTTP {answer.status} {answer.body[:200].decode()}"
        import json as jsonlib

        features = jsonlib.loads(answer.body)["features"]
        return features, "" if features else "The reference search found no item"

    def _advance(self, job: dict) -> None:
        """The job's state at this instant (time-driven), and its effect when it succeeds."""
        if job["state"] in ("successful", "failed", "dismissed"):
            return
        elapsed = time.time() - job["created"]
        if elapsed < self.accepted_seconds:
            return
        job["state"] = "running"
        if elapsed < self.accepted_seconds + self.staging_seconds:
            return
        if job["failure"]:
            job["state"] = "failed"
            return
        self._stage(job)
        job["state"] = "successful"

    def _stage(self, job: dict) -> None:
        owner, short = job["owner"], job["collection"]
        key = f"{owner}:{short}"
        with self._lock:
            if key not in self.catalog.collections:
                self.add_catalog_collection(owner, short, f"Staged files of {owner}")
            existing = {i["id"] for i in self.catalog.items[key]}
            for n, source in enumerate(job["items"]):
                item = copy.deepcopy(source)
                item["collection"] = key
                bounds = item.get("bbox") or list(data.swath(n))
                assets = {}
                for name, asset in item["assets"].items():
                    assets[name] = dict(asset, href=f"{self.url}/data/catalog/{owner}/{short}/{item['id']}/{name}",
                                        alternate={"s3": {"href": f"s3://rs-cluster-catalog/{owner}/{short}/"
                                                                  f"{item['id']}/{name}"}})
                assets["quicklook_cog"] = {"href": f"{self.url}/data/catalog/{owner}/{short}/{item['id']}/"
                                                   f"{item['id']}.tif",
                                           "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                                           "roles": ["data", "visual"], "title": "Session footprint (COG)"}
                item["assets"] = assets
                item["bbox"] = list(bounds)
                if not item.get("geometry"):
                    item["geometry"] = data.box(*bounds)
                item["properties"] = dict(item.get("properties") or {}, owner=owner,
                                          published=data.iso(dt.datetime.now(dt.timezone.utc)))
                if item["id"] in existing:
                    self.catalog.items[key] = [i for i in self.catalog.items[key] if i["id"] != item["id"]]
                self.catalog.items[key].append(item)
            job["staged"] = [i["id"] for i in job["items"]]

    def _status(self, job: dict) -> dict:
        self._advance(job)
        state = job["state"]
        elapsed = time.time() - job["created"]
        progress = {"accepted": 0, "successful": 100, "failed": 100, "dismissed": 100}.get(
            state, int(100 * min(0.99, max(0.0, (elapsed - self.accepted_seconds) / max(self.staging_seconds, 1e-3)))))
        message = {"accepted": "queued", "running": f"staging {len(job['items'])} items",
                   "successful": f"{len(job['items'])} items staged in {job['owner']}:{job['collection']}",
                   "failed": job.get("failure") or "", "dismissed": "dismissed by the user"}[state]
        info = {"jobID": job["id"], "status": state, "type": "process", "processID": "staging",
                "message": message, "progress": progress,
                "created": data.iso(dt.datetime.fromtimestamp(job["created"], dt.timezone.utc)),
                "updated": data.iso(dt.datetime.now(dt.timezone.utc)),
                "links": [{"href": f"{self.url}/jobs/{job['id']}", "rel": "self", "type": "application/json",
                           "title": "status"}]}
        if state in ("running", "successful", "failed"):
            info["started"] = data.iso(dt.datetime.fromtimestamp(job["created"] + self.accepted_seconds,
                                                                 dt.timezone.utc))
        if state in ("successful", "failed", "dismissed"):
            info["finished"] = info["updated"]
        return info

    def _own_job(self, request: Request, jid: str) -> tuple[dict | None, Response | None]:
        who, denied = self.identity(request)
        if denied:
            return None, denied
        job = self.jobs.get(jid)
        if job is None or job["owner"] != who.user_login:
            return None, problem(404, "Not Found", f"Job {jid} does not exist", f"/jobs/{jid}")
        return job, None

    def list_jobs(self, request: Request) -> Response:
        who, denied = self.identity(request)
        if denied:
            return denied
        jobs = [self._status(j) for j in self.jobs.values() if j["owner"] == who.user_login]
        return json_response(200, {"jobs": jobs, "links": [{"href": f"{self.url}/jobs", "rel": "self",
                                                            "type": "application/json", "title": "jobs"}]})

    def get_job(self, request: Request, jid: str) -> Response:
        job, denied = self._own_job(request, jid)
        return denied or json_response(200, self._status(job))

    def delete_job(self, request: Request, jid: str) -> Response:
        job, denied = self._own_job(request, jid)
        if denied:
            return denied
        with self._lock:
            self._advance(job)
            if job["state"] in ("accepted", "running"):
                job["state"] = "dismissed"
        return json_response(200, self._status(job))

    def job_results(self, request: Request, jid: str) -> Response:
        job, denied = self._own_job(request, jid)
        if denied:
            return denied
        self._advance(job)
        if job["state"] != "successful":
            return problem(404, "Not Found", f"Job {jid} has no results ({job['state']})", f"/jobs/{jid}/results")
        return json_response(200, {"items": job.get("staged", []), "collection": job["collection"]})

    # -- files
    def data_file(self, request: Request, path: str) -> Response:
        parts = path.split("/")
        if parts[0] != "public":
            who, denied = self.identity(request)
            if denied:
                return denied
        found = self._file(parts)
        if found is None:
            return json_response(404, {"detail": f"No file {path}"})
        target, media = found
        return serve(request, target, media, '"' + hashlib.md5(str(target).encode()).hexdigest() + '"')

    def _file(self, parts: list[str]):
        kind, name = parts[0], parts[-1]
        seed = int(hashlib.md5("/".join(parts[:-1]).encode()).hexdigest()[:6], 16) % 97
        if kind == "public" and len(parts) == 3:
            item = next((i for i in self.public.items["sentinel-2-l2a-demo"] if i["id"] == parts[1]), None)
        elif kind == "catalog" and len(parts) == 5:
            item = next((i for i in self.catalog.items.get(f"{parts[1]}:{parts[2]}", []) if i["id"] == parts[3]),
                        None)
        elif kind == "catalog" and len(parts) == 3:
            item = next((i for i in self.catalog.items.get("pyuser:s2_l2a", []) if i["id"] == parts[1]), None)
        elif kind in ("cadip", "auxip"):
            return self.files.blob("/".join(parts), data.chunk_bytes(name)), "application/octet-stream"
        else:
            return None
        if item is None:
            return None
        bounds = item.get("bbox") or data.swath(seed)
        if name.endswith(".tif"):
            return self.files.cog(f"{item['id']}-{seed}", bounds, seed), "image/tiff"
        if name.endswith(".png"):
            return self.files.png(f"{item['id']}-{seed}", seed), "image/png"
        if name.endswith(".xml"):
            return self.files.blob(f"xml/{item['id']}.xml", f"<metadata id='{item['id']}'/>".encode()), \
                "application/xml"
        if name.endswith(".raw"):
            return self.files.blob("/".join(parts), data.chunk_bytes(name)), "application/octet-stream"
        return None

    # -- C.3 legacy routes (still answered by deployed servers)
    def _legacy_search(self, request: Request, items: list[dict]) -> Response:
        who, denied = self.identity(request)
        if denied:
            return denied
        when = request.arg("datetime")
        if not when or "/" not in when:
            return json_response(400, {"detail": "datetime must be an interval start/stop"})
        start, stop = (data.dt.datetime.strptime(v, data.ISO).replace(tzinfo=dt.timezone.utc)
                       for v in when.split("/"))
        found = [i for i in items if start <= data.dt.datetime.strptime(i["properties"]["datetime"], data.ISO)
                 .replace(tzinfo=dt.timezone.utc) <= stop]
        limit = int(request.arg("limit") or 1000)
        return json_response(200, {"type": "FeatureCollection", "features": found[:limit]})

    def legacy_adgs_search(self, request: Request) -> Response:
        return self._legacy_search(request, self.auxip.items.get("adgs_aux", []))

    def legacy_cadu_search(self, request: Request, station: str) -> Response:
        files = []
        for session in self.cadip.items.get(f"cadip_{station.lower()}", []):
            for name, asset in session["assets"].items():
                files.append({"type": "Feature", "id": name, "geometry": None,
                              "properties": {"datetime": session["properties"]["datetime"],
                                             "cadip:id": hashlib.md5(name.encode()).hexdigest(),
                                             "cadip:session_id": session["id"],
                                             "cadip:channel": asset["cadip:channel"],
                                             "cadip:block_number": asset["cadip:block_number"],
                                             "file:size": asset["file:size"]}, "assets": {}})
        session_id = request.arg("session_id")
        if session_id:
            files = [f for f in files if f["properties"]["cadip:session_id"] in session_id.split(",")]
        return self._legacy_search(request, files)

    def legacy_sessions(self, request: Request, station: str) -> Response:
        who, denied = self.identity(request)
        if denied:
            return denied
        sessions = self.cadip.items.get(f"cadip_{station.lower()}", [])
        ids, platforms = request.arg("id"), request.arg("platform")
        if ids:
            sessions = [s for s in sessions if s["id"] in ids.split(",")]
        if platforms:
            sessions = [s for s in sessions if s["properties"]["platform"] in platforms.split(",")]
        if not ids and not platforms and not request.arg("start_date"):
            return json_response(400, {"detail": "Missing search parameters"})
        return json_response(200, {"type": "FeatureCollection", "features": sessions})

    def legacy_stage(self, request: Request, station: str | None = None) -> Response:
        who, denied = self.identity(request)
        if denied:
            return denied
        if not request.arg("name"):
            return json_response(400, {"detail": "name is required"})
        return json_response(200, {"started": "true"})

    def legacy_status(self, request: Request, station: str | None = None) -> Response:
        who, denied = self.identity(request)
        if denied:
            return denied
        name = request.arg("name") or ""
        return json_response(200, {"product_id": hashlib.md5(name.encode()).hexdigest(), "name": name,
                                   "available_at_station": "2024-01-15T06:00:00.000000", "db_id": 1,
                                   "download_start": "2024-01-15T07:00:00.000000",
                                   "download_stop": "2024-01-15T07:01:00.000000", "status": "DONE",
                                   "status_fail_message": None})

    @property
    def check_url(self) -> str:
        return self.url + CHECK_PATH


def _cookie(header: str | None, name: str) -> str | None:
    for part in (header or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--public-items", type=int, default=40)
    parser.add_argument("--page-size", type=int, default=10)
    args = parser.parse_args()
    emulator = RsServerEmulator(port=args.port, latency=args.latency, public_items=args.public_items,
                                page_size=args.page_size)
    emulator.start()
    print(f"RS-Server emulator on {emulator.url} (API key {DEMO_KEY}, check URL {emulator.check_url})", flush=True)
    print(f"public STAC catalogue: {emulator.url}/stac/ (Ctrl-C to stop)", flush=True)
    emulator.wait_for_ctrl_c()
    emulator.stop()


if __name__ == "__main__":
    main()
