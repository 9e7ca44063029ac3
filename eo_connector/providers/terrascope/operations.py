"""The jobs of a Terrascope connection: a product search (its products become a footprints layer) and a download of
chosen product files (loaded as layers, one group per product). Both are also Processing algorithms."""

import datetime as dt
from typing import Any, Dict, List

from ...core.errors import InvalidInput
from ...core.i18n import number, tr
from ...core.models import Connection, Item, JobRecord
from ...core.platform import Field, FieldKind, Operation, items_field, parse_items
from . import PLATFORM
from .download import FILE_TYPES, download_plan, plan_totals

DEFAULT_LIMIT = 1000


def file_type_names():
    return {"data": tr("Data"), "related": tr("Related (quality layers)"), "previews": tr("Previews"),
            "alternates": tr("Metadata (alternates)")}


def search_fields() -> List[Field]:
    """The filters of a product search with terracatalogueclient's names (besides the collection and the AOI)."""
    return [
        Field("start", tr("Start date"), FieldKind.DATE, None),
        Field("end", tr("End date"), FieldKind.DATE, None),
        Field("cloudCover", tr("Maximum cloud cover (%)"), FieldKind.INT, 100, minimum=0, maximum=100),
        Field("productType", tr("Product type"), FieldKind.TEXT, "", advanced=True),
        Field("relativeOrbitNumber", tr("Relative orbit (0 = any)"), FieldKind.INT, 0, minimum=0, advanced=True),
        Field("orbitDirection", tr("Orbit direction"), FieldKind.CHOICE, "",
              (("", tr("Any direction")), ("ASCENDING", tr("Ascending")), ("DESCENDING", tr("Descending"))),
              advanced=True),
        Field("tileId", tr("Tile id"), FieldKind.TEXT, "", placeholder=tr("e.g. 31UFS"), advanced=True),
        Field("productGroupId", tr("Product group"), FieldKind.TEXT, "", advanced=True),
    ]


def filters_from_values(values: Dict[str, Any]) -> Dict[str, Any]:
    """Field values -> terracatalogueclient filters (empty and "any" values left out; dates checked in order)."""
    found = {}
    for field in search_fields():
        value = values.get(field.name)
        if value in (None, "", 0) or (field.name == "cloudCover" and value in (100, 100.0)):
            continue
        found[field.name] = value
    start, end = found.get("start"), found.get("end")
    if start and end and str(start) > str(end):
        raise InvalidInput(tr("The start date is after the end date: swap them."))
    for name in ("start", "end"):
        if isinstance(found.get(name), dt.datetime):
            found[name] = found[name].date().isoformat()
    return found


class SearchOperation(Operation):
    kind = "search"
    output = "items"
    processing_name = "terrascope_search"

    @property
    def title(self):
        return tr("Terrascope product search")

    @property
    def help(self):
        return tr("Searches a Terrascope collection over the area of interest with the given filters and writes "
                  "the products found as a footprints layer whose fields are the product properties (id, title, "
                  "date, cloud cover, tile, orbit, files). Feed it to “Terrascope download” to fetch their files.")

    def fields(self):
        return [Field("collection", tr("Collection id"), FieldKind.TEXT, "urn:eop:VITO:TERRASCOPE_S2_TOC_V2",
                      required=True),
                Field("aoi", tr("Area of interest"), FieldKind.AOI)] + search_fields() + [
                Field("limit", tr("At most this many products"), FieldKind.INT, DEFAULT_LIMIT, minimum=1)]

    def new_record(self, connection: Connection, values: Dict[str, Any]) -> JobRecord:
        from ...core.aoi import AOI  # shapely: when a search is asked for, never when QGIS starts

        collection = str(values.get("collection") or "").strip()
        if not collection:
            raise InvalidInput(tr("Choose a collection to search."))
        aoi = values.get("aoi")
        filters = filters_from_values(values)
        limit = int(values.get("limit") or DEFAULT_LIMIT)
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id,
                           title=tr("Search in {collection}", collection=collection.rsplit(":", 1)[-1]))
        record.params = {"collection": collection, "filters": filters, "limit": limit,
                         "aoi_wkt": aoi.wkt() if isinstance(aoi, AOI) else "",
                         "aoi_source": aoi.source if isinstance(aoi, AOI) else ""}
        return record

    def describe(self, record):
        return tr("Terrascope search: {name}", name=record.title)

    def run(self, client, record, progress, on_change, poll_interval=5.0) -> List[Item]:
        from ...core.aoi import aoi_from_wkt

        params = record.params
        filters = dict(params.get("filters") or {})
        if params.get("aoi_wkt"):
            filters["geometry"] = aoi_from_wkt(params["aoi_wkt"], params.get("aoi_source") or "").wkt()
        items: List[Item] = []
        for page in client.search(params["collection"], limit=params.get("limit"), progress=progress, **filters):
            progress.check()
            items.extend(page.items)
        record.remote["found"] = len(items)
        progress.report(1.0, tr("1 product found") if len(items) == 1
                        else tr("{count} products found", count=number(len(items))))
        return items


class DownloadOperation(Operation):
    kind = "download"
    processing_name = "terrascope_download"
    group_per_folder = True

    @property
    def title(self):
        return tr("Terrascope download")

    @property
    def help(self):
        return tr("Downloads the chosen kinds of files of the products (e.g. the output of “Terrascope product "
                  "search”, or features selected in it) into <folder>/<product id>/<file>, in parallel and resumable, "
                  "sizes checked, and loads the rasters and vectors as layers, one group per product.")

    def fields(self):
        return [items_field("items", tr("Products (a footprints layer of a search)")),
                Field("file_types", tr("Files to download"), FieldKind.CHOICES, ("data",),
                      tuple((kind, file_type_names()[kind]) for kind in FILE_TYPES), required=True),
                Field("output_dir", tr("Download folder"), FieldKind.FOLDER, required=True)]

    def new_record(self, connection, values):
        from .workflow import new_download_record

        file_types = values.get("file_types") or ()
        if isinstance(file_types, str):
            file_types = [kind.strip() for kind in file_types.split(",") if kind.strip()]
        return new_download_record(connection.id, parse_items(values.get("items")), file_types,
                                   str(values.get("output_dir") or ""),
                                   collection_title=str(values.get("collection_title") or ""))

    def describe(self, record):
        return tr("Terrascope download: {name}", name=record.title)

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        from .workflow import run_download

        return run_download(client, record, progress, on_change=on_change)

    def estimate(self, values):
        file_types = values.get("file_types") or ()
        plan = download_plan(parse_items(values.get("items")), file_types) if file_types else []
        size, count = plan_totals(plan)
        return size, count, sum(1 for entry in plan if entry.size is None)

    def cancel_note(self, record):
        return tr("The download stops; the files already downloaded are kept and Follow again resumes the others "
                  "where they stopped.")
