"""Assets and the public data catalogue as the dock shows them.

Assets (EarthEngineAsset JSON from getAsset / listAssets) become Items: id, type, dates, bands, size, geometry.
The public catalogue is read in the format Earth Engine publishes it (STAC: a root catalog.json whose child links
are one catalog per provider, whose child links are the datasets, each a STAC Collection with gee:type, extent,
summaries eo:bands and a preview link). The index (ids and titles) is read once per process and URL; a dataset's
own page only when it is chosen.
"""

import threading
from typing import Dict, List, Optional
from urllib.parse import urljoin

from ...core.http_errors import json_or_raise
from ...core.i18n import tr
from ...core.models import Asset, Item
from ...core.progress import Progress
from .client import asset_id_of

DEFAULT_CATALOG_URL = "https://storage.googleapis.com/earthengine-stac/catalog/catalog.json"
FOLDER_TYPES = ("FOLDER", "IMAGE_COLLECTION")  # what can be opened in the browser
_catalogues: Dict[str, List[dict]] = {}
_catalogue_lock = threading.Lock()


def type_label(kind: str) -> str:
    return {"IMAGE": tr("Image"), "IMAGE_COLLECTION": tr("Image collection"), "TABLE": tr("Table"),
            "FOLDER": tr("Folder"), "CLASSIFIER": tr("Classifier")}.get(kind, kind.title())


def legacy_root(username: str) -> str:
    """The asset name of a legacy users/<name> root."""
    name = username.strip().strip("/")
    if name.startswith("users/"):
        name = name[len("users/"):]
    return f"projects/earthengine-legacy/assets/users/{name}"


def project_root(project: str) -> str:
    return f"projects/{project}/assets"


def _bands(asset: dict) -> List[str]:
    found = []
    for band in asset.get("bands") or []:
        precision = ((band.get("dataType") or {}).get("precision") or "").lower()
        found.append(f"{band.get('id')} ({precision})" if precision else str(band.get("id")))
    return found


def asset_item(asset: dict) -> Item:
    """An EarthEngineAsset as an Item (properties: type, start, end, bands, size, updated)."""
    name = str(asset.get("name") or asset.get("id") or "")
    asset_id = str(asset.get("id") or asset_id_of(name))
    properties = {"type": asset.get("type", ""), "name": name, "title": asset_id.rsplit("/", 1)[-1],
                  "start": asset.get("startTime"), "end": asset.get("endTime"), "bands": _bands(asset),
                  "band_ids": [b.get("id") for b in asset.get("bands") or []],
                  "size": int(asset["sizeBytes"]) if str(asset.get("sizeBytes", "")).isdigit() else None,
                  "updated": asset.get("updateTime")}
    properties.update({f"property:{k}": v for k, v in (asset.get("properties") or {}).items()
                       if isinstance(v, (str, int, float, bool))})
    return Item(id=asset_id, geometry=asset.get("geometry"), datetime=asset.get("startTime"),
                properties=properties, provider="earth_engine")


def describe_item(item: Item) -> str:
    """Type, dates, bands and size in one short text for the details line."""
    p = item.properties
    lines = [tr("{type}: {id}", type=type_label(p.get("type", "")), id=item.id)]
    if p.get("title_long"):
        lines.append(p["title_long"])
    dates = " – ".join(str(d)[:10] for d in (p.get("start"), p.get("end")) if d)
    if dates:
        lines.append(tr("Dates: {dates}", dates=dates))
    if p.get("bands"):
        shown = ", ".join(p["bands"][:12]) + ("…" if len(p["bands"]) > 12 else "")
        lines.append(tr("Bands: {bands}", bands=shown))
    if p.get("size"):
        lines.append(tr("Size: {size}", size=_human(p["size"])))
    return "\n".join(lines)


def _human(size: int) -> str:
    from ...core.safe_paths import human_size

    return human_size(size)


def list_folder(client, parent: str, page_token: str = "", page_size: int = 100):
    """(Items, next page token) of a folder, collection or root."""
    assets, token = client.list_assets(parent, page_token, page_size)
    return [asset_item(a) for a in assets], token


# -- the public catalogue (STAC)
def _links(document: dict, rel: str) -> List[dict]:
    return [link for link in document.get("links") or [] if link.get("rel") == rel and link.get("href")]


def catalogue_index(http, catalog_url: str, progress: Optional[Progress] = None) -> List[dict]:
    """Every dataset of the catalogue: {"id", "title", "href"}; read once per process and URL."""
    with _catalogue_lock:
        if catalog_url in _catalogues:
            return _catalogues[catalog_url]
    progress = progress or Progress()
    root = json_or_raise(http.request("GET", catalog_url, progress=progress))
    children = _links(root, "child")
    found: List[dict] = []
    for number, link in enumerate(children):
        progress.check()
        progress.report(number / max(1, len(children)), tr("Reading the Earth Engine catalogue…"))
        href = urljoin(catalog_url, link["href"])
        provider = json_or_raise(http.request("GET", href, progress=progress))
        for dataset in _links(provider, "child"):
            found.append({"id": dataset.get("title") or dataset["href"].rsplit("/", 1)[-1][:-5],
                          "title": dataset.get("gee:title") or dataset.get("title") or "",
                          "href": urljoin(href, dataset["href"]), "provider": provider.get("title", "")})
    with _catalogue_lock:
        _catalogues[catalog_url] = found
    return found


def search_catalogue(http, catalog_url: str, text: str, progress: Optional[Progress] = None,
                     limit: int = 200) -> List[Item]:
    """Datasets whose id, title or provider contain every word of `text` (case ignored)."""
    words = [w.lower() for w in text.split()]
    items = []
    for entry in catalogue_index(http, catalog_url, progress):
        haystack = " ".join((entry["id"], entry["title"], entry["provider"])).lower()
        if all(word in haystack for word in words):
            items.append(Item(id=entry["id"], properties={"type": "", "title": entry["title"] or entry["id"],
                                                          "href": entry["href"], "catalogue": True},
                              provider="earth_engine"))
            if len(items) >= limit:
                break
    return items


def dataset_item(http, item: Item, progress: Optional[Progress] = None) -> Item:
    """A catalogue dataset's own page (STAC Collection) read into the item: type, dates, bands, thumbnail."""
    collection = json_or_raise(http.request("GET", item.properties["href"], progress=progress))
    interval = (((collection.get("extent") or {}).get("temporal") or {}).get("interval") or [[None, None]])[0]
    bands = [b.get("name") for b in (collection.get("summaries") or {}).get("eo:bands") or [] if b.get("name")]
    bbox = (((collection.get("extent") or {}).get("spatial") or {}).get("bbox") or [None])[0]
    properties = dict(item.properties, type=str(collection.get("gee:type") or "").upper(),
                      title_long=collection.get("title") or "", start=interval[0], end=interval[1],
                      bands=bands, band_ids=bands, description=(collection.get("description") or "")[:600])
    assets = {}
    for link in _links(collection, "preview") + [a for a in (collection.get("assets") or {}).values()
                                                  if "thumbnail" in (a.get("roles") or [])]:
        assets["thumbnail"] = Asset(link["href"], roles=["thumbnail"], media_type=link.get("type", ""))
        break
    geometry = None
    if bbox and len(bbox) == 4:
        w, s, e, n = bbox
        geometry = {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}
    return Item(id=item.id, geometry=geometry, datetime=interval[0], properties=properties, assets=assets,
                provider="earth_engine")


def forget_catalogues() -> None:
    with _catalogue_lock:
        _catalogues.clear()
