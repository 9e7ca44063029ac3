"""The Terrascope names of the Python console (eo_connector.api), as in terracatalogueclient:
add_terrascope_connection, terrascope() -> a catalogue with get_collections, get_product_count, get_products and
download_products.

`runtime` is the console's runtime (eo_connector.api): it finds connections, signs in, runs each remote call in a
QGIS task while QGIS keeps responding, and starts jobs.
"""

from typing import Optional

from ...core.aoi import AOI
from ...core.models import Connection
from ...core.progress import Progress
from .download import FILE_TYPES


def _search_arguments(kwargs: dict) -> dict:
    """An AOI may be given as geometry= (or bbox=): it travels as lon/lat WKT."""
    if isinstance(kwargs.get("geometry"), AOI):
        kwargs["geometry"] = kwargs["geometry"].wkt()
    if isinstance(kwargs.get("bbox"), AOI):
        kwargs["bbox"] = list(kwargs["bbox"].geometry.bounds)
    return kwargs


class _RelayProgress(Progress):
    """The progress of whichever task is fetching the current page of a search."""

    current = None

    def on_report(self, fraction, message):
        self.current.report(fraction, message)

    def is_cancel_requested(self):
        return self.current.cancelled()


class TerrascopeCatalogue:
    """get_collections, get_product_count, get_products and download_products as in terracatalogueclient's
    Catalogue; each remote call runs as a QGIS task while QGIS keeps responding."""

    def __init__(self, runtime, connection: Connection):
        self.runtime = runtime
        self.connection = connection

    def _call(self, description: str, call):
        return self.runtime.call(self.connection, description, call)

    def get_collections(self, start=None, end=None, bbox=None, geometry=None, platform=None, **kwargs) -> list:
        arguments = _search_arguments(dict(kwargs, start=start, end=end, bbox=bbox, geometry=geometry,
                                           platform=platform))
        return self._call("Terrascope collections", lambda client: client.collections(**arguments))

    def get_product_count(self, collection: str, **kwargs) -> int:
        arguments = _search_arguments(kwargs)
        return self._call("Terrascope product count", lambda client: client.product_count(collection, **arguments))

    def get_products(self, collection: str, limit: Optional[int] = None, **kwargs):
        """An iterator of Items (core.models.Item); each page is fetched in a task when the iterator needs it.
        Too many results (past the catalogue's 100,000) raise before anything is fetched: narrow the search."""
        arguments = _search_arguments(kwargs)
        pages, relay = {}, _RelayProgress()

        def next_page(progress):
            relay.current = progress  # each page runs in its own task: cancel and report go to that one
            if "iterator" not in pages:
                client = pages["client"] = self.runtime.client(self.connection)
                pages["iterator"] = client.search(collection, limit=limit, progress=relay, **arguments)
            return next(pages["iterator"], None)

        try:
            while True:
                page = self.runtime.wait_for("Terrascope products", next_page)
                if page is None:
                    return
                yield from page.items
        finally:
            if "client" in pages:
                pages["client"].http.close()

    def download_products(self, products, path: str, file_types=FILE_TYPES):
        """Download the products' files (file_types among 'data', 'related', 'previews', 'alternates') into
        path/<product id>/<file> as a background job; the rasters and vectors are loaded as layers at the end.
        Call .wait() on the returned Job to block until it is done."""
        if isinstance(file_types, str):
            file_types = (file_types,)
        return self.runtime.start(self.connection, "download",
                                  {"items": list(products), "file_types": tuple(file_types), "output_dir": path})


def console_functions(platform, runtime) -> dict:
    def add_terrascope_connection(name: str, username: str = "", password: Optional[str] = None, *,
                                  environment: str = "terrascope", config_file: Optional[str] = None,
                                  browser: bool = False) -> Connection:
        """Save a Terrascope connection. environment: 'terrascope', 'hrvpp' or 'cgls' (no sign-in), or config_file:
        a terracatalogueclient .ini. With a password (or browser=True) it signs in first; only the refresh token is
        kept (keyring, else QGIS's authentication database), never the password. A failed sign-in saves nothing."""
        options = {"environment": "custom" if config_file else environment}
        if config_file:
            options["config_file"] = config_file
        connection = Connection(platform.id, name, "", username, options)
        connection.url = platform.catalogue_config(connection).catalogue_url
        credentials = {"password": password} if password else None
        return runtime.add_connection(connection, credentials, browser=browser)

    def terrascope(connection=None) -> TerrascopeCatalogue:
        """The catalogue of a Terrascope connection (default: the first one saved)."""
        return TerrascopeCatalogue(runtime, runtime.connection(connection, platform.id))

    return {"add_terrascope_connection": add_terrascope_connection, "terrascope": terrascope,
            "TerrascopeCatalogue": TerrascopeCatalogue}
