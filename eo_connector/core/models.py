"""The shared data shapes: one STAC-like item/asset model for every catalogue, one download plan entry,
one job record for every platform's long operations."""

import base64
import copy
import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Dict, List, Optional, Union


class Asset:
    """A file of an item. `path` is where it belongs relative to a download folder ('/'-separated).

    A plain class with __slots__ (no per-instance __dict__: a search result can hold tens of thousands of assets);
    a dataclass could only have slots on a newer Python than the one QGIS ships on Windows and macOS.
    """

    __slots__ = ("href", "title", "media_type", "roles", "size", "checksum", "path")

    def __init__(self, href: str, title: str = "", media_type: str = "", roles: Optional[List[str]] = None,
                 size: Optional[int] = None, checksum: Optional[str] = None, path: str = ""):
        self.href = href
        self.title = title
        self.media_type = media_type
        self.roles = list(roles) if roles else []
        self.size = size
        self.checksum = checksum  # "<algorithm>:<hex>", e.g. "md5:..." or "sha256:..."
        self.path = path

    def to_dict(self) -> Dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __eq__(self, other):
        return isinstance(other, Asset) and self.to_dict() == other.to_dict()

    def __repr__(self):
        return f"Asset({self.href!r}, roles={self.roles!r}, size={self.size!r})"


@dataclass
class Item:
    """One catalogue entry or result set: geometry is GeoJSON-like in EPSG:4326."""

    id: str
    geometry: Optional[Dict[str, Any]] = None
    datetime: Optional[str] = None
    properties: Dict[str, Any] = field(default_factory=dict)
    assets: Dict[str, Asset] = field(default_factory=dict)
    collection: str = ""
    provider: str = ""


@dataclass
class FeatureValues:
    """A map feature as plain values, for publishing it as a catalogue item: an id, its GeoJSON geometry in EPSG:4326,
    its attributes and an asset href ("" for none)."""

    id: str
    geometry: Optional[Dict[str, Any]]
    attributes: Dict[str, Any] = field(default_factory=dict)
    asset: str = ""


@dataclass
class Collection:
    """One collection of a catalogue. start/end are ISO strings (None when open-ended or unknown)."""

    id: str
    title: str
    abstract: str = ""
    platform: str = ""
    start: Optional[str] = None
    end: Optional[str] = None
    geometry: Optional[Dict[str, Any]] = None
    bbox: Optional[List[float]] = None
    properties: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Page:
    """One page of a search as it arrives: its items, the total the server counted (0 if unknown), its 1-based
    start."""

    items: List[Item]
    total: int
    start_index: int = 1


@dataclass
class DownloadEntry:
    """One file of a download plan: the request that produces it and where it goes.

    headers: per request (e.g. a bearer token); never logged. method: "GET" by default; any other (e.g. a POST
    asking for computed pixels) goes through the same parallel, verified path, but only a GET is resumed or
    fetched in byte ranges: any other request is sent again whole. body: None, bytes (sent as they are) or a
    JSON-able dict/list (sent as JSON). idempotent: whether the request is safe to send again after it may have
    been processed (a dropped connection, a 5xx); by default True for GET and HEAD, False otherwise; set it True for
    a read done by POST. A request that is not idempotent is sent again only when the server did not process it.
    refresh: optional `refresh(entry) -> entry` asked for a fresh URL, token or body when the server refuses this
    entry (401/403); it takes precedence over the `refresh` given to Downloader.download(). (Changing `method` with
    dataclasses.replace keeps the old `idempotent`: give it again.)

    to_dict()/from_dict() round-trip what is saved with a job (JobRecord params): url, relative_path, size, checksum,
    method, body (bytes as base64) and headers, but never a secret header (Authorization, Proxy-Authorization,
    Cookie, X-Api-Key, X-Goog-Api-Key): whoever reads the plan back adds the credentials of the moment. `refresh`
    (code) is not saved either. The url is saved as it is: a presigned url read back expired is renewed by refresh.
    """

    SECRET_HEADERS: ClassVar[frozenset] = frozenset(
        {"authorization", "proxy-authorization", "cookie", "x-api-key", "x-goog-api-key"})

    url: str
    relative_path: str
    size: Optional[int] = None
    checksum: Optional[str] = None
    headers: Dict[str, str] = field(default_factory=dict, repr=False)  # tokens: never in a repr
    method: str = "GET"
    body: Union[bytes, Dict[str, Any], List[Any], None] = field(default=None, repr=False)
    idempotent: Optional[bool] = None
    refresh: Optional[Callable[["DownloadEntry"], "DownloadEntry"]] = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        self.method = (self.method or "GET").upper()
        if self.idempotent is None:
            self.idempotent = self.method in ("GET", "HEAD")
        if isinstance(self.body, bytearray):
            self.body = bytes(self.body)
        if self.body is not None and not isinstance(self.body, (bytes, dict, list)):
            raise TypeError(f"DownloadEntry body must be bytes or a JSON-able dict or list, not {type(self.body)}")
        if self.headers is None:
            self.headers = {}

    def to_dict(self) -> Dict[str, Any]:
        data = {"url": self.url, "relative_path": self.relative_path, "size": self.size, "checksum": self.checksum,
                "method": self.method, "idempotent": self.idempotent,
                "headers": {k: v for k, v in (self.headers or {}).items()
                            if k.lower() not in self.SECRET_HEADERS}}
        if isinstance(self.body, bytes):
            data["body_base64"] = base64.b64encode(self.body).decode("ascii")
        else:
            data["body"] = copy.deepcopy(self.body)
        return data

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "DownloadEntry":
        body = data.get("body")
        if data.get("body_base64") is not None:
            body = base64.b64decode(data["body_base64"])
        return cls(url=data["url"], relative_path=data["relative_path"], size=data.get("size"),
                   checksum=data.get("checksum"), headers=dict(data.get("headers") or {}),
                   method=data.get("method") or "GET", body=copy.deepcopy(body), idempotent=data.get("idempotent"))


def plan_from_items(items: List[Item], per_item_folder: bool = True) -> List[DownloadEntry]:
    """Turn items' assets into download entries: item-id/asset-path (or asset-path alone)."""
    plan = []
    for item in items:
        for key, asset in item.assets.items():
            name = asset.path or asset.href.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or key
            rel = f"{item.id}/{name}" if per_item_folder else name
            plan.append(DownloadEntry(asset.href, rel, asset.size, asset.checksum))
    return plan


class Saved:
    """Dataclasses saved as JSON: unknown keys (from a newer version) are ignored when read back."""

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


class JobState:
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"  # was running when QGIS closed: can be followed again

    FINISHED = (SUCCEEDED, FAILED, CANCELLED)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class JobRecord(Saved):
    """What is remembered of a long operation, on every platform. Nothing secret in here: it is saved
    to disk so a job running when QGIS closed can be listed and followed again."""

    platform: str
    kind: str
    title: str
    connection_id: str = ""
    output_dir: str = ""
    params: Dict[str, Any] = field(default_factory=dict)  # what the job was asked to do
    remote: Dict[str, Any] = field(default_factory=dict)  # server-side ids learnt while running
    state: str = JobState.QUEUED
    progress: float = 0.0
    message: str = ""
    error: str = ""
    outputs: List[str] = field(default_factory=list)  # files produced, for layer loading
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    created: str = field(default_factory=_now)
    updated: str = field(default_factory=_now)

    def touch(self):
        self.updated = _now()


@dataclass
class Connection(Saved):
    """A saved sign-in to one platform. Nothing secret: tokens and passwords live in the SecretStore."""

    platform: str
    name: str
    url: str
    username: str = ""
    options: Dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
