"""The Terrascope catalogue as a platform: environments (or a terracatalogueclient .ini), OIDC sign-in in the
browser or with a password, collections, paged searches and downloads of chosen product files.

Only the refresh token is kept (secret store); access tokens last minutes and stay in memory; a password is sent
once to the token endpoint and forgotten.
"""

import time
from typing import Optional

from ...core.errors import EOError, InvalidInput, SessionExpired
from ...core.i18n import tr
from ...core.models import Connection
from ...core.platform import Capability, ConnectionForm, Field, FieldKind, Platform
from . import PLATFORM as PLATFORM_ID
from .config import CatalogueConfig, config_from_file, environment_config
from .operations import DownloadOperation, SearchOperation, search_fields

CUSTOM = "custom"
BROWSER, PASSWORD = "browser", "password"
DEFAULT_REDIRECT_PORT = 5000  # terracatalogueclient's client is registered with http://localhost:5000/


def environment_names():
    return {"terrascope": tr("Terrascope"), "hrvpp": tr("HR-VPP"), "cgls": tr("CGLS (no sign-in)"),
            CUSTOM: tr("Custom .ini file")}


class TerrascopePlatform(Platform):
    id = PLATFORM_ID
    title = "Terrascope catalogue"
    capabilities = frozenset({Capability.SIGN_IN, Capability.CATALOGUE, Capability.SEARCH, Capability.DOWNLOAD})

    def __init__(self):
        self._operations = {op.kind: op for op in (SearchOperation(), DownloadOperation())}

    # -- configuration
    def catalogue_config(self, connection: Connection) -> CatalogueConfig:
        """The environment's settings (terrascope, hrvpp, cgls) or those of the connection's .ini file."""
        options = connection.options or {}
        if options.get("config_file"):
            config = config_from_file(options["config_file"])
        else:
            config = environment_config(options.get("environment") or "terrascope")
        if connection.url and not options.get("config_file"):
            config.catalogue_url = connection.url.rstrip("/") + "/"
        return config

    def environment_url(self, environment: str) -> str:
        return environment_config(environment).catalogue_url

    # -- the connection form
    def connection_form(self, values):
        environment = values.get("environment") or "terrascope"
        fields = [Field("environment", tr("Environment"), FieldKind.CHOICE, "terrascope",
                        tuple(environment_names().items()))]
        config, note = None, ""
        if environment == CUSTOM:
            fields.append(Field("config_file", tr("Configuration"), FieldKind.FILE, "", required=True,
                                help=tr("terracatalogueclient configuration file"),
                                placeholder=tr("Catalogue configuration (*.ini);;All files (*)")))
        else:
            fields.append(Field("url", tr("Catalogue"), FieldKind.URL, self.environment_url(environment),
                                required=True))
        if environment != CUSTOM or values.get("config_file"):
            try:
                config = self.catalogue_config(self._probe("", values))
            except EOError as err:
                note = str(err)
        methods = []
        if config is None or config.needs_sign_in:
            if config is None or (config.interactive_supported and config.authorization_endpoint):
                methods.append((BROWSER, tr("In the browser")))
            if config is None or config.non_interactive_supported:
                methods.append((PASSWORD, tr("Username and password")))
        method = values.get("sign_in_method") if values.get("sign_in_method") in dict(methods) else (
            methods[0][0] if methods else "")
        if methods:
            fields.append(Field("sign_in_method", tr("Sign in"), FieldKind.CHOICE, method, tuple(methods)))
        if method == PASSWORD:
            fields.append(Field("username", tr("Username"), FieldKind.TEXT, "", required=True))
            fields.append(Field("password", tr("Password"), FieldKind.PASSWORD, "", required=True,
                                help=tr("Sent only to the server's sign-in; never saved to disk.")))
        if config is not None and not config.needs_sign_in:
            ok = tr("Save")
        elif method == BROWSER:
            ok = tr("Sign in with the browser and save")
        else:
            ok = tr("Sign in and save")
        return ConnectionForm(fields, ok_label=ok, note=note, uses_browser=method == BROWSER)

    def _probe(self, name: str, values) -> Connection:
        environment = values.get("environment") or "terrascope"
        port = values.get("redirect_port")
        options = {"environment": environment,
                   "redirect_port": DEFAULT_REDIRECT_PORT if port in (None, "") else int(port)}
        if environment == CUSTOM:
            options["config_file"] = str(values.get("config_file") or "").strip()
        url = "" if environment == CUSTOM else str(values.get("url") or "").strip().rstrip("/")
        return Connection(self.id, name, url, str(values.get("username") or "").strip(), options)

    def connection_from_form(self, name, values):
        connection = self._probe(name, values)
        custom = connection.options["environment"] == CUSTOM
        if custom and not connection.options["config_file"]:
            raise InvalidInput(tr("Choose the catalogue configuration file (.ini)."))
        config = self.catalogue_config(connection)  # refuses a bad .ini file in words
        if custom:
            connection.url = config.catalogue_url.rstrip("/")
        shown = self.connection_form(values).fields
        chosen = next((f.default for f in shown if f.name == "sign_in_method"), "")
        if config.needs_sign_in and chosen == PASSWORD:
            if not connection.username:
                raise InvalidInput(tr("Enter your username."))
            if not values.get("password"):
                raise InvalidInput(tr("Enter your password."))
        elif config.needs_sign_in:
            connection.username = ""  # learnt from the sign-in
        return connection

    # -- the session
    def _stored(self, ctx, connection) -> dict:
        import json

        raw = ctx.secrets.get(connection.id + "/tokens")
        try:
            return json.loads(raw) if raw else {}
        except ValueError:
            return {}

    def _live_access(self, ctx, connection) -> Optional[dict]:
        access = ctx.memory.get(connection.id + "/access")
        return access if access and access.get("expires_at", 0) > time.time() else None

    def _tokens(self, ctx, connection):
        from .oidc import Tokens

        stored = self._stored(ctx, connection)
        access = self._live_access(ctx, connection) or {}
        return Tokens(access_token=access.get("access_token", ""), expires_at=access.get("expires_at", 0.0),
                      refresh_token=stored.get("refresh_token", ""),
                      refresh_expires_at=stored.get("refresh_expires_at", 0.0),
                      username=stored.get("username", connection.username))

    def _keep_tokens(self, ctx, connection, tokens) -> None:
        """The refresh token goes to the secret store; the short-lived access token stays in memory."""
        import json

        ctx.memory.set(connection.id + "/access", {"access_token": tokens.access_token,
                                                   "expires_at": tokens.expires_at})
        ctx.secrets.set(connection.id + "/tokens", json.dumps({
            "refresh_token": tokens.refresh_token, "refresh_expires_at": tokens.refresh_expires_at,
            "username": tokens.username}))

    def client(self, ctx, connection):
        from .client import TerrascopeClient
        from .oidc import OidcClient, TokenKeeper

        config = self.catalogue_config(connection)
        http = ctx.http(config.catalogue_url)
        keeper = None
        if config.needs_sign_in:
            tokens = self._tokens(ctx, connection)
            if tokens.refresh_token or tokens.access_token:
                keeper = TokenKeeper(OidcClient(config, http), tokens,
                                     lambda new: self._keep_tokens(ctx, connection, new))
        return TerrascopeClient(config, http, keeper)

    def request_headers(self, client):
        return client.auth_headers()

    def sign_in(self, ctx, connection, credentials, *, progress=None, open_browser=None):
        from ...core.progress import Progress
        from .oidc import OidcClient

        config = self.catalogue_config(connection)
        if not config.needs_sign_in:
            return {"user": "", "sign_in": "none"}
        password = (credentials or {}).get("password")
        if not password and open_browser is None:
            raise InvalidInput(tr("Enter your password, or sign in with the browser."))
        with ctx.http(config.catalogue_url) as http:
            oidc = OidcClient(config, http)
            if password:
                tokens = oidc.password_grant(connection.username, password)
            else:
                port = int((connection.options or {}).get("redirect_port", DEFAULT_REDIRECT_PORT))
                tokens = oidc.browser_sign_in(progress or Progress(), open_browser, port=port)
        if not tokens.username:
            tokens.username = connection.username
        self._keep_tokens(ctx, connection, tokens)
        return {"user": tokens.username or connection.username, "username": tokens.username or connection.username,
                "sign_in": PASSWORD if password else BROWSER}

    def sign_in_methods(self, ctx, connection):
        try:
            config = self.catalogue_config(connection)
        except EOError:
            return (PASSWORD,)
        if not config.needs_sign_in:
            return ()
        methods = []
        if config.non_interactive_supported:
            methods.append(PASSWORD)
        if config.interactive_supported and config.authorization_endpoint:
            methods.append(BROWSER)
        return tuple(methods)

    def has_session(self, ctx, connection):
        if not self.catalogue_config(connection).needs_sign_in:
            return True  # e.g. CGLS: open to all
        return bool(self._tokens(ctx, connection).refresh_token or self._live_access(ctx, connection))

    def forget_session(self, ctx, connection):
        ctx.memory.delete(connection.id + "/access")
        ctx.secrets.delete(connection.id + "/tokens")

    def check(self, ctx, connection, progress):
        """Renew the access token (proves the saved session still works) and list the collections (proves the
        catalogue answers)."""
        client = self.client(ctx, connection)
        with client.http:
            username = ""
            if client.config.needs_sign_in:
                if client.tokens is None:
                    raise SessionExpired(tr("Not signed in: sign in again with your password or in the browser."))
                client.auth_headers(fresh=True)
                username = client.tokens.username
            user = username or connection.username
            return {"user": user, "username": user, "collections": len(client.collections()),
                    "open": not client.config.needs_sign_in}

    def describe_account(self, connection, account):
        if account.get("open"):
            text = tr("No sign-in needed: this catalogue is open to all.")
        else:
            user = account.get("user") or connection.username
            text = tr("Signed in as {username}", username=user) if user else tr("Signed in")
        if account.get("collections") is not None:
            text = tr("{status} — the catalogue lists {count} collections.", status=text,
                      count=account["collections"])
        return text

    # -- catalogue and operations
    def operations(self):
        return self._operations

    def collections(self, client, **filters):
        return client.collections(**filters)

    def search_fields(self, collection):
        return search_fields()

    def search(self, client, collection, filters, aoi, progress):
        arguments = dict(filters)
        if aoi is not None and "bbox" not in arguments and "geometry" not in arguments:
            arguments["geometry"] = aoi.wkt()
        return client.search(collection, progress=progress, **arguments)

    def console(self, runtime):
        from .console import console_functions

        return console_functions(self, runtime)


PLATFORM = TerrascopePlatform()
