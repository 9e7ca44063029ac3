"""Search forms for any STAC API: the fixed filters (dates, ids, sort, page size, a CQL2-JSON filter of one's own)
plus one field per queryable of the collection (its JSON schema: enums become choices, numbers "at most", dates "from",
text exact or with * wildcards), and the form's values turned into a STAC search body with a CQL2-JSON filter."""

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ...core.errors import InvalidInput
from ...core.i18n import tr
from ...core.platform import Field, FieldKind
from .parameters import search_parameters

if TYPE_CHECKING:  # shapely: imported when an AOI is made, never when QGIS starts
    from ...core.aoi import AOI

QUERYABLE_PREFIX = "q:"  # field names of queryables (equal, or like with * wildcards), apart from the fixed ones
MAX_PREFIX = "qmax:"  # a number queryable: at most this (typed as text: empty means any)
FROM_PREFIX = "qfrom:"  # a date queryable: from this day on
SKIPPED = ("geometry", "datetime", "id", "collection", "start_datetime", "end_datetime")
METHODS = (("", "auto"), ("GET", "GET"), ("POST", "POST"))


def fixed_fields() -> List[Field]:
    return [
        Field("start", tr("Start date"), FieldKind.DATE, None),
        Field("end", tr("End date"), FieldKind.DATE, None),
        Field("ids", tr("Item ids"), FieldKind.TEXT, "", placeholder=tr("comma-separated"), advanced=True),
        Field("sortby", tr("Sort by"), FieldKind.TEXT, "", placeholder=tr("e.g. -datetime"), advanced=True),
        Field("filter", tr("CQL2-JSON filter"), FieldKind.TEXT, "", advanced=True,
              placeholder='{"op": "=", "args": [{"property": "platform"}, "S1A"]}',
              help=tr("Combined with the other filters by “and”.")),
        Field("limit", tr("Page size"), FieldKind.INT, 100, minimum=1, maximum=10000, advanced=True),
        Field("method", tr("Request method"), FieldKind.CHOICE, "", METHODS, advanced=True),
    ]


def queryable_fields(schema: Dict[str, Any]) -> List[Field]:
    """One field per queryable the form can express (geometry and datetime are the AOI and dates)."""
    found = []
    for name, spec in sorted((schema or {}).get("properties", {}).items()):
        if name in SKIPPED or not isinstance(spec, dict):
            continue
        title = str(spec.get("title") or name)
        kind = spec.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None)
        key = QUERYABLE_PREFIX + name
        if spec.get("enum"):
            choices = [("", tr("any"))] + [(value, str(value)) for value in spec["enum"]]
            found.append(Field(key, title, FieldKind.CHOICE, "", tuple(choices), help=name))
        elif kind in ("number", "integer"):
            found.append(Field(MAX_PREFIX + name, tr("{name} (at most)", name=title), FieldKind.TEXT, "",
                               placeholder=tr("any"), help=name))
        elif kind == "string" and spec.get("format") in ("date-time", "date"):
            found.append(Field(FROM_PREFIX + name, tr("{name} (from)", name=title), FieldKind.DATE, None, help=name))
        elif kind == "boolean":
            found.append(Field(key, title, FieldKind.CHOICE, "", (("", tr("any")), (True, tr("yes")),
                                                                   (False, tr("no"))), help=name))
        elif kind == "string":
            found.append(Field(key, title, FieldKind.TEXT, "", placeholder=tr("exact, or with * wildcards"),
                               help=name))
    return found


def cql2_from_values(values: Dict[str, Any], fields: List[Field]) -> Optional[Dict[str, Any]]:
    """The queryable fields' values (and the free CQL2-JSON filter) as one CQL2-JSON expression."""
    args = []
    for field in fields:
        prefix = next((p for p in (MAX_PREFIX, FROM_PREFIX, QUERYABLE_PREFIX) if field.name.startswith(p)), "")
        value = values.get(field.name)
        if not prefix or value in (None, "", ()):
            continue
        prop = {"property": field.name[len(prefix):]}
        if prefix == MAX_PREFIX:
            try:
                number = float(str(value).replace(",", "."))
            except ValueError:
                raise InvalidInput(tr("{name}: “{value}” is not a number.", name=field.label, value=value)) from None
            args.append({"op": "<=", "args": [prop, int(number) if number.is_integer() else number]})
        elif prefix == FROM_PREFIX:
            args.append({"op": ">=", "args": [prop, {"timestamp": _day(value) + "T00:00:00Z"}]})
        elif field.kind == FieldKind.TEXT and ("*" in str(value) or "%" in str(value)):
            args.append({"op": "like", "args": [prop, str(value).replace("*", "%")]})
        else:
            args.append({"op": "=", "args": [prop, value]})
    own = values.get("filter")
    if isinstance(own, str) and own.strip():
        try:
            own = json.loads(own)
        except ValueError as err:
            raise InvalidInput(tr("The CQL2-JSON filter is not valid JSON: {error}", error=str(err))) from None
    if isinstance(own, dict) and own:
        args.append(own)
    if not args:
        return None
    return args[0] if len(args) == 1 else {"op": "and", "args": args}


def _day(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def search_body(collection: str, values: Dict[str, Any], fields: List[Field], aoi: Optional["AOI"],
                bbox_only: bool = False) -> Dict[str, Any]:
    """The STAC search body of a form: collection, AOI (its outline, or its box), dates, ids, sort, page size and
    the CQL2-JSON filter of the queryables. Dates out of order are refused here."""
    start, end = values.get("start"), values.get("end")
    if start and end and _day(start) > _day(end):
        raise InvalidInput(tr("The start date is after the end date: swap them."))
    interval = None
    if start or end:
        interval = (_day(start) + "T00:00:00Z" if start else None, _day(end) + "T23:59:59Z" if end else None)
    geometry = bbox = None
    if aoi is not None:
        if bbox_only:
            bbox = list(aoi.bbox())
        else:
            geometry = aoi.to_geojson()
    return search_parameters(collections=[collection] if collection else None, intersects=geometry, bbox=bbox,
                             datetime=interval, ids=values.get("ids") or None, sortby=values.get("sortby") or None,
                             filter=cql2_from_values(values, fields), limit=values.get("limit") or 100)
