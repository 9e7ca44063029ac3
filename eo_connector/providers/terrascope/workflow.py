"""Downloading chosen Terrascope products as one resumable job.

The plan (urls, relative paths, advertised lengths) is written into the JobRecord when the job is created: nothing
secret is in it (the bearer token is added per request), and following the job again after QGIS closed resumes the
same files in the same folder. Files land as <output folder>/<product id after the last ':'>/<file name>, the layout
of terracatalogueclient, so a folder filled by either tool is resumed by the other.
"""

import os
from typing import Callable, Iterable, List, Optional, Sequence

from ...core.download import Downloader
from ...core.errors import InvalidInput
from ...core.i18n import tr
from ...core.models import DownloadEntry, Item, JobRecord
from ...core.progress import Progress
from . import PLATFORM
from .download import FILE_TYPES, bearer_refresher, download_plan, with_bearer

KIND = "download"


def new_download_record(connection_id: str, items: Sequence[Item], file_types: Iterable[str],
                        output_dir: str, collection_title: str = "") -> JobRecord:
    """Check the choice locally and describe the job; nothing is fetched yet."""
    items = list(items)
    file_types = [kind for kind in FILE_TYPES if kind in set(file_types)]
    if not items:
        raise InvalidInput(tr("Select at least one product to download."))
    if not file_types:
        raise InvalidInput(tr("Choose at least one kind of file to download."))
    if not output_dir:
        raise InvalidInput(tr("Choose a folder to download into."))
    plan = download_plan(items, file_types)
    if not plan:
        raise InvalidInput(tr("The selected products have no files of the chosen kinds."))
    collection = collection_title or items[0].collection.rsplit(":", 1)[-1]  # its title when the caller knows it
    collection = collection or "Terrascope"
    title = (tr("1 product of {collection}", collection=collection) if len(items) == 1
             else tr("{count} products of {collection}", count=len(items), collection=collection))
    record = JobRecord(platform=PLATFORM, kind=KIND, title=title, connection_id=connection_id,
                       output_dir=os.path.abspath(output_dir))
    record.params = {
        "collection": items[0].collection,
        "file_types": file_types,
        "products": [item.properties.get("short_id") or item.id for item in items],
        "plan": [{"url": e.url, "relative_path": e.relative_path, "size": e.size} for e in plan],
    }
    return record


def plan_of(record: JobRecord) -> List[DownloadEntry]:
    return [DownloadEntry(p["url"], p["relative_path"], p.get("size")) for p in record.params.get("plan", [])]


def run_download(client, record: JobRecord, progress: Progress, *,
                 on_change: Callable[[JobRecord], None] = lambda record: None,
                 downloader: Optional[Downloader] = None) -> List[str]:
    """Download (or resume) the record's plan with the client's bearer token; returns the files written."""
    keeper = client.tokens
    plan = plan_of(record)
    if keeper is not None:
        plan = with_bearer(plan, keeper.bearer())
    downloader = downloader or Downloader(client.http, head_first=True)
    progress.report(0.0, tr("Downloading {count} files", count=len(plan)))
    # A refused file gets a renewed token (it may have expired during a long download), then is asked again.
    files = downloader.download(plan, record.output_dir, progress,
                                refresh=bearer_refresher(keeper) if keeper is not None else None)
    record.outputs = files
    record.remote["downloaded"] = True
    on_change(record)
    progress.report(1.0, tr("1 file downloaded") if len(files) == 1
                    else tr("{count} files downloaded", count=len(files)))
    return files
