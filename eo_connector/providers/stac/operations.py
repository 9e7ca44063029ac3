"""Jobs every STAC-based platform shares (the plain STAC API and RS-Server's catalogue): an item search (its items
become a footprints layer) and a download of chosen assets of items (loaded as layers, one group per item). Both are
also Processing algorithms and console calls. The client of the platform gives `stac_search(...)` (pages) and
`asset_headers(href)` (the credentials for one asset URL)."""

import os
from typing import Any, Dict, List, Sequence, Tuple
from urllib.parse import urlsplit

from ...core.errors import InvalidInput
from ...core.i18n import number, tr
from ...core.models import DownloadEntry, Item, JobRecord
from ...core.platform import Field, FieldKind, Operation, items_field, parse_items
from .filters import search_body
from .items import ALTERNATES

ROLES = ("data", "metadata", "thumbnail", "overview", "other")
DEFAULT_MAX_ITEMS = 1000


def role_names():
    return {"data": tr("Data"), "metadata": tr("Metadata"), "thumbnail": tr("Thumbnails"),
            "overview": tr("Overviews"), "other": tr("Other files")}


def asset_role(asset) -> str:
    roles = asset.roles or []
    return next((r for r in ROLES if r in roles), "other" if roles else "data")


def download_plan(items: Sequence[Item], roles, asset_keys=()) -> Tuple[List[DownloadEntry], List[str]]:
    """(the plan, the sentences about assets left out). Assets are chosen by role (or by key when asset_keys is
    given); an s3:// asset is fetched by its https alternate when it has one, else left out with a sentence."""
    wanted, keys = set(roles or ()), set(asset_keys or ())
    plan, skipped = [], []
    for item in items:
        alternates = item.properties.get(ALTERNATES) or {}
        for key, asset in item.assets.items():
            if (keys and key not in keys) or (not keys and asset_role(asset) not in wanted):
                continue
            href = asset.href
            if urlsplit(href).scheme not in ("http", "https"):
                https = next((h for h in (alternates.get(key) or {}).values() if h.startswith(("http:", "https:"))),
                             None)
                if https is None:
                    skipped.append(tr("{item}/{asset} is only in S3 storage ({href}): it is left out; open it as a "
                                      "layer where S3 credentials are set up.", item=item.id, asset=key,
                                      href=href[:100]))
                    continue
                href = https
            name = asset.path or href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or key
            plan.append(DownloadEntry(url=href, relative_path=f"{_folder(item.id)}/{name}", size=asset.size,
                                      checksum=asset.checksum))
    return plan, skipped


def _folder(item_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_.:" else "_" for c in item_id).replace(":", "_") or "item"


class StacSearchOperation(Operation):
    kind = "search"
    output = "items"

    def __init__(self, platform_id: str, processing_name: str, title: str, service: str = "catalog"):
        self.platform_id, self.processing_name, self._title, self.service = (platform_id, processing_name, title,
                                                                             service)

    @property
    def title(self):
        return self._title

    @property
    def help(self):
        return tr("Searches a STAC collection over the area of interest (dates, ids, a CQL2-JSON filter, sort) and "
                  "writes the items found as a footprints layer; feed it to the asset download to fetch their files.")

    def fields(self):
        from .filters import fixed_fields

        return [Field("collection", tr("Collection id"), FieldKind.TEXT, "", required=True),
                Field("aoi", tr("Area of interest"), FieldKind.AOI)] + [
            f for f in fixed_fields() if f.name != "limit"] + [
            Field("max_items", tr("At most this many items"), FieldKind.INT, DEFAULT_MAX_ITEMS, minimum=1)]

    def new_record(self, connection, values: Dict[str, Any]) -> JobRecord:
        from .filters import fixed_fields

        collection = str(values.get("collection") or "").strip()
        if not collection:
            raise InvalidInput(tr("Choose a collection to search."))
        from ...core.aoi import AOI  # shapely: when a search is made, never when QGIS starts

        aoi = values.get("aoi") if isinstance(values.get("aoi"), AOI) else None
        body = search_body(collection, values, fixed_fields(), None)
        record = JobRecord(platform=self.platform_id, kind=self.kind, connection_id=connection.id,
                           title=tr("Search in {collection}", collection=collection))
        record.params = {"collection": collection, "body": body, "method": values.get("method") or None,
                         "max_items": int(values.get("max_items") or DEFAULT_MAX_ITEMS),
                         "aoi_wkt": aoi.wkt() if aoi else "", "aoi_source": aoi.source if aoi else "",
                         "service": self.service}
        return record

    def run(self, client, record, progress, on_change, poll_interval=5.0) -> List[Item]:
        params = record.params
        body = dict(params["body"])
        if params.get("aoi_wkt"):
            from ...core.aoi import aoi_from_wkt

            body["intersects"] = aoi_from_wkt(params["aoi_wkt"], params.get("aoi_source") or "").to_geojson()
        items: List[Item] = []
        for page in client.stac_search(params["collection"], body, method=params.get("method"),
                                       max_items=params.get("max_items"), progress=progress,
                                       service=params.get("service", "catalog")):
            items.extend(page.items)
            total = page.total or len(items)
            progress.report(len(items) / max(total, 1), tr("{count} of {total} items", count=number(len(items)),
                                                           total=number(total)))
        record.remote["found"] = len(items)
        progress.report(1.0, tr("1 item found") if len(items) == 1
                        else tr("{count} items found", count=number(len(items))))
        return items


class AssetDownloadOperation(Operation):
    kind = "download"
    group_per_folder = True

    def __init__(self, platform_id: str, processing_name: str, title: str):
        self.platform_id, self.processing_name, self._title = platform_id, processing_name, title

    @property
    def title(self):
        return self._title

    @property
    def help(self):
        return tr("Downloads the chosen assets of the items (e.g. a STAC search's footprints layer, or features "
                  "selected in it) into <folder>/<item id>/<file>, in parallel and resumable, sizes checked, and "
                  "loads the rasters and vectors as layers, one group per item. Assets only in S3 storage are left "
                  "out with a sentence.")

    def fields(self):
        return [items_field("items", tr("Items (a footprints layer of a search)")),
                Field("file_types", tr("Assets to download"), FieldKind.CHOICES, ("data",),
                      tuple((role, role_names()[role]) for role in ROLES), required=True),
                Field("output_dir", tr("Download folder"), FieldKind.FOLDER, required=True)]

    def new_record(self, connection, values):
        items = parse_items(values.get("items"))
        roles = values.get("file_types") or ()
        if isinstance(roles, str):
            roles = [r.strip() for r in roles.split(",") if r.strip()]
        keys = values.get("asset_keys") or ()
        if not items:
            raise InvalidInput(tr("Select at least one item to download."))
        if not values.get("output_dir"):
            raise InvalidInput(tr("Choose a folder to download into."))
        plan, skipped = download_plan(items, roles, keys)
        if not plan:
            raise InvalidInput(" ".join(skipped) or tr("The selected items have no assets of the chosen kinds."))
        collection = items[0].collection or self.platform_id
        record = JobRecord(platform=self.platform_id, kind=self.kind, connection_id=connection.id,
                           title=(tr("1 item of {collection}", collection=collection) if len(items) == 1 else
                                  tr("{count} items of {collection}", count=len(items), collection=collection)),
                           output_dir=os.path.abspath(str(values["output_dir"])))
        record.params = {"plan": [entry.to_dict() for entry in plan], "skipped": skipped,
                         "items": [item.id for item in items]}
        return record

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        plan = []
        for data in record.params.get("plan", []):
            entry = DownloadEntry.from_dict(data)
            entry.headers = {**(entry.headers or {}), **client.asset_headers(entry.url)}
            plan.append(entry)
        progress.report(0.0, tr("Downloading {count} files", count=len(plan)))
        from ...core.download import Downloader  # the HTTP stack: when a download runs

        files = Downloader(client.http, head_first=False).download(plan, record.output_dir, progress)
        record.outputs = files
        skipped = record.params.get("skipped") or []
        record.remote["downloaded"] = len(files)
        on_change(record)
        message = tr("1 file downloaded") if len(files) == 1 else tr("{count} files downloaded", count=len(files))
        if skipped:
            message = tr("{message}; {skipped} left out (only in S3 storage)", message=message, skipped=len(skipped))
        progress.report(1.0, message)
        return files

    def estimate(self, values):
        plan, _skipped = download_plan(parse_items(values.get("items")), values.get("file_types") or (),
                                       values.get("asset_keys") or ())
        return (sum(e.size or 0 for e in plan), len(plan), sum(1 for e in plan if e.size is None))
