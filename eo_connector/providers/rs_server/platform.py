"""Copernicus RS-Server as a platform: the connection (server, mode, API key or session cookie, check URL, owner),
its catalogue, CADIP and AUXIP searches, staging and publishing. Keys and cookies live in the secret store (keyring,
else QGIS's authentication database); the check's answer is cached in memory for 120 s."""

from typing import Dict
from urllib.parse import urlsplit

from ...core.errors import EOError, InvalidInput, NetworkError, NotFound, ProtocolError
from ...core.i18n import tr
from ...core.models import Connection
from ...core.platform import Capability, ConnectionForm, Field, FieldKind, Platform
from ...core.progress import Progress
from ..stac.filters import fixed_fields, queryable_fields, search_body
from . import API_KEY, CLUSTER, COOKIE, HYBRID, LOCAL, SERVICES
from . import PLATFORM as PLATFORM_ID
from .operations import operations
from .session import Session


class _MemoryCache:
    """The check cache kept in the session memory (never on disk)."""

    def __init__(self, memory, prefix: str):
        self.memory, self.prefix = memory, prefix

    def get(self, _key):
        return self.memory.get(self.prefix)

    def set(self, _key, value):
        self.memory.set(self.prefix, value)


def mode_names():
    return {CLUSTER: tr("Cluster (key checked, owner from the key)"), HYBRID: tr("Hybrid (key, owner given)"),
            LOCAL: tr("Local (no authentication)")}


class RsServerPlatform(Platform):
    id = PLATFORM_ID
    title = "Copernicus RS-Server"
    capabilities = frozenset({Capability.SIGN_IN, Capability.CATALOGUE, Capability.SEARCH, Capability.DOWNLOAD,
                              Capability.PROCESSING})
    default_url = ""

    def __init__(self):
        self._operations = operations()

    # -- the connection form
    def connection_form(self, values):
        mode = values.get("mode") or CLUSTER
        auth = values.get("auth") or API_KEY
        fields = [Field("url", tr("RS-Server"), FieldKind.URL, "", required=mode != LOCAL,
                        placeholder="https://rs-server.example.eu"),
                  Field("mode", tr("Mode"), FieldKind.CHOICE, mode, tuple(mode_names().items()))]
        if mode != LOCAL:
            fields.append(Field("auth", tr("Sign in with"), FieldKind.CHOICE, auth,
                                ((API_KEY, tr("API key")), (COOKIE, tr("Session cookie (OAuth2)")))))
            if auth == COOKIE:
                fields.append(Field("cookie", tr("Session cookie"), FieldKind.PASSWORD, "", required=True,
                                    help=tr("The value of the “session” cookie of your signed-in RS-Server browser "
                                            "tab. Kept in the system keyring.")))
            else:
                fields.append(Field("api_key", tr("API key"), FieldKind.PASSWORD, "", required=True,
                                    help=tr("Kept in the system keyring (else QGIS's authentication database), never "
                                            "in the project or QGIS's settings.")))
                if mode == CLUSTER:
                    fields.append(Field("check_url", tr("API-key check URL"), FieldKind.URL,
                                        values.get("check_url") or "", required=True,
                                        placeholder="https://…/apikeymanager/check/api_key",
                                        help=tr("The UAC endpoint that tells the key's user and roles.")))
        fields.append(Field("owner_id", tr("Owner id"), FieldKind.TEXT, values.get("owner_id") or "",
                            required=mode == HYBRID and auth != COOKIE,
                            placeholder=tr("from the key") if mode == CLUSTER else "",
                            help=tr("The owner of your catalogue collections (letters and digits).")))
        for service in SERVICES:
            fields.append(Field(f"host_{service}", tr("{service} service root", service=service.upper()),
                                FieldKind.URL, values.get(f"host_{service}") or "", advanced=True,
                                placeholder=tr("the server's"), help=f"RSPY_HOST_{service.upper()}"))
        return ConnectionForm(fields, ok_label=tr("Check and save"))

    def _secret(self, name):
        return name in ("api_key", "cookie", "password", "secret", "token")

    def connection_from_form(self, name, values):
        mode = values.get("mode") or CLUSTER
        if mode not in (CLUSTER, HYBRID, LOCAL):
            raise InvalidInput(tr("Unknown mode {mode}.", mode=mode))
        auth = values.get("auth") or API_KEY
        url = str(values.get("url") or "").strip().rstrip("/")
        if url and not urlsplit(url).scheme.startswith("http"):
            raise InvalidInput(tr("Enter the RS-Server address (https://…)."))
        hosts = {s: str(values.get(f"host_{s}") or "").strip().rstrip("/") for s in SERVICES}
        if not url and not all(hosts.values()):
            raise InvalidInput(tr("Enter the RS-Server address (or every service root)."))
        options = {"mode": mode, "auth": auth if mode != LOCAL else "", "hosts": {k: v for k, v in hosts.items() if v},
                   "check_url": str(values.get("check_url") or "").strip() if mode == CLUSTER else "",
                   "owner_id": str(values.get("owner_id") or "").strip()}
        if mode == CLUSTER and auth == API_KEY and not options["check_url"]:
            raise InvalidInput(tr("Cluster mode needs the API-key check URL (the UAC endpoint); without it, choose "
                                  "hybrid mode and give the owner id."))
        if mode == HYBRID and auth != COOKIE and not options["owner_id"]:
            raise InvalidInput(tr("In hybrid mode the owner id must be given: edit the connection."))
        if mode != LOCAL and auth == API_KEY and not values.get("api_key"):
            raise InvalidInput(tr("Enter the API key."))
        if mode != LOCAL and auth == COOKIE and not values.get("cookie"):
            raise InvalidInput(tr("Paste the session cookie."))
        return Connection(self.id, name, url, "", options)

    def credentials_from_form(self, values):
        found = {k: str(values.get(k) or "").strip() for k in ("api_key", "cookie") if values.get(k)}
        return found or {"check": "1"}

    # -- the session
    def _session(self, ctx, connection, http) -> Session:
        options = connection.options or {}
        return Session(http, connection.url or (options.get("hosts") or {}).get("catalog", ""),
                       mode=options.get("mode") or CLUSTER, auth=options.get("auth") or API_KEY,
                       api_key=ctx.secrets.get(connection.id + "/api_key") or "" if options.get("mode") != LOCAL
                       else "", cookie=ctx.secrets.get(connection.id + "/cookie") or ""
                       if options.get("auth") == COOKIE else "",
                       check_url=options.get("check_url") or "", owner_id=options.get("owner_id") or "",
                       cache=_MemoryCache(ctx.memory, connection.id + "/check"), cache_key="")

    def client(self, ctx, connection):
        from .client import RsServerClient

        http = ctx.http(connection.url or "")
        client = RsServerClient(http, connection, self._session(ctx, connection, http))
        client.session.require_credentials()
        return client

    def request_headers(self, client):
        return client.headers()

    def sign_in(self, ctx, connection, credentials, *, progress=None, open_browser=None):
        previous = {}
        for key in ("api_key", "cookie"):
            if (credentials or {}).get(key):
                previous[key] = ctx.secrets.get(f"{connection.id}/{key}")
                ctx.secrets.set(f"{connection.id}/{key}", credentials[key])
        ctx.memory.delete(connection.id + "/check")
        try:
            return self.check(ctx, connection, progress or Progress())
        except EOError:
            for key, value in previous.items():  # a refused key is not kept
                if value:
                    ctx.secrets.set(f"{connection.id}/{key}", value)
                else:
                    ctx.secrets.delete(f"{connection.id}/{key}")
            raise

    def sign_in_methods(self, ctx, connection):
        return ()

    def has_session(self, ctx, connection):
        options = connection.options or {}
        if options.get("mode") == LOCAL:
            return True
        key = "cookie" if options.get("auth") == COOKIE else "api_key"
        return bool(ctx.secrets.get(f"{connection.id}/{key}"))

    def forget_session(self, ctx, connection):
        for key in ("api_key", "cookie"):
            ctx.secrets.delete(f"{connection.id}/{key}")
        ctx.memory.delete(connection.id + "/check")

    def check(self, ctx, connection, progress):
        """The Test button: the key or cookie checked (cluster), the owner resolved, and the catalogue's landing page
        read (a server that is not an RS-Server is told in a sentence)."""
        client = self.client(ctx, connection)
        with client.http:
            info = client.session.auth_info(progress, fresh=True)
            owner = client.owner_id(progress)
            try:
                landing = client.catalog.landing(progress)
            except (NotFound, ProtocolError) as err:
                raise ProtocolError(tr("{url} does not answer as an RS-Server: it has no STAC catalogue at "
                                       "{catalog}.", url=connection.url or client.href_service("catalog"),
                                       catalog=client.catalog.root_url), details=err.details) from None
            except NetworkError as err:
                raise NetworkError(tr("RS-Server ({url}) does not answer: check the address and your network, or "
                                      "try again later.", url=client.href_service("catalog")),
                                   details=err.details) from None
            if not landing.get("conformsTo") or not client.catalog.search_methods():
                raise ProtocolError(tr("{url} does not answer as an RS-Server: its catalogue has no STAC item "
                                       "search.", url=connection.url))
            return {"user": info.user_login if info else owner, "owner": owner,
                    "roles": list(info.iam_roles) if info else [], "mode": (connection.options or {}).get("mode")}

    def describe_account(self, connection, account):
        text = tr("Owner {owner}", owner=account.get("owner") or "?")
        if account.get("user") and account.get("user") != account.get("owner"):
            text = tr("Signed in as {user} — owner {owner}", user=account["user"], owner=account.get("owner"))
        roles = account.get("roles") or []
        if roles:
            text = tr("{status} — {count} roles", status=text, count=len(roles))
        return text

    # -- catalogue
    def operations(self):
        return self._operations

    def collections(self, client, **filters):
        from ..stac.items import filter_collections

        return filter_collections(client.catalog_collections(), **filters)

    def search_fields(self, collection):
        return fixed_fields()

    def queryable_fields(self, client, collection):
        schema = {}
        if collection:
            schema = client.catalog.queryables(client.full_collection_id(collection))
        return fixed_fields() + queryable_fields(schema or client.catalog.queryables())

    def search(self, client, collection, filters, aoi, progress, fields=None):
        values = dict(filters)
        body = search_body(collection, values, fields or fixed_fields(), aoi, bool(values.get("bbox_only")))
        return client.stac_search(collection, body, method=values.get("method") or None,
                                  max_items=values.get("max_items"), progress=progress)

    def console(self, runtime):
        from .console import console_functions

        return console_functions(self, runtime)


PLATFORM = RsServerPlatform()

__all__ = ["PLATFORM", "Dict"]
