"""The RS-Server names of the Python console (eo_connector.api), as rs-client-libraries has them:

    rs = api.rs_server("My RS-Server")              # RsClient
    rs.owner_id, rs.apikey_user_login, rs.apikey_iam_roles
    cadip = rs.get_cadip_client()                   # CadipClient: search(...) of sessions, files of a session
    auxip = rs.get_auxip_client()                   # AuxipClient: search(stac_filter=..., timestamp=...)
    catalog = rs.get_catalog_client()               # CatalogClient: get_collections, search, add/update/remove…
    staging = rs.get_staging_client()               # StagingClient: run_staging(...) -> a Job; get_job_info…

Every remote call runs in a QGIS task while QGIS keeps responding; searches return iterators of core.models.Item.
"""

from typing import Any, Dict, Iterable, Optional

from ...core.models import Connection, Item
from ..stac.console import StacConsoleCatalogue
from . import CADIP_STATIONS
from .operations import auxip_collection, cadip_collection


def _pystac_kwargs(kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """rs-client's names -> ours: timestamp -> datetime, stac_filter -> filter, owner_id dropped."""
    kwargs = dict(kwargs)
    if "timestamp" in kwargs:
        kwargs["datetime"] = kwargs.pop("timestamp")
    if "stac_filter" in kwargs:
        kwargs["filter"] = kwargs.pop("stac_filter")
    kwargs.pop("owner_id", None)
    return kwargs


class _Service(StacConsoleCatalogue):
    def search(self, collections=None, *, method: Optional[str] = None, max_items: Optional[int] = None, **kwargs):
        return super().search(collections, method=method, max_items=max_items, **_pystac_kwargs(kwargs))


class CatalogConsole(_Service):
    """CatalogClient: collections of owners (`owner:collection`), search (`owner_collection`), writes."""

    def __init__(self, runtime, connection):
        super().__init__(runtime, connection, "catalog")

    def _collection_path(self, client, collection_id):
        return client.full_collection_id(collection_id)

    def _search_collections(self, client, collections):
        if isinstance(collections, str):
            collections = [collections]
        return [client.full_collection_id(c, "_") for c in collections or []]

    def get_collections(self) -> list:
        return self._call("RS-Server collections", lambda client: client.catalog_collections())

    def add_collection(self, collection: Dict[str, Any]):
        from ...core.errors import InvalidInput
        from .publishing import validate_collection

        problems = validate_collection(collection)
        if problems:
            raise InvalidInput(" ".join(problems))
        return self._call("RS-Server add collection", lambda client: client.add_collection(collection))

    def update_collection(self, collection: Dict[str, Any]):
        return self._call("RS-Server update collection", lambda client: client.update_collection(collection))

    def remove_collection(self, collection_id: str):
        return self._call("RS-Server remove collection", lambda client: client.remove_collection(collection_id))

    def add_item(self, collection_id: str, item: Dict[str, Any]):
        from ...core.errors import InvalidInput
        from .publishing import validate_item

        problems = validate_item(item)
        if problems:
            raise InvalidInput(" ".join(problems))
        return self._call("RS-Server add item", lambda client: client.add_item(collection_id, item))

    def update_item(self, collection_id: str, item: Dict[str, Any]):
        return self._call("RS-Server update item", lambda client: client.update_item(collection_id, item))

    def remove_item(self, collection_id: str, item_id: str):
        return self._call("RS-Server remove item", lambda client: client.remove_item(collection_id, item_id))

    def get_item(self, collection_id: str, item_id: str) -> dict:
        return self._call("RS-Server item", lambda client: client.get_item(collection_id, item_id))

    def publish_layer(self, layer, collection_id: str, *, id_field: str = "", datetime_field: str = "",
                      asset_field: str = "", default_datetime: str = "", replace: bool = False,
                      dry_run: bool = False):
        """Publish a vector layer's features as items of a collection (asset_field: an attribute holding each
        feature's asset href, or ""). dry_run=True returns the checked plan without sending (plan.preview())."""
        from ...core.errors import InvalidInput
        from .publishing import items_from_features, publish

        plan = items_from_features(self.runtime.layer_features(layer, id_field, asset_field), collection_id,
                                   datetime_field=datetime_field, default_datetime=default_datetime)
        if dry_run:
            return plan
        if not plan.ok:
            raise InvalidInput(" ".join(plan.problems[:5]))
        return self._call("RS-Server publish", lambda client: publish(client, plan, replace=replace))


class CadipConsole(_Service):
    """CadipClient of one station: sessions searched by platform, dates and ids; a session's files."""

    def __init__(self, runtime, connection, station: str = "CADIP"):
        super().__init__(runtime, connection, "cadip")
        self.station = str(station).upper()

    def search(self, collections=None, *, platform: Optional[str] = None, method: Optional[str] = None,
               max_items: Optional[int] = None, **kwargs):
        """Sessions (Items whose assets are the session's files) as CadipClient.search: ids, collections (default:
        the station's), timestamp/datetime, limit, sortby; platform="S1A" adds a CQL2 filter."""
        collections = collections or [cadip_collection(self.station)]
        kwargs = _pystac_kwargs(kwargs)
        if platform:
            kwargs["filter"] = {"op": "=", "args": [{"property": "platform"}, platform]}
        return super().search(collections, method=method or ("POST" if platform else "GET"), max_items=max_items,
                              **kwargs)

    @staticmethod
    def session_files(session: Item) -> list:
        """The files of a session: (asset key, channel, block number, size)."""
        from .client import session_files

        return session_files(session)


class AuxipConsole(_Service):
    def __init__(self, runtime, connection, station: str = "ADGS"):
        super().__init__(runtime, connection, "auxip")
        self.station = station

    def search(self, collections=None, *, method: Optional[str] = None, max_items: Optional[int] = None, **kwargs):
        """Auxiliary files as AuxipClient.search: stac_filter/filter (CQL2-JSON), timestamp/datetime, sortby…"""
        return super().search(collections or [auxip_collection(self.station)], method=method or "POST",
                              max_items=max_items, **kwargs)


class StagingConsole:
    """StagingClient: run_staging starts a staging job followed in the Jobs list (a Job to .wait() on)."""

    def __init__(self, runtime, connection: Connection):
        self.runtime, self.connection = runtime, connection

    def run_staging(self, stac_input, out_coll_name: str, asset_keys: Optional[Dict[str, Iterable[str]]] = None):
        """stac_input: Items (e.g. sessions from cadip.search) or a search URL (by reference)."""
        values = {"collection": out_coll_name}
        if isinstance(stac_input, str):
            values["reference"] = stac_input
        else:
            values["items"] = list(stac_input)
            if asset_keys:
                values["asset_keys"] = {k: list(v) for k, v in asset_keys.items()}
        return self.runtime.start(self.connection, "staging", values)

    def _call(self, description, call):
        return self.runtime.call(self.connection, description, call)

    def get_processes(self) -> dict:
        return self._call("RS-Server processes", lambda client: client.processes())

    def get_jobs(self) -> dict:
        return self._call("RS-Server jobs", lambda client: client.get_jobs())

    def get_job_info(self, job_id: str) -> dict:
        return self._call("RS-Server job", lambda client: client.get_job_info(job_id))

    def delete_job(self, job_id: str) -> dict:
        return self._call("RS-Server dismiss job", lambda client: client.delete_job(job_id))

    def get_job_results(self, job_id: str) -> dict:
        return self._call("RS-Server job results", lambda client: client.get_job_results(job_id))


class RsServer:
    """RsClient: the connection's owner and roles, and its four clients."""

    def __init__(self, runtime, connection: Connection):
        self.runtime, self.connection = runtime, connection

    def _account(self) -> dict:
        return self.runtime.call(self.connection, "RS-Server account", lambda client: {
            "owner": client.owner_id(),
            "info": client.session.auth_info()})

    @property
    def owner_id(self) -> str:
        return self._account()["owner"]

    @property
    def apikey_user_login(self) -> str:
        info = self._account()["info"]
        return info.user_login if info else ""

    @property
    def apikey_iam_roles(self) -> list:
        info = self._account()["info"]
        return list(info.iam_roles) if info else []

    def get_catalog_client(self) -> CatalogConsole:
        return CatalogConsole(self.runtime, self.connection)

    def get_cadip_client(self, station: str = "CADIP") -> CadipConsole:
        if str(station).upper() not in CADIP_STATIONS:
            from ...core.errors import InvalidInput

            raise InvalidInput(f"Unknown CADIP station {station}: one of {', '.join(CADIP_STATIONS)}")
        return CadipConsole(self.runtime, self.connection, station)

    def get_auxip_client(self, station: str = "ADGS") -> AuxipConsole:
        return AuxipConsole(self.runtime, self.connection, station)

    def get_staging_client(self) -> StagingConsole:
        return StagingConsole(self.runtime, self.connection)

    catalog = property(get_catalog_client)
    cadip = property(get_cadip_client)
    auxip = property(get_auxip_client)
    staging = property(get_staging_client)


def console_functions(platform, runtime) -> dict:
    def add_rs_server_connection(name: str, url: str = "", *, api_key: Optional[str] = None,
                                 cookie: Optional[str] = None, check_url: str = "", mode: str = "",
                                 owner_id: str = "", hosts: Optional[Dict[str, str]] = None) -> Connection:
        """Save an RS-Server connection. mode: 'cluster' (api_key checked at check_url, or cookie), 'hybrid'
        (api_key, owner_id given), 'local' (no authentication); default: cluster when a check URL or cookie is
        given, hybrid with a key alone, local without credentials. hosts: {"catalog"|"cadip"|"auxip"|"staging":
        root} as RSPY_HOST_*. The key or cookie goes to the keyring; a refused one saves nothing."""
        if not mode:
            mode = "cluster" if (check_url or cookie) else "hybrid" if api_key else "local"
        values = {"url": url, "mode": mode, "auth": "cookie" if cookie else "api_key", "api_key": api_key,
                  "cookie": cookie, "check_url": check_url, "owner_id": owner_id}
        for service, root in (hosts or {}).items():
            values[f"host_{service}"] = root
        connection = platform.connection_from_form(name, values)
        return runtime.add_connection(connection, platform.credentials_from_form(values))

    def rs_server(connection=None) -> RsServer:
        """The RS-Server of a connection (default: the first one saved), as rs-client's RsClient."""
        return RsServer(runtime, runtime.connection(connection, platform.id))

    return {"add_rs_server_connection": add_rs_server_connection, "rs_server": rs_server, "RsServer": RsServer}
