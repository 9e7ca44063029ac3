"""STAC JSON <-> the one item model (core.models.Item / Asset / Collection).

Properties are kept whole; the few the shared results browser shows get its names too (title, cloud_cover,
platform, size). Asset sizes come from `file:size`, checksums from `file:checksum` (multihash: md5 and sha256 are
turned into "<algorithm>:<hex>"), alternate hrefs (`alternate.s3.href`, the storage extension) into the item's
`asset_alternates` property: {asset key: {name: href}}.
"""

import copy
from typing import Any, Dict, List, Optional

from ...core.models import Asset, Collection, Item

ALTERNATES = "asset_alternates"
ASSET_FIELDS = "asset_fields"  # {asset key: the asset's other STAC fields (e.g. cadip:channel, cadip:block_number)}
_ASSET_KNOWN = ("href", "title", "type", "roles", "file:size", "file:checksum", "alternate")
_MULTIHASH = {"d5": "md5", "12": "sha256", "13": "sha512"}


def item_from_stac(feature: Dict[str, Any], provider: str = "") -> Item:
    properties = dict(feature.get("properties") or {})
    when = properties.get("datetime") or properties.get("start_datetime")
    assets: Dict[str, Asset] = {}
    alternates: Dict[str, Dict[str, str]] = {}
    asset_fields: Dict[str, Dict[str, Any]] = {}
    for key, data in (feature.get("assets") or {}).items():
        if not isinstance(data, dict) or not data.get("href"):
            continue
        href = str(data["href"])
        name = href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or key
        size = data.get("file:size")
        assets[key] = Asset(href=href, title=str(data.get("title") or key), media_type=str(data.get("type") or ""),
                            roles=list(data.get("roles") or []), size=int(size) if isinstance(size, (int, float))
                            else None, checksum=_checksum(data.get("file:checksum")), path=name)
        found = {name: alt["href"] for name, alt in (data.get("alternate") or {}).items()
                 if isinstance(alt, dict) and alt.get("href")}
        if found:
            alternates[key] = found
        extra = {k: v for k, v in data.items() if k not in _ASSET_KNOWN}
        if extra:
            asset_fields[key] = extra
    if alternates:
        properties[ALTERNATES] = alternates
    if asset_fields:
        properties[ASSET_FIELDS] = asset_fields
    properties.setdefault("title", properties.get("title") or feature.get("id"))
    if "eo:cloud_cover" in properties and "cloud_cover" not in properties:
        properties["cloud_cover"] = properties["eo:cloud_cover"]
    if "size" not in properties:
        sizes = [a.size for a in assets.values() if a.size]
        if sizes:
            properties["size"] = sum(sizes)
    properties["stac_links"] = [link for link in feature.get("links") or [] if isinstance(link, dict)
                                and link.get("rel") in ("self", "collection", "root", "parent")]
    if feature.get("bbox"):
        properties["bbox"] = feature["bbox"]
    return Item(id=str(feature.get("id") or ""), geometry=feature.get("geometry"), datetime=when,
                properties=properties, assets=assets, collection=str(feature.get("collection") or ""),
                provider=provider)


def _checksum(value) -> Optional[str]:
    if not isinstance(value, str) or len(value) < 6:
        return None
    algorithm = _MULTIHASH.get(value[:2])
    return f"{algorithm}:{value[4:]}" if algorithm else None


def item_to_stac(item: Item, *, collection: Optional[str] = None, root_url: str = "") -> Dict[str, Any]:
    """The STAC Item JSON of an Item (what staging and publishing send): bbox computed from the geometry when the
    item has none, the links it came with (root and collection added when missing), assets with their roles, sizes
    and alternates."""
    properties = {k: copy.deepcopy(v) for k, v in item.properties.items()
                  if k not in (ALTERNATES, ASSET_FIELDS, "stac_links", "bbox", "cloud_cover", "size")}
    if item.datetime and "datetime" not in properties:
        properties["datetime"] = item.datetime
    properties.setdefault("datetime", None)
    alternates = item.properties.get(ALTERNATES) or {}
    extras = item.properties.get(ASSET_FIELDS) or {}
    assets = {}
    for key, asset in item.assets.items():
        data: Dict[str, Any] = dict(copy.deepcopy(extras.get(key) or {}))
        data.update({"href": asset.href, "roles": list(asset.roles or ["data"])})
        if asset.title:
            data["title"] = asset.title
        if asset.media_type:
            data["type"] = asset.media_type
        if asset.size is not None:
            data["file:size"] = asset.size
        if key in alternates:
            data["alternate"] = {name: {"href": href} for name, href in alternates[key].items()}
        assets[key] = data
    collection = collection or item.collection
    links = list(copy.deepcopy(item.properties.get("stac_links") or []))
    rels = {link.get("rel") for link in links}
    if "root" not in rels:
        links.append({"rel": "root", "href": root_url or "./", "type": "application/json"})
    if "collection" not in rels and collection:
        links.append({"rel": "collection", "href": f"{root_url.rstrip('/')}/collections/{collection}"
                      if root_url else collection, "type": "application/json"})
    return {"type": "Feature", "stac_version": "1.0.0", "id": item.id, "collection": collection,
            "geometry": item.geometry, "bbox": item.properties.get("bbox") or geometry_bbox(item.geometry),
            "properties": properties, "assets": assets, "links": links,
            "stac_extensions": []}


def geometry_bbox(geometry: Optional[Dict[str, Any]]) -> Optional[List[float]]:
    if not geometry:
        return None
    xs, ys = [], []

    def walk(coords):
        if coords and isinstance(coords[0], (int, float)):
            xs.append(float(coords[0]))
            ys.append(float(coords[1]))
        else:
            for part in coords or []:
                walk(part)

    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            walk(part.get("coordinates"))
    else:
        walk(geometry.get("coordinates"))
    return [min(xs), min(ys), max(xs), max(ys)] if xs else None


def collection_from_stac(data: Dict[str, Any], provider: str = "") -> Collection:
    extent = data.get("extent") or {}
    bbox = ((extent.get("spatial") or {}).get("bbox") or [None])[0]
    interval = ((extent.get("temporal") or {}).get("interval") or [[None, None]])[0] or [None, None]
    properties = {k: v for k, v in data.items() if k not in ("links", "extent", "description", "title", "id")}
    geometry = None
    if bbox and len(bbox) >= 4:
        west, south, east, north = bbox[0], bbox[1], bbox[-3] if len(bbox) == 6 else bbox[2], bbox[-2] \
            if len(bbox) == 6 else bbox[3]
        geometry = {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                        [west, south]]]}
    summaries = data.get("summaries") or {}
    platforms = summaries.get("platform") or summaries.get("constellation") or []
    platform = ", ".join(str(p) for p in platforms) if isinstance(platforms, list) else str(platforms)
    return Collection(id=str(data.get("id") or ""), title=str(data.get("title") or data.get("id") or ""),
                      abstract=str(data.get("description") or ""), platform=platform,
                      start=interval[0] if len(interval) > 0 else None, end=interval[1] if len(interval) > 1 else None,
                      geometry=geometry, bbox=list(bbox) if bbox else None, properties=properties)


def filter_collections(collections: List[Collection], start=None, end=None, geometry=None, platform=None,
                       **_others) -> List[Collection]:
    """The collections whose extent meets the filters of the collections dialog: dates that overlap, a WKT/shapely
    geometry that meets the collection's box, a platform named in its summaries or title (done here: STAC APIs
    have no collection search)."""
    shape = None
    if geometry is not None:
        import shapely
        from shapely import wkt as shapely_wkt

        shape = shapely_wkt.loads(geometry) if isinstance(geometry, str) else geometry
    found = []
    for collection in collections:
        if start and collection.end and str(collection.end)[:10] < str(start)[:10]:
            continue
        if end and collection.start and str(collection.start)[:10] > str(end)[:10]:
            continue
        if shape is not None and collection.bbox and len(collection.bbox) >= 4:
            box = collection.bbox
            west, south, east, north = (box[0], box[1], box[3], box[4]) if len(box) == 6 else box[:4]
            if west <= east and not shapely.box(west, south, east, north).intersects(shape):
                continue
        if platform:
            summaries = json_text(collection.properties.get("summaries")) + collection.title
            if platform.lower() not in summaries.lower():
                continue
        found.append(collection)
    return found


def json_text(value) -> str:
    import json

    return json.dumps(value) if value else ""
