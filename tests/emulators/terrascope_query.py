"""Parameters of the Terrascope OpenSearch emulator: parsed strictly, refused with OGC 17-047r1 exceptions.

`parse_products(pairs)` / `parse_collections(pairs)` take the query string as (name, value) pairs and return a
`ProductQuery` / `CollectionQuery`, or raise `SearchRefused` listing every bad parameter (-> a 400 ExceptionReport).

Value syntax (OpenSearch Geo/Time and EO extensions, as terracatalogueclient encodes them):
- dates: `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` (no zone = UTC);
- bbox: `west,south,east,north` in degrees (west > east crosses the antimeridian);
- geometry: WKT (POINT, LINESTRING, POLYGON, MULTI*...), valid, in lon/lat;
- intervals (cloudCover, relativeOrbitNumber, resolution, publicationDate, modificationDate): `n` (equal),
  `{a,b,c}` (set), `[a,b]` / `]a,b[` / `[a,b[` / `]a,b]`, `[a` (>= a), `]a` (> a), `b]` (<= b), `b[` (< b);
  an empty value means no filter (the client sends `cloudCover=` for a `(None, None)` tuple);
- orbitDirection: ASCENDING | DESCENDING; accessedFrom: HTTP | MEP | S3;
- startIndex >= 1 (1-based); 0 <= count <= max_count; sortKeys: `key[,,ascending(1|0)[,...]]`, one key among
  SORT_KEYS.
A parameter given twice, an unknown parameter or an empty value (outside intervals) is refused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import numpy as np
import shapely
from shapely import wkt
from shapely.geometry import box

PRODUCT_PARAMETERS = (
    "collection", "start", "end", "bbox", "geometry", "title", "productType", "relativeOrbitNumber",
    "orbitDirection", "cloudCover", "tileId", "productGroupId", "publicationDate", "modificationDate",
    "accessedFrom", "platform", "resolution", "sortKeys", "startIndex", "count",
)
COLLECTION_PARAMETERS = ("start", "end", "bbox", "geometry", "platform", "startIndex", "count")
SORT_KEYS = ("start", "date", "title", "cloudCover", "published", "updated")
ACCESS_MODES = ("HTTP", "MEP", "S3")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass
class SearchError:
    code: str  # OGC exception code, e.g. InvalidParameterValue
    locator: str
    text: str

    def json(self) -> dict:
        return {"exceptionCode": self.code, "locator": self.locator, "exceptionText": self.text}


class SearchRefused(Exception):
    def __init__(self, errors: list[SearchError], status: int = 400) -> None:
        super().__init__("; ".join(f"{e.locator} - {e.text}" for e in errors))
        self.errors, self.status = errors, status


@dataclass
class Interval:
    """A numeric interval or set; dates are epoch milliseconds. `mask(values)` works on numpy arrays."""

    low: float | None = None
    low_closed: bool = True
    high: float | None = None
    high_closed: bool = True
    members: tuple[float, ...] | None = None

    def mask(self, values: np.ndarray) -> np.ndarray:
        if self.members is not None:
            return np.isin(values, np.array(self.members, dtype=values.dtype))
        result = ~np.isnan(values) if values.dtype.kind == "f" else np.ones(values.shape, bool)
        if self.low is not None:
            result &= (values >= self.low) if self.low_closed else (values > self.low)
        if self.high is not None:
            result &= (values <= self.high) if self.high_closed else (values < self.high)
        return result


@dataclass
class CollectionQuery:
    start_ms: int | None = None
    end_ms: int | None = None
    areas: list = field(default_factory=list)  # shapely geometries; a match intersects all of them
    platform: str | None = None
    start_index: int = 1
    count: int | None = None  # None: the server's page size


@dataclass
class ProductQuery(CollectionQuery):
    collection: str = ""
    title: str | None = None
    product_type: str | None = None
    orbit: Interval | None = None
    direction: str | None = None
    cloud: Interval | None = None
    tile: str | None = None
    group: str | None = None
    publication: Interval | None = None
    modification: Interval | None = None
    resolution: Interval | None = None
    accessed_from: str = "HTTP"
    sort_key: str | None = None
    ascending: bool = True
    match_key: tuple = ()  # the parameters that decide which products match (cache key)


def parse_date(text: str) -> int:
    """Epoch milliseconds of an ISO date or date-time; ValueError when malformed."""
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date (YYYY-MM-DD) or an ISO 8601 date-time")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                      tzinfo=timezone.utc)
    millis = int(moment.timestamp() * 1000) + (int(round(float(fraction) * 1000)) if fraction else 0)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        millis -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60) * 1000
    return millis


def parse_number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is not a finite number")
    return value


def parse_interval(text: str, value: Callable[[str], float], lowest: float | None = None,
                   highest: float | None = None) -> Interval | None:
    """The EO extension's interval syntax (module docstring); None for an empty value."""
    text = text.strip()
    if not text:
        return None
    if text.startswith("{") and text.endswith("}"):
        members = tuple(value(part.strip()) for part in text[1:-1].split(","))
        result = Interval(members=members)
        bounds = list(members)
    else:
        opens, closes = text[0] in "[]", text[-1] in "[]"
        inner = text[1 if opens else 0: -1 if closes else None]
        if opens and closes:
            parts = inner.split(",")
            if len(parts) != 2:
                raise ValueError(f"'{text}' is not an interval: use [a,b], ]a,b[, [a or b]")
            result = Interval(value(parts[0]), text[0] == "[", value(parts[1]), text[-1] == "]")
            if result.low > result.high:
                raise ValueError(f"'{text}': the lower bound is greater than the upper bound")
        elif opens:
            result = Interval(low=value(inner), low_closed=text[0] == "[")
        elif closes:
            result = Interval(high=value(inner), high_closed=text[-1] == "]")
        else:
            result = Interval(value(text), True, value(text), True)
        bounds = [b for b in (result.low, result.high) if b is not None]
    for bound in bounds:
        if (lowest is not None and bound < lowest) or (highest is not None and bound > highest):
            raise ValueError(f"'{text}': values must lie between {lowest:g} and {highest:g}")
    return result


def parse_bbox(text: str):
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError(f"'{text}' is not a bounding box: expected west,south,east,north")
    west, south, east, north = (parse_number(p) for p in parts)
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError(f"'{text}' is not a bounding box in degrees (longitudes in [-180,180], "
                         "latitudes in [-90,90], south <= north)")
    if west <= east:
        return box(west, south, east, north)
    return shapely.union(box(west, south, 180, north), box(-180, south, east, north))  # across the antimeridian


def parse_geometry(text: str):
    try:
        geometry = wkt.loads(text)
    except Exception:  # shapely raises its own GEOSException / WKTReadingError
        raise ValueError("not a valid WKT geometry") from None
    if geometry.is_empty:
        raise ValueError("the geometry is empty")
    if not geometry.is_valid:
        raise ValueError(f"the geometry is not valid ({shapely.is_valid_reason(geometry)})")
    west, south, east, north = geometry.bounds
    if west < -180 or east > 180 or south < -90 or north > 90:
        raise ValueError("coordinates must be longitude/latitude in degrees (EPSG:4326)")
    return geometry


class _Reader:
    """Collects every problem so one ExceptionReport lists them all."""

    def __init__(self, pairs: list[tuple[str, str]], allowed: tuple[str, ...]) -> None:
        self.errors: list[SearchError] = []
        self.values: dict[str, str] = {}
        for name, value in pairs:
            if name not in allowed:
                self.fail(name, f"Unknown parameter '{name}'", code="InvalidParameterValue")
            elif name in self.values:
                self.fail(name, f"The parameter '{name}' is given more than once")
            else:
                self.values[name] = value

    def fail(self, locator: str, text: str, code: str = "InvalidParameterValue") -> None:
        self.errors.append(SearchError(code, locator, text))

    def get(self, name: str, parse: Callable[[str], object], *, empty_ok: bool = False):
        if name not in self.values:
            return None
        text = self.values[name]
        if not text.strip() and not empty_ok:
            self.fail(name, f"The parameter '{name}' has an empty value")
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.fail(name, f"Invalid value for '{name}': {exc}")
            return None


def _integer(lowest: int, highest: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not re.fullmatch(r"\s*[+-]?\d+\s*", text):
            raise ValueError(f"'{text}' is not an integer")
        value = int(text)
        if value < lowest or (highest is not None and value > highest):
            limit = f"between {lowest} and {highest}" if highest is not None else f"at least {lowest}"
            raise ValueError(f"{value} is out of range: it must be {limit}")
        return value
    return parse


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text.upper() not in options:
            raise ValueError(f"'{text}' is not one of {', '.join(options)}")
        return text.upper()
    return parse


def _sort_keys(text: str) -> tuple[str, bool]:
    keys = text.split()
    if len(keys) != 1:
        raise ValueError("exactly one sort key is supported")
    fields = keys[0].split(",")
    if fields[0] not in SORT_KEYS:
        raise ValueError(f"'{fields[0]}' is not a sort key; use one of {', '.join(SORT_KEYS)}")
    ascending = fields[2] if len(fields) > 2 and fields[2] else "1"
    if ascending not in ("0", "1"):
        raise ValueError("the ascending flag (third field) must be 1 or 0")
    return fields[0], ascending == "1"


def _common(reader: _Reader, query: CollectionQuery, max_count: int) -> None:
    query.start_ms = reader.get("start", parse_date)
    query.end_ms = reader.get("end", parse_date)
    query.areas = [a for a in (reader.get("bbox", parse_bbox), reader.get("geometry", parse_geometry))
                   if a is not None]
    query.platform = reader.get("platform", str)
    query.start_index = reader.get("startIndex", _integer(1)) or 1
    query.count = reader.get("count", _integer(0, max_count))


def parse_collections(pairs: list[tuple[str, str]], *, max_count: int) -> CollectionQuery:
    reader = _Reader(pairs, COLLECTION_PARAMETERS)
    query = CollectionQuery()
    _common(reader, query, max_count)
    if reader.errors:
        raise SearchRefused(reader.errors)
    return query


def parse_products(pairs: list[tuple[str, str]], *, max_count: int, known: Callable[[str], bool]) -> ProductQuery:
    """Parse a products query; `known(collection_id)` tells which collections exist."""
    reader = _Reader(pairs, PRODUCT_PARAMETERS)
    query = ProductQuery()
    _common(reader, query, max_count)
    collection = reader.values.get("collection")
    if collection is None:
        reader.fail("collection", "The parameter 'collection' is required", code="MissingParameterValue")
    elif not known(collection):
        reader.fail("collection", f"Unknown collection '{collection}'")
    query.collection = collection or ""
    query.title = reader.get("title", str)
    query.product_type = reader.get("productType", str)
    query.tile = reader.get("tileId", str)
    query.group = reader.get("productGroupId", str)
    query.direction = reader.get("orbitDirection", _choice(("ASCENDING", "DESCENDING")))
    query.accessed_from = reader.get("accessedFrom", _choice(ACCESS_MODES)) or "HTTP"
    query.orbit = reader.get("relativeOrbitNumber", lambda t: parse_interval(t, _integer(1, 175)), empty_ok=True)
    query.cloud = reader.get("cloudCover", lambda t: parse_interval(t, parse_number, 0, 100), empty_ok=True)
    query.resolution = reader.get("resolution", lambda t: parse_interval(t, parse_number, 0), empty_ok=True)
    query.publication = reader.get("publicationDate", lambda t: parse_interval(t, parse_date), empty_ok=True)
    query.modification = reader.get("modificationDate", lambda t: parse_interval(t, parse_date), empty_ok=True)
    query.sort_key, query.ascending = reader.get("sortKeys", _sort_keys) or (None, True)
    if reader.errors:
        raise SearchRefused(reader.errors)
    ignored = ("startIndex", "count", "accessedFrom")
    query.match_key = tuple(sorted((k, v) for k, v in reader.values.items() if k not in ignored))
    return query
