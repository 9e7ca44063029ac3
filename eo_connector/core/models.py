"""The shared data shapes: one STAC-like item/asset model for every catalogue, one download plan entry,
one job record for every platform's long operations."""

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


class Asset:
    """A file of an item. `path` is where it belongs relative to a download folder ('/'-separated).

    A plain class with __slots__ (no per-instance __dict__: a search result can hold tens of thousands of assets);
    `@dataclass(slots=True)` would do the same but needs Python 3.10, and QGIS on Windows and macOS ships 3.9.
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
    """One file of a download plan. Headers are per request (e.g. a bearer token); never logged."""

    url: str
    relative_path: str
    size: Optional[int] = None
    checksum: Optional[str] = None
    headers: Dict[str, str] = field(default_factory=dict)


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
