"""Publishing to the user's RS-Server catalogue: collections and items checked before anything is sent, and a
vector layer's features turned into STAC items (one asset per feature, or none) with a preview of what will go.

Features come in as plain values (id, GeoJSON geometry in EPSG:4326, attributes, asset href), so this stays pure and
is the same for the dock, the console and the tests.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence, Tuple
from urllib.parse import urlsplit

from ...core.errors import EOError, InvalidInput
from ...core.i18n import tr
from ...core.models import FeatureValues as FeatureInput
from ..stac.items import geometry_bbox

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@dataclass
class PublishPlan:
    collection: str
    items: List[Dict[str, Any]]
    problems: List[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def preview(self, limit: int = 3) -> str:
        """What will be sent, in words and the first items' JSON."""
        head = (tr("1 item into collection {collection}", collection=self.collection) if len(self.items) == 1 else
                tr("{count} items into collection {collection}", count=len(self.items), collection=self.collection))
        shown = json.dumps(self.items[:limit], indent=1, default=str)
        return head + "\n" + shown


def validate_collection(collection: Dict[str, Any]) -> List[str]:
    problems = []
    short = str(collection.get("id") or "").split(":", 1)[-1]
    if not short:
        problems.append(tr("The collection needs an id."))
    elif not ID_PATTERN.match(short):
        problems.append(tr("The collection id “{id}” may only have letters, digits, '_', '-' and '.'.", id=short))
    if collection.get("extent") is not None:
        bbox = ((collection["extent"].get("spatial") or {}).get("bbox") or [[None]])[0]
        if not bbox or len(bbox) not in (4, 6) or any(not isinstance(v, (int, float)) for v in bbox):
            problems.append(tr("The collection's extent needs a bounding box of four numbers."))
    return problems


def validate_item(item: Dict[str, Any]) -> List[str]:
    """What the catalogue would refuse in an item, in sentences (empty when it can be sent)."""
    name = str(item.get("id") or "?")
    problems = []
    if not item.get("id") or not ID_PATTERN.match(str(item["id"])):
        problems.append(tr("Item “{id}”: the id may only have letters, digits, '_', '-' and '.'.", id=name))
    geometry = item.get("geometry")
    if geometry is not None and (not isinstance(geometry, dict) or "coordinates" not in geometry
                                 and geometry.get("type") != "GeometryCollection"):
        problems.append(tr("Item “{id}”: its geometry is not GeoJSON.", id=name))
    if geometry is not None and not item.get("bbox"):
        problems.append(tr("Item “{id}”: it needs a bbox.", id=name))
    props = item.get("properties") or {}
    if not props.get("datetime") and not (props.get("start_datetime") and props.get("end_datetime")):
        problems.append(tr("Item “{id}”: it needs a date (datetime, or start and end).", id=name))
    for when in ("datetime", "start_datetime", "end_datetime"):
        if props.get(when) and not _iso(props[when]):
            problems.append(tr("Item “{id}”: {name} “{value}” is not an ISO date and time.", id=name, name=when,
                               value=props[when]))
    for key, asset in (item.get("assets") or {}).items():
        scheme = urlsplit(str(asset.get("href") or "")).scheme
        if scheme not in ("http", "https", "s3"):
            problems.append(tr("Item “{id}”: asset {asset} is a local file ({href}); RS-Server only takes assets "
                               "already in S3 or on the web: upload it first.", id=name, asset=key,
                               href=str(asset.get("href"))[:80]))
    return problems


def _iso(value) -> bool:
    try:
        dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def _json_value(value):
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def items_from_features(features: Sequence[FeatureInput], collection: str, *, datetime_field: str = "",
                        default_datetime: str = "", asset_role: str = "data") -> PublishPlan:
    """STAC items of features: id, geometry, bbox, properties (every attribute; the date from `datetime_field` or
    `default_datetime`), one asset when the feature has one. Problems are listed, nothing is sent here."""
    short = collection.split(":", 1)[-1]
    items, problems, seen = [], [], set()
    for feature in features:
        properties = {k: _json_value(v) for k, v in feature.attributes.items() if k != datetime_field}
        when = feature.attributes.get(datetime_field) if datetime_field else None
        when = _json_value(when) or default_datetime
        if when and len(str(when)) == 10:
            when = f"{when}T00:00:00Z"
        properties["datetime"] = when or None
        item = {"type": "Feature", "stac_version": "1.0.0", "stac_extensions": [], "id": str(feature.id),
                "collection": short, "geometry": feature.geometry, "bbox": geometry_bbox(feature.geometry),
                "properties": properties, "links": [], "assets": {}}
        if feature.asset:
            name = feature.asset.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            item["assets"][name or "data"] = {"href": feature.asset, "roles": [asset_role], "title": name}
        if item["id"] in seen:
            problems.append(tr("Item “{id}” appears twice: choose an id field whose values differ.", id=item["id"]))
        seen.add(item["id"])
        problems += validate_item(item)
        items.append(item)
    if not items:
        problems.append(tr("The layer has no features to publish."))
    return PublishPlan(short, items, problems)


def publish(client, plan: PublishPlan, progress=None, replace: bool = False) -> Tuple[List[str], List[str]]:
    """Send the plan's items (POST, or PUT when replace); ({sent ids}, [refusals in the server's words])."""
    if not plan.ok:
        raise InvalidInput(" ".join(plan.problems[:5]))
    sent, refused = [], []
    for item in plan.items:
        if progress is not None:
            progress.check()
            progress.report(len(sent) / len(plan.items), tr("Publishing {id}", id=item["id"]))
        try:
            if replace:
                client.update_item(plan.collection, item, progress)
            else:
                client.add_item(plan.collection, item, progress)
            sent.append(item["id"])
        except EOError as err:
            refused.append(tr("{id}: {reason}", id=item["id"], reason=err.message))
    return sent, refused
