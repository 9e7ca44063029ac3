"""Terrascope OpenSearch features mapped onto the core models (and the collection record).

Products become provider-neutral `Item`s: the results browser, footprints layer, previews and downloads work on
these keys only ("title", "datetime", "cloud_cover", "tile", "orbit", ...; see item_from_feature).
A search may bring thousands of items into QGIS's process: each keeps few Python containers (coordinates as tuples,
no copy of the original properties), so the garbage collector's full passes stay short on the GUI thread.
"""

import posixpath
from typing import Dict, List, Optional
from urllib.parse import parse_qs, unquote, urlsplit

from ...core.models import Asset, Collection, Item, Page
from ...core.timestamps import iso_utc_seconds
from . import PLATFORM

LINK_GROUPS = ("data", "related", "previews", "alternates")


# The catalogue's collections and pages are the shared core models.
CatalogueCollection = Collection
ProductPage = Page


def collection_from_feature(feature: dict) -> CatalogueCollection:
    properties = feature.get("properties") or {}
    start, end = _date_range(properties.get("date"))
    return CatalogueCollection(
        id=str(feature.get("id") or properties.get("identifier") or ""),
        title=str(properties.get("title") or feature.get("id") or ""),
        abstract=str(properties.get("abstract") or ""),
        platform=", ".join(_platforms(properties)),
        start=start,
        end=end,
        geometry=feature.get("geometry"),
        bbox=feature.get("bbox"),
        properties=properties,
    )


def item_from_feature(feature: dict, collection: str = "") -> Item:
    """An Item from a product feature (protocols/terrascope.md D.5); unknown or missing fields become None / ""."""
    properties = feature.get("properties") or {}
    product_id = str(feature.get("id") or properties.get("identifier") or "")
    acquisition = _acquisition_parameters(properties)
    information = properties.get("productInformation") or {}
    begin = iso_utc_seconds(acquisition.get("beginningDateTime")) or _date_range(properties.get("date"))[0]
    assets = _assets(properties.get("links") or {})
    data_sizes = [a.size for a in assets.values() if a.roles[:1] == ["data"] and a.size is not None]
    platforms = _platforms(properties)
    neutral = {
        "title": str(properties.get("title") or product_id),
        "datetime": begin,
        "end_datetime": iso_utc_seconds(acquisition.get("endingDateTime")),
        "cloud_cover": _number(information.get("cloudCover")),
        "tile": str(acquisition.get("tileId") or ""),
        "orbit": acquisition.get("relativeOrbitNumber"),
        "orbit_direction": str(acquisition.get("orbitDirection") or ""),
        "platform": platforms[0] if platforms else "",
        "product_type": str(information.get("productType") or ""),
        "size": sum(data_sizes) if data_sizes else None,
        "short_id": short_id(product_id),
    }
    return Item(
        id=product_id,
        geometry=_frozen(feature.get("geometry")),
        datetime=begin,
        properties=neutral,
        assets=assets,
        collection=collection or str(properties.get("parentIdentifier") or ""),
        provider=PLATFORM,
    )


def _frozen(value):
    """GeoJSON with its coordinate lists turned into tuples (tuples of numbers are not tracked by the GC)."""
    if isinstance(value, dict):
        return {key: _frozen(inner) for key, inner in value.items()}
    if isinstance(value, list):
        if value and not isinstance(value[0], (list, dict)):
            return tuple(value)  # a position: numbers only
        return tuple(map(_frozen, value))
    return value


def short_id(product_id: str) -> str:
    """The product id after its last ':' (the folder terracatalogueclient downloads a product into)."""
    return product_id.rsplit(":", 1)[-1]


def href_basename(href: str) -> str:
    """The file name of an href (its path's last part, without query or fragment), as
    unquote(posixpath.basename(urlsplit(href).path)) gives it, without parsing the whole URL (thousands per search)."""
    rest = href.split("#", 1)[0].split("?", 1)[0]
    scheme_end = rest.find("://")
    if scheme_end > 0 and rest[:scheme_end].isalnum():
        slash = rest.find("/", scheme_end + 3)
        rest = rest[slash:] if slash >= 0 else ""
    name = posixpath.basename(rest)
    return unquote(name) if "%" in name else name


def is_wms_link(link: dict) -> bool:
    """A WMS GetMap URL among the previews: a map service to add as a layer, not a file to download."""
    if str(link.get("title") or "").strip().upper() == "WMS":
        return True
    query = {k.lower(): v for k, v in parse_qs(urlsplit(str(link.get("href") or "")).query).items()}
    return any(value.upper() == "WMS" for value in query.get("service", []))


# -- internals ---------------------------------------------------------------------------------------------------

def _assets(links: dict) -> Dict[str, Asset]:
    assets: Dict[str, Asset] = {}
    for group in LINK_GROUPS:
        for number, link in enumerate(links.get(group) or [], start=1):
            if not isinstance(link, dict) or not link.get("href"):
                continue
            href = str(link["href"])
            media_type = str(link.get("type") or "")
            roles = [group]
            path = href_basename(href)
            if group == "previews":
                if is_wms_link(link):
                    roles.append("wms")
                    path = ""
                elif media_type.lower().startswith("image/"):
                    roles.append("thumbnail")
            assets[f"{group}-{number}"] = Asset(
                href=href,
                title=str(link.get("title") or link.get("category") or path or group),
                media_type=media_type,
                roles=roles,
                size=_length(link.get("length")),
                path=path,
            )
    return assets


def _acquisition_parameters(properties: dict) -> dict:
    """The first acquisitionParameters block: it sits with `platform` or in an element of its own."""
    for element in properties.get("acquisitionInformation") or []:
        if isinstance(element, dict) and isinstance(element.get("acquisitionParameters"), dict):
            return element["acquisitionParameters"]
    return {}


def _platforms(properties: dict) -> List[str]:
    names = []
    for element in properties.get("acquisitionInformation") or []:
        platform = element.get("platform") if isinstance(element, dict) else None
        name = platform.get("platformShortName") if isinstance(platform, dict) else None
        if name and name not in names:
            names.append(str(name))
    return names


def _date_range(value):
    """OpenSearch `date` "start/end" (either side may be empty) -> (start, end) ISO strings or None."""
    if not value:
        return None, None
    start, _, end = str(value).partition("/")
    return iso_utc_seconds(start), iso_utc_seconds(end)


def _number(value) -> Optional[float]:
    try:
        return None if value is None or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def _length(value) -> Optional[int]:
    try:
        return None if value is None or isinstance(value, bool) else int(value)
    except (TypeError, ValueError):
        return None
