"""A plain "STAC API" connection to any public or keyed STAC API (Earth Search, Planetary Computer, Terrascope's STAC
catalogue, RS-Server's public catalogue…): collections, queryable-based search over the AOI, assets downloaded or
streamed as layers.

Credentials: none, an API key in a header (x-api-key by default) or a bearer token, kept in the secret store. Assets
get their own choice (the connection's credentials on the API's host only, none, or a separate key), since assets
often live on another host that must never receive the API's key.
"""

from typing import Dict, Optional
from urllib.parse import urlsplit

from ...core.errors import InvalidInput, SessionExpired
from ...core.i18n import tr
from ...core.models import Connection
from ...core.platform import Capability, ConnectionForm, Field, FieldKind, Platform
from . import PLATFORM as PLATFORM_ID
from .filters import fixed_fields, queryable_fields, search_body
from .operations import AssetDownloadOperation, StacSearchOperation

NONE, API_KEY, BEARER = "none", "api_key", "bearer"
SAME, SEPARATE = "same", "separate"


class StacClient:
    """A STAC API connection's client: `api` (StacApi), the HTTP session, and the credentials of assets."""

    def __init__(self, http, connection: Connection, secret: str = "", asset_secret: str = ""):
        self.http, self.connection = http, connection
        self._secret, self._asset_secret = secret, asset_secret
        options = connection.options or {}
        from .client import StacApi  # when a connection is used, not when the platform is listed

        self.api = StacApi(http, connection.url, headers=self.api_headers, provider=PLATFORM_ID,
                           name=connection.name or connection.url,
                           errors={401: tr("The STAC API refused the credentials of this connection: check its key "
                                           "or token."),
                                   403: tr("The STAC API refused access with these credentials.")})
        self.auth = options.get("auth") or NONE
        self.asset_auth = options.get("asset_auth") or SAME

    def _header(self, auth: str, header: str, secret: str) -> Dict[str, str]:
        if not secret or auth == NONE:
            return {}
        if auth == BEARER:
            return {"Authorization": f"Bearer {secret}"}
        return {header or "x-api-key": secret}

    def api_headers(self) -> Dict[str, str]:
        options = self.connection.options or {}
        return self._header(self.auth, options.get("header") or "x-api-key", self._secret)

    def asset_headers(self, href: str) -> Dict[str, str]:
        """The credentials for one asset URL: the API's only on the API's own host (never sent elsewhere)."""
        options = self.connection.options or {}
        if self.asset_auth == SEPARATE:
            return self._header(options.get("asset_kind") or API_KEY, options.get("asset_header") or "x-api-key",
                                self._asset_secret)
        if self.asset_auth == SAME and urlsplit(href).netloc == urlsplit(self.connection.url).netloc:
            return self.api_headers()
        return {}

    def collections(self, progress=None):
        return self.api.collections(progress)

    def stac_search(self, collection, body, *, method=None, max_items=None, progress=None, service=""):
        return self.api.search(body, method=method, max_items=max_items, progress=progress)


class StacPlatform(Platform):
    id = PLATFORM_ID
    title = "STAC API"
    capabilities = frozenset({Capability.CATALOGUE, Capability.SEARCH, Capability.DOWNLOAD})
    default_url = ""

    def __init__(self):
        self._operations = {op.kind: op for op in (
            StacSearchOperation(PLATFORM_ID, "stac_search", tr("STAC item search")),
            AssetDownloadOperation(PLATFORM_ID, "stac_download", tr("STAC asset download")))}

    def connection_form(self, values):
        auth = values.get("auth") or NONE
        fields = [Field("url", tr("STAC API"), FieldKind.URL, "", required=True,
                        placeholder="https://earth-search.aws.element84.com/v1"),
                  Field("auth", tr("Credentials"), FieldKind.CHOICE, auth,
                        ((NONE, tr("None (public)")), (API_KEY, tr("API key header")), (BEARER, tr("Bearer token"))))]
        if auth == API_KEY:
            fields.append(Field("header", tr("Header"), FieldKind.TEXT, values.get("header") or "x-api-key"))
        if auth != NONE:
            fields.append(Field("secret", tr("Key or token"), FieldKind.PASSWORD, "", required=True,
                                help=tr("Kept in the system keyring (else QGIS's authentication database).")))
        asset_auth = values.get("asset_auth") or SAME
        fields.append(Field("asset_auth", tr("Assets"), FieldKind.CHOICE, asset_auth,
                            ((SAME, tr("Same credentials, API host only")), (NONE, tr("No credentials")),
                             (SEPARATE, tr("A key of their own"))), advanced=True))
        if asset_auth == SEPARATE:
            fields.append(Field("asset_header", tr("Asset header"), FieldKind.TEXT,
                                values.get("asset_header") or "x-api-key", advanced=True))
            fields.append(Field("asset_secret", tr("Asset key"), FieldKind.PASSWORD, "", advanced=True))
        return ConnectionForm(fields, ok_label=tr("Connect and save"))

    def _secret(self, name):
        return name in ("secret", "asset_secret", "password", "api_key", "token")

    def connection_from_form(self, name, values):
        url = str(values.get("url") or "").strip().rstrip("/")
        if not urlsplit(url).scheme.startswith("http"):
            raise InvalidInput(tr("Enter the STAC API's address (https://…)."))
        options = {"auth": values.get("auth") or NONE, "header": values.get("header") or "x-api-key",
                   "asset_auth": values.get("asset_auth") or SAME,
                   "asset_header": values.get("asset_header") or "x-api-key"}
        if options["auth"] != NONE and not values.get("secret"):
            raise InvalidInput(tr("Enter the key or token."))
        return Connection(self.id, name, url, "", options)

    def credentials_from_form(self, values):
        return {k: str(values.get(k) or "") for k in ("secret", "asset_secret") if values.get(k)}

    def sign_in(self, ctx, connection, credentials, *, progress=None, open_browser=None):
        for key in ("secret", "asset_secret"):
            if (credentials or {}).get(key):
                ctx.secrets.set(f"{connection.id}/{key}", credentials[key])
        from ...core.progress import Progress

        return self.check(ctx, connection, progress or Progress())

    def has_session(self, ctx, connection):
        return (connection.options or {}).get("auth", NONE) == NONE or bool(ctx.secrets.get(connection.id + "/secret"))

    def forget_session(self, ctx, connection):
        ctx.secrets.delete(connection.id + "/secret")
        ctx.secrets.delete(connection.id + "/asset_secret")

    def client(self, ctx, connection):
        http = ctx.http(connection.url)
        secret = asset = ""
        if (connection.options or {}).get("auth", NONE) != NONE:
            secret = ctx.secrets.get(connection.id + "/secret") or ""
            if not secret:
                raise SessionExpired(tr("The key or token of {name} is not saved on this computer: edit the "
                                        "connection and enter it again.", name=connection.name))
        if (connection.options or {}).get("asset_auth") == SEPARATE:
            asset = ctx.secrets.get(connection.id + "/asset_secret") or ""
        return StacClient(http, connection, secret, asset)

    def request_headers(self, client):
        return client.api_headers()

    def check(self, ctx, connection, progress):
        client = self.client(ctx, connection)
        with client.http:
            landing = client.api.landing(progress)
            if not client.api.search_methods():
                raise InvalidInput(tr("{url} is a STAC catalogue without item search: EO Connector needs a STAC "
                                      "API.", url=connection.url))
            return {"user": "", "title": landing.get("title") or connection.url,
                    "collections": len(client.api.collections(progress))}

    def describe_account(self, connection, account):
        return tr("{title} — {count} collections", title=account.get("title") or connection.url,
                  count=account.get("collections", 0))

    def operations(self):
        return self._operations

    def collections(self, client, **filters):
        from .items import filter_collections

        return filter_collections(client.collections(), **filters)

    def search_fields(self, collection):
        return fixed_fields()

    def queryable_fields(self, client, collection):
        """The filters of a collection: the fixed ones and one per queryable (in a task: it asks the server)."""
        schema = client.api.queryables(collection) or client.api.queryables()
        return fixed_fields() + queryable_fields(schema)

    def search(self, client, collection, filters, aoi, progress, fields=None):
        values = dict(filters)
        body = search_body(collection, values, fields or self.search_fields(collection), aoi,
                           bool(values.get("bbox_only")))
        return client.stac_search(collection, body, method=values.get("method") or None,
                                  max_items=values.get("max_items"), progress=progress)

    def console(self, runtime):
        from .console import console_functions

        return console_functions(self, runtime)


PLATFORM = StacPlatform()


def connection_secret(ctx, connection: Connection) -> Optional[str]:
    return ctx.secrets.get(connection.id + "/secret")
