"""The RS-Server client: its three STAC APIs (catalog, cadip, auxip) on the generic STAC client, the staging
service (OGC API – Processes) and the catalogue writes, all with the connection's key or cookie.

Collection ids as rs-client-libraries writes them: `owner:collection` in paths, `owner_collection` in searches.
"""

from collections import OrderedDict
from typing import Any, Dict, Iterator, List, Optional, Sequence
from urllib.parse import urlsplit

from ...core.errors import EOError, InvalidInput, NotFound, ProtocolError
from ...core.i18n import tr
from ...core.models import Collection, Item, Page
from ...core.progress import Progress
from ..stac.client import StacApi
from ..stac.items import collection_from_stac, item_to_stac
from . import PLATFORM
from .session import Session

JOB_STATES = ("accepted", "running", "successful", "failed", "dismissed")
FINAL_STATES = ("successful", "failed", "dismissed")


def service_errors(session: Session, service: str) -> Dict[int, str]:
    if session.auth == "cookie":
        refused = tr("RS-Server refused the session cookie: it has expired. Sign in to RS-Server in the browser "
                     "again, paste the new cookie in the connection, then search again.")
    else:
        refused = tr("RS-Server refused the API key: it is wrong, revoked or expired. Create a new key and edit the "
                     "connection.")
    return {401: refused,
            403: tr("Your API key has no right on this RS-Server {service} resource (check its roles).",
                    service=service)}


class RsServerClient:
    def __init__(self, http, connection, session: Session):
        self.http, self.connection, self.session = http, connection, session
        self.hosts = {k: str(v).rstrip("/") for k, v in ((connection.options or {}).get("hosts") or {}).items() if v}
        self._apis: Dict[str, StacApi] = {}
        self._owner: Optional[str] = None

    # -- services
    def href_service(self, service: str) -> str:
        """RSPY_HOST_<SERVICE> as rs-client: the service's own root when one is set, else the server URL."""
        href = self.hosts.get(service) or self.connection.url
        if not href:
            raise InvalidInput(tr("RS-Server URL is undefined: edit the connection."))
        return href.rstrip("/")

    def service(self, name: str) -> StacApi:
        """The STAC API of `name` (catalog, cadip or auxip)."""
        if name not in self._apis:
            self._apis[name] = StacApi(self.http, f"{self.href_service(name)}/{name}/", headers=self.headers,
                                       errors=service_errors(self.session, name), provider=PLATFORM,
                                       name=tr("RS-Server {service}", service=name.upper()))
        return self._apis[name]

    @property
    def catalog(self) -> StacApi:
        return self.service("catalog")

    @property
    def cadip(self) -> StacApi:
        return self.service("cadip")

    @property
    def auxip(self) -> StacApi:
        return self.service("auxip")

    def headers(self) -> Dict[str, str]:
        return self.session.headers()

    def asset_headers(self, href: str) -> Dict[str, str]:
        """The key or cookie for an asset URL on one of this server's hosts only (never sent to another host)."""
        netloc = urlsplit(href).netloc
        ours = {urlsplit(self.href_service(s)).netloc for s in ("catalog", "cadip", "auxip", "staging")}
        return self.headers() if netloc in ours else {}

    # -- who
    def owner_id(self, progress: Optional[Progress] = None) -> str:
        if self._owner is None:
            self._owner = self.session.owner_id(progress)
        return self._owner

    def full_collection_id(self, collection: str, sep: str = ":") -> str:
        """`owner:coll` (paths) or `owner_coll` (search) of a short id or of an `owner:coll` id."""
        if ":" in collection:
            owner, short = collection.split(":", 1)
        else:
            owner, short = self.owner_id(), collection
        return f"{owner}{sep}{short}"

    # -- catalogue reading
    def catalog_collections(self, progress: Optional[Progress] = None) -> List[Collection]:
        """The catalogue's collections as `owner:collection` (those the key may read)."""
        found = []
        for data in self.catalog.collections_json(progress):
            owner = data.get("owner") or ""
            short = str(data.get("id") or "")
            if owner and short.startswith(owner + "_"):
                short = short[len(owner) + 1:]
            collection = collection_from_stac(data, PLATFORM)
            collection.id = f"{owner}:{short}" if owner else short
            collection.title = str(data.get("title") or collection.id)
            collection.properties["owner"] = owner
            found.append(collection)
        return found

    def station_collections(self, service: str, progress: Optional[Progress] = None) -> List[Collection]:
        return self.service(service).collections(progress)

    def collection_count(self, collection: str, progress: Optional[Progress] = None) -> Optional[int]:
        return self.catalog.count({"collections": [self.full_collection_id(collection, "_")]}, progress)

    def stac_search(self, collection: str, body: Dict[str, Any], *, method: Optional[str] = None,
                    max_items: Optional[int] = None, progress: Optional[Progress] = None,
                    service: str = "catalog") -> Iterator[Page]:
        body = dict(body)
        if service == "catalog":
            names = body.get("collections") or ([collection] if collection else [])
            body["collections"] = [self.full_collection_id(c, "_") for c in names]
        elif collection and not body.get("collections"):
            body["collections"] = [collection]
        return self.service(service).search(body, method=method, max_items=max_items, progress=progress)

    # -- catalogue writes (rs-client's CatalogClient)
    def _collection_path(self, collection: str) -> str:
        return f"collections/{self.full_collection_id(collection)}"

    def add_collection(self, collection: Dict[str, Any], progress=None):
        data = dict(collection)
        short = str(data.get("id") or "").split(":", 1)[-1]
        if not short:
            raise InvalidInput(tr("Give the collection an id."))
        owner = self.owner_id(progress)
        data["id"] = short
        data["owner"] = owner
        data.setdefault("type", "Collection")
        data.setdefault("stac_version", "1.0.0")
        data.setdefault("description", f"This is the collection {short} from user {owner}.")
        data.setdefault("license", "public-domain")
        data.setdefault("links", [{"rel": "license", "href": "https://creativecommons.org/licenses/publicdomain/",
                                   "title": "public-domain"}])
        data.setdefault("extent", {"spatial": {"bbox": [[-180.0, -90.0, 180.0, 90.0]]},
                                   "temporal": {"interval": [[None, None]]}})
        return self.catalog.send("POST", "collections", data, progress=progress)

    def update_collection(self, collection: Dict[str, Any], progress=None):
        data = dict(collection)
        short = str(data.get("id") or "").split(":", 1)[-1]
        data["id"] = short
        data.setdefault("owner", self.owner_id(progress))
        return self.catalog.send("PUT", self._collection_path(short), data, progress=progress)

    def remove_collection(self, collection: str, progress=None):
        try:
            return self.catalog.send("DELETE", self._collection_path(collection), progress=progress)
        except NotFound:
            return None  # as the library: a collection already gone is not an error

    def add_item(self, collection: str, item: Dict[str, Any], progress=None):
        return self.catalog.send("POST", self._collection_path(collection) + "/items", item, progress=progress)

    def update_item(self, collection: str, item: Dict[str, Any], progress=None):
        return self.catalog.send("PUT", f"{self._collection_path(collection)}/items/{item['id']}", item,
                                 progress=progress)

    def remove_item(self, collection: str, item_id: str, progress=None):
        return self.catalog.send("DELETE", f"{self._collection_path(collection)}/items/{item_id}", progress=progress)

    def get_item(self, collection: str, item_id: str, progress=None) -> dict:
        return self.catalog.get_json(f"{self._collection_path(collection)}/items/{item_id}", progress=progress)

    # -- staging (rs-client's StagingClient)
    def staging_url(self, path: str) -> str:
        return f"{self.href_service('staging')}/{path.lstrip('/')}"

    def _ogc(self, method: str, path: str, body=None, progress=None, idempotent=None):
        response = self.http.request(method, self.staging_url(path), json=body, progress=progress,
                                     idempotent=idempotent,
                                     headers={**self.headers(), "Accept": "application/json"})
        from ...core.http_errors import raise_for_status

        raise_for_status(response, messages=service_errors(self.session, "staging"))
        try:
            return response.json()
        except ValueError:
            raise ProtocolError(tr("The staging service did not answer in JSON."), details=response.text[:200]) \
                from None

    def processes(self, progress=None) -> dict:
        return self._ogc("GET", "processes", progress=progress)

    def run_staging(self, items: Sequence[Dict[str, Any]], collection: str, progress=None) -> Dict[str, dict]:
        """One POST /processes/staging/execution per asset host (as the library): {hostname: statusInfo}."""
        by_host: "OrderedDict[str, List[dict]]" = OrderedDict()
        for item in items:
            assets = list((item.get("assets") or {}).values())
            if assets:
                by_host.setdefault(urlsplit(assets[0]["href"]).hostname or "", []).append(item)
        if not by_host:
            raise InvalidInput(tr("The chosen files have no assets to stage."))
        answers = {}
        for host, group in by_host.items():
            body = {"inputs": {"collection": collection,
                               "items": {"value": {"type": "FeatureCollection", "features": group}}}}
            answers[host] = self._check_status(self._ogc("POST", "processes/staging/execution", body, progress,
                                                         idempotent=False))
        return answers

    def run_staging_by_reference(self, search_href: str, collection: str, progress=None) -> Dict[str, dict]:
        body = {"inputs": {"collection": collection, "items": {"href": search_href}}}
        host = urlsplit(search_href).hostname or ""
        return {host: self._check_status(self._ogc("POST", "processes/staging/execution", body, progress,
                                                   idempotent=False))}

    def get_job_info(self, job_id: str, progress=None) -> dict:
        return self._check_status(self._ogc("GET", f"jobs/{job_id}", progress=progress))

    def delete_job(self, job_id: str, progress=None) -> dict:
        return self._ogc("DELETE", f"jobs/{job_id}", progress=progress)

    def get_jobs(self, progress=None) -> dict:
        return self._ogc("GET", "jobs", progress=progress)

    def get_job_results(self, job_id: str, progress=None) -> dict:
        return self._ogc("GET", f"jobs/{job_id}/results", progress=progress)

    @staticmethod
    def _check_status(info) -> dict:
        if not isinstance(info, dict) or not info.get("jobID") or info.get("status") not in JOB_STATES:
            raise ProtocolError(tr("The staging service answered without a job id and status."),
                                details=str(info)[:300])
        return info

    # -- staging inputs
    def staging_items(self, items: Sequence[Item]) -> List[Dict[str, Any]]:
        """STAC Items to stage, with the links the staging service validates (root, collection)."""
        found = []
        for item in items:
            service = "auxip" if "adgs" in item.collection.lower() or "aux" in item.collection.lower() else "cadip"
            found.append(item_to_stac(item, root_url=self.service(service).root_url.rstrip("/")))
        return found


def staged_items_search(client: RsServerClient, collection: str, item_ids: Sequence[str],
                        progress: Optional[Progress] = None) -> List[Item]:
    """The staged items found in the user's catalogue collection (by id)."""
    if not item_ids:
        return []
    body = {"collections": [client.full_collection_id(collection, "_")], "ids": list(item_ids),
            "limit": min(len(item_ids), 1000)}
    return [item for page in client.catalog.search(body, progress=progress) for item in page.items]


def describe(err: EOError) -> str:
    return err.message


def session_files(session: Item) -> List[tuple]:
    """The files of a CADIP session item: (asset key, channel, block number, size), by channel then block."""
    found = []
    for key, asset in session.assets.items():
        extra = (session.properties.get("asset_fields") or {}).get(key, {})
        found.append((key, extra.get("cadip:channel"), extra.get("cadip:block_number"), asset.size))
    return sorted(found, key=lambda row: (row[1] or 0, row[2] or 0, row[0]))
