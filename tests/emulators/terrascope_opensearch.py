"""OpenSearch GeoJSON answers of the Terrascope emulator (protocols/terrascope.md D.4-D.5): features, paging
envelopes with absolute first/previous/next/last links (lists of link objects), ExceptionReports.

Paging: startIndex is 1-based, `count` defaults to the page size. Only the first `max_results` results are
navigable (the real server's depth cap, 100,000): a page reaching past it is refused, and `last`/`next` never
point beyond startIndex max_results - count + 1. totalResults is never capped. itemsPerPage is the number of
features on the page (0 past the end). count=0 answers totalResults without features or paging links.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from urllib.parse import urlencode

from tests.emulators.faults import Response, json_response
from tests.emulators.terrascope_catalogue import CollectionSpec, ProductTable, footprint_geojson, iso
from tests.emulators.terrascope_query import SearchError, SearchRefused

GEOJSON = "application/geo+json"
_SHAPES: dict[tuple[str, int], tuple[str, tuple]] = {}  # (collection, footprint) -> (GeoJSON text, bounds)


def exception_report(refusal: SearchRefused, headers: dict[str, str] | None = None) -> Response:
    body = {"type": "ExceptionReport", "exceptions": [error.json() for error in refusal.errors]}
    return json_response(refusal.status, body, headers)


def check_depth(start_index: int, count: int, max_results: int) -> None:
    """Refuse a page that reaches past the navigable depth, as the real server does."""
    if count and start_index + count - 1 > max_results:
        raise SearchRefused([SearchError(
            "InvalidParameterValue", "startIndex",
            f"Paging is limited to the first {max_results} results (startIndex + count - 1 = "
            f"{start_index + count - 1}); narrow down the search")])


def file_href(base_url: str, spec: CollectionSpec, when: datetime, title: str, name: str,
              accessed_from: str) -> str:
    if accessed_from == "MEP":
        return f"file:///data/MTDA/{spec.short}/{when:%Y/%m/%d}/{title}/{name}"
    if accessed_from == "S3":
        return f"s3://{spec.short.lower().replace('_', '-')}/{when:%Y/%m/%d}/{title}/{name}"
    return f"{base_url}/download/{spec.short}/{title}/{name}"


def wms_href(base_url: str, spec: CollectionSpec, footprint: int, when: datetime) -> str:
    west, south, east, north = _shape(spec, footprint)[1]
    return (f"{base_url}/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS={spec.wms_layer}&STYLES="
            f"&CRS=EPSG:4326&BBOX={south},{west},{north},{east}&WIDTH=512&HEIGHT=512&FORMAT=image/png"
            f"&TRANSPARENT=true&TIME={when:%Y-%m-%d}")


def _shape(spec: CollectionSpec, footprint: int) -> tuple[str, tuple[float, float, float, float]]:
    """A footprint's GeoJSON geometry as JSON text (json.loads copies it fast) and its bounds."""
    key = (spec.id, footprint)
    if key not in _SHAPES:
        polygon = spec.footprints[footprint].polygon
        _SHAPES[key] = json.dumps(footprint_geojson(spec.footprints[footprint])), polygon.bounds
    return _SHAPES[key]


def product_feature(table: ProductTable, i: int, base_url: str, accessed_from: str = "HTTP") -> dict:
    spec = table.spec
    i = int(i)
    footprint_number = int(table.footprint[i])
    footprint = spec.footprints[footprint_number]
    when = table.when(i)
    stem = spec.stem(spec.serials[table.serial[i]], when, footprint)
    title = spec.title_for(stem)
    geometry, bounds = _shape(spec, footprint_number)
    begin, end = iso(when), iso(int(table.end_ms[i]))
    published, updated = iso(int(table.published_ms[i])), iso(int(table.updated_ms[i]))
    links: dict[str, list] = {"data": [], "related": [], "previews": [], "alternates": []}
    for file in spec.files:
        link = {"href": file_href(base_url, spec, when, title, stem + file.suffix, accessed_from),
                "type": file.media_type,
                "length": table.length(i, file)}
        if file.title:
            link["title"] = file.title
        if file.category:
            link["category"] = file.category
        links[file.role].append(link)
    links["previews"].append({"href": wms_href(base_url, spec, footprint_number, when), "type": "image/png",
                              "title": "WMS",
                              "category": "QUICKLOOK"})
    platform = {"platformShortName": spec.platform, "platformSerialIdentifier": spec.serials[table.serial[i]]}
    parameters = {"acquisitionType": "NOMINAL",
                  "orbitDirection": "ASCENDING" if table.ascending[i] else "DESCENDING",
                  "orbitNumber": 10000 + 143 * (i // 2) % 50000, "relativeOrbitNumber": int(table.orbit[i]),
                  "beginningDateTime": begin, "endingDateTime": end}
    if spec.has_tile:
        parameters["tileId"] = footprint.name
    instrument = {"instrumentShortName": spec.instrument, "sensorType": spec.sensor_type}
    if spec.platform == "Sentinel-1":  # both layouts occur in real answers: parameters in their own element
        acquisition = [{"platform": platform, "instrument": instrument}, {"acquisitionParameters": parameters}]
    else:
        acquisition = [{"platform": platform, "instrument": instrument, "acquisitionParameters": parameters}]
    group = f"{spec.serials[table.serial[i]]}_{when:%Y%m%d}_R{int(table.orbit[i]):03d}"
    information = {"productType": spec.product_type, "productVersion": spec.version, "availabilityTime": published,
                   "processingCenter": "VITO", "processingDate": published, "productGroupId": group}
    if spec.has_cloud:
        information["cloudCover"] = float(table.cloud[i])
    return {
        "type": "Feature",
        "id": f"{spec.id}:{title}",
        "geometry": json.loads(geometry),
        "bbox": list(bounds),
        "properties": {
            "date": begin, "updated": updated, "available": published, "published": published,
            "status": "ARCHIVED", "parentIdentifier": spec.id, "title": title, "identifier": f"{spec.id}:{title}",
            "acquisitionInformation": acquisition,
            "productInformation": information,
            "additionalAttributes": {"resolution": spec.resolution, "missingDataPercentage": i % 11},
            "links": links,
        },
    }


def collection_feature(spec: CollectionSpec, bounds: tuple, base_url: str, count: int) -> dict:
    west, south, east, north = bounds
    search = f"{base_url}/catalogue/products?{urlencode({'collection': spec.id})}"
    return {
        "type": "Feature",
        "id": spec.id,
        "geometry": {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                          [west, north], [west, south]]]},
        "bbox": [west, south, east, north],
        "properties": {
            "title": spec.title, "identifier": spec.id, "abstract": spec.abstract,
            "date": f"{iso(spec.start)}/{iso(spec.end)}", "updated": iso(spec.end), "lang": "en",
            "acquisitionInformation": [{"platform": {"platformShortName": spec.platform},
                                        "instrument": {"instrumentShortName": spec.instrument,
                                                       "sensorType": spec.sensor_type}}],
            "productInformation": {"productType": spec.product_type, "productVersion": spec.version},
            "additionalAttributes": {"resolution": spec.resolution, "numberOfProducts": count},
            "keyword": [spec.platform, spec.instrument, spec.product_type],
            "links": {"search": [{"href": search, "type": GEOJSON, "title": "Product search"}],
                      "previews": [{"href": f"{base_url}/wms?SERVICE=WMS&REQUEST=GetCapabilities",
                                    "type": "application/xml", "title": "WMS"}]},
        },
    }


class Page:
    """The slice of a result list a request asks for, and its links."""

    def __init__(self, total: int, start_index: int, count: int, max_results: int) -> None:
        self.total, self.start, self.count = total, start_index, count
        navigable = min(total, max_results)
        if count == 0:
            self.first = self.last = self.next = self.previous = None
            self.stop = start_index - 1
            return
        self.stop = min(start_index - 1 + count, navigable)  # exclusive end, 0-based
        self.first = 1
        self.last = min(((max(navigable, 1) - 1) // count) * count + 1, max(1, max_results - count + 1))
        following = start_index + count
        self.next = following if following <= navigable and following + count - 1 <= max_results else None
        self.previous = max(1, start_index - count) if start_index > 1 else None

    @property
    def offset(self) -> int:
        return self.start - 1


def envelope(request_url: str, base_path_url: str, pairs: list[tuple[str, str]], page: Page, features: list,
             title: str) -> dict:
    """A FeatureCollection answer; links keep every parameter of the request and set startIndex."""
    def href(start: int) -> str:
        kept = [(k, v) for k, v in pairs if k != "startIndex"] + [("startIndex", str(start))]
        return f"{base_path_url}?{urlencode(kept)}"

    links: dict[str, list] = {}
    for relation in ("first", "previous", "next", "last"):
        start = getattr(page, relation)
        if start is not None:
            links[relation] = [{"href": href(start), "type": GEOJSON, "title": relation}]
    collection = dict(pairs).get("collection")
    description = f"{base_path_url.rsplit('/', 1)[0]}/description.geojson"
    links["search"] = [{"href": description + (f"?{urlencode({'collection': collection})}" if collection else ""),
                        "type": "application/opensearchdescription+xml", "title": "OpenSearch Description"}]
    links["profiles"] = [{"href": "http://www.opengis.net/spec/os-geojson/1.0/req/core"}]
    echo = {k: v for k, v in pairs if k not in ("startIndex", "count")}
    echo["startIndex"] = page.start
    if page.count is not None:
        echo["count"] = page.count
    return {
        "@context": "http://schemas.opengis.net/os-geojson/1.0/os-geojson.jsonld",
        "type": "FeatureCollection",
        "id": request_url,
        "totalResults": page.total,
        "startIndex": page.start,
        "itemsPerPage": len(features),
        "queries": {"request": [echo]},
        "properties": {
            "title": title, "subtitle": f"Number of results: {page.total}", "creator": "VITO OpenSearch Service",
            "updated": iso(datetime.now(timezone.utc)), "lang": "en", "links": links,
        },
        "features": features,
    }
