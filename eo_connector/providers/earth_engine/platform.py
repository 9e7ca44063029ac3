"""Google Earth Engine as a platform: per-connection sessions (the `earthengine authenticate` credentials, the
browser, a service-account key, a SEPAL account) with their own token and Cloud project, checked at sign-in.

Kept light: the registry imports this module when the plugin starts, so everything else (the REST client, the
sign-in flows, earthengine-api) is imported inside the calls that need it. Secrets: the refresh token, the key
file's content or the SEPAL session go to the secret store; access tokens stay in memory for the QGIS session.
"""

import os
import threading
from typing import Dict

from ...core.errors import AuthenticationError, InvalidInput, SessionExpired
from ...core.i18n import tr
from ...core.platform import Capability, ConnectionForm, Field, FieldKind, Platform
from . import PLATFORM as PLATFORM_ID

API_URL = "https://earthengine.googleapis.com"
SEPAL_URL = "https://sepal.io"
CREDENTIALS, BROWSER, SERVICE_ACCOUNT, SEPAL = "credentials", "browser", "service_account", "sepal"
SECRET, MEMORY = "/earth_engine_grant", "/earth_engine_token"


def default_credentials_file() -> str:
    return os.path.join(os.path.expanduser("~"), ".config", "earthengine", "credentials")


def sign_in_names():
    return {CREDENTIALS: tr("Credentials of “earthengine authenticate”"), BROWSER: tr("In the browser (Google)"),
            SERVICE_ACCOUNT: tr("Service-account key file"), SEPAL: tr("SEPAL account")}


def _read(path: str, what: str) -> str:
    try:
        with open(os.path.expanduser(path), encoding="utf-8") as handle:
            return handle.read()
    except OSError as err:
        raise AuthenticationError(tr("The {what} cannot be read ({reason}): choose it again.", what=what,
                                     reason=err.strerror or type(err).__name__)) from None


class EarthEnginePlatform(Platform):
    id = PLATFORM_ID
    title = "Google Earth Engine"
    capabilities = frozenset({Capability.SIGN_IN, Capability.CATALOGUE, Capability.LIVE_LAYERS,
                              Capability.DOWNLOAD})
    default_url = API_URL
    python_packages = {"ee": "earthengine-api"}

    def __init__(self):
        self._operations = None
        self._locks: Dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    # -- the connection form
    def connection_form(self, values):
        method = values.get("sign_in") if values.get("sign_in") in sign_in_names() else CREDENTIALS
        fields = [Field("sign_in", tr("Sign in with"), FieldKind.CHOICE, method, tuple(sign_in_names().items()))]
        if method == CREDENTIALS:
            fields.append(Field("credentials_file", tr("Credentials file"), FieldKind.FILE,
                                default_credentials_file(), required=True,
                                help=tr("Written by “earthengine authenticate”; its refresh token is copied to your "
                                        "keyring.")))
        elif method == SERVICE_ACCOUNT:
            fields.append(Field("key_file", tr("Key file"), FieldKind.FILE, "", required=True,
                                placeholder=tr("Service-account key (*.json);;All files (*)"),
                                help=tr("Its content is kept in your keyring: the file can be moved afterwards.")))
        elif method == SEPAL:
            fields += [Field("sepal_url", tr("SEPAL"), FieldKind.URL, SEPAL_URL, required=True),
                       Field("username", tr("Username"), FieldKind.TEXT, "", required=True),
                       Field("password", tr("Password"), FieldKind.PASSWORD, "", required=True,
                             help=tr("Sent only to SEPAL's sign-in; never saved."))]
        fields += [Field("project", tr("Cloud project"), FieldKind.TEXT, "", required=method != SEPAL,
                         placeholder=tr("your Earth Engine Cloud project id"),
                         help=tr("The Google Cloud project registered for Earth Engine that your requests use "
                                 "(checked when you sign in).")),
                   Field("legacy_user", tr("Legacy assets (users/…)"), FieldKind.TEXT, "", advanced=True,
                         placeholder="users/me"),
                   Field("url", tr("Earth Engine API"), FieldKind.URL, API_URL, advanced=True),
                   Field("token_url", tr("Google token endpoint"), FieldKind.URL, "", advanced=True),
                   Field("auth_url", tr("Google sign-in page"), FieldKind.URL, "", advanced=True),
                   Field("catalog_url", tr("Public catalogue"), FieldKind.URL, "", advanced=True)]
        from .expressions import has_ee

        note = "" if has_ee() else tr("Earth Engine needs the Python package earthengine-api, which is not installed: "
                                      "press Install below, then restart QGIS.")
        ok = tr("Sign in with the browser and save") if method == BROWSER else tr("Sign in and save")
        return ConnectionForm(fields, ok_label=ok, note=note, uses_browser=method == BROWSER)

    def connection_from_form(self, name, values):
        connection = super().connection_from_form(name, values)
        options = connection.options
        options["sign_in"] = options.get("sign_in") or CREDENTIALS
        options["project"] = str(options.get("project") or "").strip()
        if options["sign_in"] != SEPAL:
            connection.username = ""
            if not options["project"]:
                raise InvalidInput(tr("Enter the Cloud project registered for Earth Engine."))
        elif not connection.username or not values.get("password"):
            raise InvalidInput(tr("Enter your SEPAL username and password."))
        if options["sign_in"] == SERVICE_ACCOUNT and not options.get("key_file"):
            raise InvalidInput(tr("Choose the service-account key file (.json)."))
        return connection

    def credentials_from_form(self, values):
        """Never empty, so the dialog signs in (reading the file or key) rather than only checking a session."""
        return dict(super().credentials_from_form(values), sign_in=values.get("sign_in") or CREDENTIALS)

    # -- the session
    def _option(self, connection, name, default=""):
        return str((connection.options or {}).get(name) or default)

    def _lock(self, connection) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(connection.id, threading.Lock())

    def _keep(self, ctx, connection, grant=None, token=None):
        if grant is not None:
            ctx.secrets.set(connection.id + SECRET, grant.to_secret())
        if token is not None:
            ctx.memory.set(connection.id + MEMORY, {"access_token": token.access_token,
                                                    "expires_at": token.expires_at, "project": token.project})

    def _grant(self, ctx, connection):
        from .auth import Grant

        return Grant.from_secret(ctx.secrets.get(connection.id + SECRET) or "")

    def client(self, ctx, connection):
        from .auth import GOOGLE_TOKEN_URL, Token, TokenSource
        from .client import EarthEngineClient

        grant = self._grant(ctx, connection)
        if grant is None:
            raise SessionExpired(tr("Not signed in to Earth Engine: sign in again."))
        if self._option(connection, "token_url") and grant.token_url == GOOGLE_TOKEN_URL:
            grant.token_url = self._option(connection, "token_url")
        def shared():
            cached = ctx.memory.get(connection.id + MEMORY) or {}
            return Token(cached["access_token"], cached.get("expires_at", 0), cached.get("project", "")) \
                if cached.get("access_token") else None

        token = shared()
        http = ctx.http(connection.url or API_URL)
        tokens = TokenSource(http, grant, token=token, lock=self._lock(connection), load=shared,
                             on_token=lambda new: self._keep(ctx, connection, token=new))
        project = self._option(connection, "project") or (token.project if token else "")
        from .assets import DEFAULT_CATALOG_URL

        return EarthEngineClient(http, connection.url or API_URL, project, tokens, rasters=ctx.rasters,
                                 catalog_url=self._option(connection, "catalog_url", DEFAULT_CATALOG_URL),
                                 connection=connection)

    def sign_in(self, ctx, connection, credentials, *, progress=None, open_browser=None):
        from ...core.progress import Progress
        from . import auth

        method = self._option(connection, "sign_in", CREDENTIALS)
        token_url = self._option(connection, "token_url", auth.GOOGLE_TOKEN_URL)
        password = (credentials or {}).get("password")
        token = None
        with ctx.http(connection.url or API_URL) as http:
            if method == SEPAL:
                if not password:
                    raise AuthenticationError(tr("Enter your SEPAL password."))
                grant, token, _user = auth.sepal_sign_in(http, self._option(connection, "sepal_url", SEPAL_URL),
                                                         connection.username, password)
                if token is not None and token.project and not self._option(connection, "project"):
                    connection.options["project"] = token.project
            elif method == BROWSER or open_browser is not None:
                if open_browser is None:
                    raise AuthenticationError(tr("Sign in with the browser."))
                grant, token = auth.browser_sign_in(
                    http, progress or Progress(), open_browser, auth_url=self._option(
                        connection, "auth_url", auth.GOOGLE_AUTH_URL), token_url=token_url,
                    port=int(self._option(connection, "redirect_port", "0") or 0))
            elif method == SERVICE_ACCOUNT:
                grant = auth.grant_from_key(_read(self._option(connection, "key_file"), tr("key file")), token_url)
                if not self._option(connection, "project") and grant.key.get("project_id"):
                    connection.options["project"] = grant.key["project_id"]
            else:
                grant = auth.grant_from_credentials_file(
                    _read(self._option(connection, "credentials_file", default_credentials_file()),
                          tr("credentials file")), token_url)
            source = auth.TokenSource(http, grant, token=token)
            source.bearer()  # a refresh token or a key is proved here
            if not self._option(connection, "project"):
                raise InvalidInput(tr("Enter the Cloud project registered for Earth Engine."))
        self._keep(ctx, connection, grant, source.token)
        account = self.check(ctx, connection, progress or Progress())
        return account

    def sign_in_methods(self, ctx, connection):
        method = self._option(connection, "sign_in", CREDENTIALS)
        if method == SEPAL:
            return ("password",)
        if method == SERVICE_ACCOUNT:
            return ()
        return ("browser",)

    def has_session(self, ctx, connection):
        return bool(ctx.secrets.get(connection.id + SECRET))

    def forget_session(self, ctx, connection):
        ctx.memory.delete(connection.id + MEMORY)
        ctx.secrets.delete(connection.id + SECRET)

    def check(self, ctx, connection, progress):
        """The token renewed if needed, then the Cloud project's asset root listed (proves the project is
        registered for Earth Engine and the account may use it)."""
        client = self.client(ctx, connection)
        with client.http:
            client.tokens.bearer()
            count = client.check_project()
            grant = client.tokens.grant
            return {"user": grant.username or connection.username, "project": client.project, "assets": count,
                    "sign_in": self._option(connection, "sign_in", CREDENTIALS)}

    def describe_account(self, connection, account):
        user = account.get("user")
        project = account.get("project") or self._option(connection, "project")
        if user:
            return tr("Signed in as {user}; Cloud project {project}.", user=user, project=project)
        return tr("Signed in; Cloud project {project}.", project=project)

    # -- what it does
    def operations(self):
        if self._operations is None:
            from .exports import ExportOperation, TaskOperation
            from .operations import FeaturesOperation, LayerOperation, PixelsOperation

            self._operations = {op.kind: op for op in (LayerOperation(), PixelsOperation(), FeaturesOperation(),
                                                       ExportOperation(), TaskOperation())}
        return self._operations

    def refresh_live_layer(self, ctx, connection, state):
        from .expressions import visualize

        client = self.client(ctx, connection)
        with client.http:
            return client.create_map(visualize(state["expression"], state.get("vis") or {}))

    def console(self, runtime):
        from .console import console_functions

        return console_functions(self, runtime)


PLATFORM = EarthEnginePlatform()
