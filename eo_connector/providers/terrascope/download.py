"""Download plans for Terrascope products: which files, where they go, how big they are.

Layout of terracatalogueclient: <folder>/<product id after the last ':'>/<file name of the href>, so a folder filled
by either tool is resumed by the other. WMS preview links are map services, not files: never in a plan. Run a plan
with core.download.Downloader(http, head_first=True) (HEAD then GET, as the real client) and a bearer token per
request (`with_bearer`, `bearer_refresher`).
"""

import dataclasses
from typing import TYPE_CHECKING, Callable, Iterable, List, Sequence, Tuple
from urllib.parse import urlsplit

from ...core.errors import InvalidInput
from ...core.i18n import tr
from ...core.models import DownloadEntry, Item
from .products import href_basename, short_id

if TYPE_CHECKING:  # the sign-in (requests) is imported when a download runs, not when QGIS starts
    from .oidc import TokenKeeper

FILE_TYPES = ("data", "related", "previews", "alternates")


def download_plan(items: Sequence[Item], file_types: Iterable[str]) -> List[DownloadEntry]:
    """The files of `items` whose kind is in `file_types` (see FILE_TYPES), product by product, in catalogue order.

    InvalidInput for an unknown kind, and for files only reachable another way than HTTP (accessedFrom=MEP gives
    file:// paths on the Terrascope servers, S3 gives s3:// keys)."""
    wanted = list(dict.fromkeys(file_types))
    unknown = [kind for kind in wanted if kind not in FILE_TYPES]
    if unknown:
        raise InvalidInput(tr("Unknown kind of product file: {kinds}. Choose among: {choices}.",
                              kinds=", ".join(map(str, unknown)), choices=", ".join(FILE_TYPES)))
    plan: List[DownloadEntry] = []
    for item in items:
        folder = item.properties.get("short_id") or short_id(item.id)
        for asset in item.assets.values():
            if not asset.roles or asset.roles[0] not in wanted or "wms" in asset.roles:
                continue
            if urlsplit(asset.href).scheme.lower() not in ("http", "https"):
                raise InvalidInput(tr("The files of {product} are not offered for download over the web ({href}); "
                                      "search again without accessedFrom, or with accessedFrom=HTTP.",
                                      product=folder, href=asset.href[:120]))
            name = asset.path or href_basename(asset.href)
            plan.append(DownloadEntry(url=asset.href, relative_path=f"{folder}/{name}", size=asset.size,
                                      checksum=asset.checksum))
    return plan


def plan_totals(plan: Sequence[DownloadEntry]) -> Tuple[int, int]:
    """(total advertised bytes, number of files) of a plan, for the confirmation before it starts. Files without an
    advertised length count as 0 bytes."""
    return sum(entry.size or 0 for entry in plan), len(plan)


def with_bearer(plan: Sequence[DownloadEntry], token: str) -> List[DownloadEntry]:
    """The plan with `Authorization: Bearer <token>` on every request (never logged by the downloader)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return [dataclasses.replace(entry, headers={**(entry.headers or {}), **headers}) for entry in plan]


def bearer_refresher(keeper: "TokenKeeper") -> Callable[[DownloadEntry], DownloadEntry]:
    """The Downloader's `refresh`: after a 401 the entry comes back with a renewed token (refreshed once for all the
    parallel files that met the same expiry)."""
    def refresh(entry: DownloadEntry) -> DownloadEntry:
        sent = (entry.headers or {}).get("Authorization", "")
        stale = sent[len("Bearer "):] if sent.startswith("Bearer ") else ""
        token = keeper.force_refresh(stale)
        return dataclasses.replace(entry, headers={**(entry.headers or {}), "Authorization": f"Bearer {token}"})

    return refresh
