"""The STAC names of the Python console (eo_connector.api): add_stac_connection, stac() -> a catalogue with
get_collections, get_queryables, search (an iterator of Items whose pages are fetched in tasks while QGIS keeps
responding), download_assets and open_asset (a streamed layer). pystac-client's words where they fit."""

from typing import Any, Callable, Dict, Iterator, Optional

from ...core.aoi import AOI
from ...core.models import Connection, Item
from ...core.progress import Progress
from .parameters import search_parameters


class RelayProgress(Progress):
    """The progress of whichever task fetches the current page."""

    current = None

    def on_report(self, fraction, message):
        if self.current is not None:
            self.current.report(fraction, message)

    def is_cancel_requested(self):
        return self.current is not None and self.current.cancelled()


def paged_items(runtime, connection: Connection, description: str,
                make_pages: Callable[[Any, Progress], Iterator]) -> Iterator[Item]:
    """Items of a paged search, each page fetched in a QGIS task when the iterator needs it."""
    state, relay = {}, RelayProgress()

    def next_page(progress):
        relay.current = progress
        if "pages" not in state:
            state["client"] = runtime.client(connection)
            state["pages"] = make_pages(state["client"], relay)
        return next(state["pages"], None)

    try:
        while True:
            page = runtime.wait_for(description, next_page)
            if page is None:
                return
            yield from page.items
    finally:
        if "client" in state and getattr(state["client"], "http", None) is not None:
            state["client"].http.close()


def search_body_from_kwargs(collections=None, bbox=None, intersects=None, datetime=None, ids=None, filter=None,
                            filter_lang=None, sortby=None, limit=None, query=None, aoi: Optional[AOI] = None,
                            **_ignored) -> Dict[str, Any]:
    if isinstance(collections, str):
        collections = [collections]
    if isinstance(intersects, AOI):
        intersects = intersects.to_geojson()
    if isinstance(bbox, AOI):
        bbox = list(bbox.bbox())
    if aoi is not None and intersects is None and bbox is None:
        intersects = aoi.to_geojson()
    return search_parameters(collections=collections, bbox=bbox, intersects=intersects, datetime=datetime, ids=ids,
                             filter=filter, filter_lang=filter_lang, sortby=sortby, limit=limit, query=query)


class StacConsoleCatalogue:
    """A STAC API from the console. `service` picks the STAC API of a multi-service client (RS-Server's catalog,
    cadip, auxip); None for a plain STAC connection."""

    def __init__(self, runtime, connection: Connection, service: Optional[str] = None):
        self.runtime, self.connection, self.service = runtime, connection, service

    def _api(self, client):
        return client.api if self.service is None else client.service(self.service)

    def _call(self, description: str, call):
        return self.runtime.call(self.connection, description, call)

    def get_landing_page(self) -> dict:
        return self._call("STAC landing page", lambda client: self._api(client).landing())

    def get_conformance(self) -> list:
        return self._call("STAC conformance", lambda client: self._api(client).conformance())

    def get_collections(self) -> list:
        """The collections (core.models.Collection)."""
        return self._call("STAC collections", lambda client: self._api(client).collections())

    def get_collection(self, collection_id: str) -> dict:
        return self._call("STAC collection", lambda client: self._api(client).collection_json(
            self._collection_path(client, collection_id)))

    def get_queryables(self, collection_id: str = "") -> dict:
        return self._call("STAC queryables", lambda client: self._api(client).queryables(
            self._collection_path(client, collection_id) if collection_id else ""))

    def _collection_path(self, client, collection_id: str) -> str:
        return collection_id

    def _search_collections(self, client, collections):
        return collections

    def search(self, collections=None, *, method: Optional[str] = None, max_items: Optional[int] = None,
               **kwargs) -> Iterator[Item]:
        """Items (core.models.Item) of a search, as pystac-client's search(...).items(): collections, bbox,
        intersects (GeoJSON or an AOI), aoi, datetime ("a/b" or (start, end)), ids, filter (CQL2-JSON dict or text),
        sortby ("-datetime"), limit (page size), max_items, method ("GET"/"POST")."""
        def pages(client, progress):
            body = search_body_from_kwargs(self._search_collections(client, collections), **kwargs)
            return self._api(client).search(body, method=method, max_items=max_items, progress=progress)

        return paged_items(self.runtime, self.connection, "STAC search", pages)

    def count(self, collections=None, **kwargs) -> Optional[int]:
        """numberMatched of a search (None when the server does not count)."""
        def call(client):
            body = search_body_from_kwargs(self._search_collections(client, collections), **kwargs)
            return self._api(client).count(body)

        return self._call("STAC count", call)

    def download_assets(self, items, path: str, roles=("data",), asset_keys=()):
        """Download the assets with these roles (or keys) of the items into path/<item id>/<file> as a background
        job; rasters and vectors are loaded as layers. Call .wait() on the returned Job to block until it is done."""
        if isinstance(roles, str):
            roles = (roles,)
        return self.runtime.start(self.connection, "download", {"items": list(items), "file_types": tuple(roles),
                                                                "asset_keys": tuple(asset_keys), "output_dir": path})

    def open_asset(self, item: Item, asset_key: str):
        """Add an asset as a layer streamed in place (COG/GeoTIFF, Zarr, vector files), with this connection's
        credentials sent for that URL only; returns the layer (a sentence as EOError when it cannot be streamed)."""
        if asset_key not in item.assets:
            from ...core.errors import InvalidInput

            raise InvalidInput(f"Item {item.id} has no asset {asset_key}: it has {', '.join(item.assets)}.")
        headers = self._call("Asset credentials", lambda client: client.asset_headers(item.assets[asset_key].href))
        return self.runtime.add_streamed_asset(item, asset_key, headers, connection_id=self.connection.id)


def console_functions(platform, runtime) -> dict:
    def add_stac_connection(name: str, url: str, *, api_key: Optional[str] = None, header: str = "x-api-key",
                            token: Optional[str] = None, asset_auth: str = "same") -> Connection:
        """Save a connection to any STAC API. api_key (sent in `header`) or token (a bearer token) for keyed APIs;
        kept in the keyring, never in QGIS's settings. asset_auth: 'same' (the key, on the API's host only),
        'none'. The API is checked first; a connection that does not answer as a STAC API is not saved."""
        auth = "api_key" if api_key else "bearer" if token else "none"
        connection = Connection(platform.id, name, url.rstrip("/"), "", {"auth": auth, "header": header,
                                                                         "asset_auth": asset_auth})
        credentials = {"secret": api_key or token} if (api_key or token) else {"check": "1"}
        return runtime.add_connection(connection, credentials)

    def stac(connection=None) -> StacConsoleCatalogue:
        """The STAC API of a connection (default: the first STAC API connection saved)."""
        return StacConsoleCatalogue(runtime, runtime.connection(connection, platform.id))

    return {"add_stac_connection": add_stac_connection, "stac": stac, "StacConsoleCatalogue": StacConsoleCatalogue}
