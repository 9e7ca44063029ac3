"""A STAC search as a JSON body (the POST form) and its GET form: the parameters of pystac-client's search(), built
without any HTTP (so forms, Processing and the console can describe a search before a client exists)."""

import json
from typing import Any, Dict, List

from ...core.errors import InvalidInput
from ...core.i18n import tr


def search_parameters(*, bbox=None, intersects=None, datetime=None, ids=None, collections=None, filter=None,
                      filter_lang=None, sortby=None, limit=None, query=None, fields=None) -> Dict[str, Any]:
    """The search as a STAC API JSON body (the POST form); `get_params()` turns it into the GET form.

    bbox: 4 numbers; intersects: GeoJSON geometry (dict); datetime: "a/b", "a/..", a single instant, or a
    (start, end) pair (None for open); ids, collections: lists (or comma-separated strings); filter: CQL2-JSON (dict)
    or CQL2-text (str); sortby: "-datetime,+id", ["-datetime"] or [{"field", "direction"}]; limit: page size."""
    body: Dict[str, Any] = {}
    if bbox is not None:
        body["bbox"] = [float(v) for v in bbox]
        if len(body["bbox"]) not in (4, 6):
            raise InvalidInput(tr("A bounding box needs four numbers: west, south, east, north."))
    if intersects is not None:
        body["intersects"] = intersects if isinstance(intersects, dict) else json.loads(intersects)
    if datetime:
        body["datetime"] = _interval(datetime)
    for name, value in (("ids", ids), ("collections", collections)):
        if value:
            body[name] = [v.strip() for v in value.split(",")] if isinstance(value, str) else list(value)
    if filter not in (None, "", {}):
        if isinstance(filter, str) and filter.strip().startswith("{"):
            try:
                filter = json.loads(filter)
            except ValueError as err:
                raise InvalidInput(tr("The CQL2-JSON filter is not valid JSON: {error}", error=str(err))) from None
        body["filter"] = filter
        body["filter-lang"] = filter_lang or ("cql2-json" if isinstance(filter, dict) else "cql2-text")
    if sortby:
        body["sortby"] = sort_fields(sortby)
    if limit:
        body["limit"] = int(limit)
    if query:
        body["query"] = query
    if fields:
        body["fields"] = fields
    return body


def _interval(value) -> str:
    if isinstance(value, (tuple, list)):
        start, end = (list(value) + [None, None])[:2]
        return f"{_instant(start) or '..'}/{_instant(end) or '..'}"
    return str(value)


def _instant(value) -> str:
    if value in (None, "", ".."):
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if len(text) == 10:  # a date: the whole day
        return text + "T00:00:00Z"
    return text.replace("+00:00", "Z")


def sort_fields(sortby) -> List[Dict[str, str]]:
    if isinstance(sortby, str):
        sortby = [part for part in sortby.split(",") if part.strip()]
    found = []
    for entry in sortby:
        if isinstance(entry, dict):
            found.append({"field": entry["field"], "direction": entry.get("direction", "asc")})
            continue
        entry = entry.strip()
        direction = "desc" if entry.startswith("-") else "asc"
        found.append({"field": entry.lstrip("+-").strip(), "direction": direction})
    return found


def get_params(body: Dict[str, Any]) -> Dict[str, str]:
    """The GET form of a search body, as pystac-client sends it."""
    params: Dict[str, str] = {}
    for name, value in body.items():
        if name == "bbox":
            params[name] = ",".join(str(float(v)) for v in value)  # as pystac-client writes it
        elif name in ("ids", "collections"):
            params[name] = ",".join(value)
        elif name == "intersects" or (name == "filter" and isinstance(value, dict)) or name in ("query", "fields"):
            params[name] = json.dumps(value, separators=(",", ":"))
        elif name == "sortby":
            params[name] = ",".join(("-" if s["direction"] == "desc" else "+") + s["field"] for s in value)
        else:
            params[name] = str(value)
    return params
