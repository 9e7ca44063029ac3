"""Saved connections (QgsSettings, nothing secret) and the clients built from them.

Tokens live in the SecretStore (system keyring, else QGIS's encrypted authentication database). A password typed
for BrightEarth is kept in memory for this QGIS session only, so an expired token can be renewed silently; it is
never written anywhere. Terrascope keeps only its refresh token in the SecretStore (its access tokens last minutes
and stay in memory); its password is sent once to the token endpoint and forgotten.
"""

import json
import time
from typing import Callable, List, Optional

from ..core.credentials import SecretStore, SessionSecrets
from ..core.errors import InvalidInput
from ..core.http import HttpSession
from ..core.i18n import tr
from ..core.models import Connection
from ..core.progress import Progress
from ..providers import brightearth, terrascope
from ..providers.brightearth.client import BeodClient
from ..providers.terrascope.client import TerrascopeClient
from ..providers.terrascope.config import CatalogueConfig, config_from_file, environment_config
from ..providers.terrascope.oidc import OidcClient, TokenKeeper, Tokens
from . import settings
from .proxy import proxies_from_qgis_settings

PLATFORM_NAMES = {brightearth.PLATFORM: "BrightEarth On Demand", terrascope.PLATFORM: "Terrascope catalogue"}


class Connections:
    def __init__(self, secrets: Optional[SecretStore] = None):
        self._secrets = secrets
        self.session = SessionSecrets()

    @property
    def secrets(self) -> SecretStore:
        if self._secrets is None:  # created on first use: nothing heavy at plugin start
            from .qgis_auth import QgsAuthSecretBackend

            self._secrets = SecretStore(fallback=QgsAuthSecretBackend())
        return self._secrets

    # -- the saved list
    def all(self) -> List[Connection]:
        return settings.load_connections()

    def get(self, id_or_name: str) -> Connection:
        for connection in self.all():
            if id_or_name in (connection.id, connection.name):
                return connection
        raise InvalidInput(tr("There is no connection named {name}.", name=id_or_name))

    def add(self, connection: Connection) -> Connection:
        self.validate(connection)
        settings.save_connections([c for c in self.all() if c.id != connection.id] + [connection])
        return connection

    def validate(self, connection: Connection):
        """Refuse a connection that cannot be saved, with the reason."""
        if not connection.name.strip():
            raise InvalidInput(tr("Give the connection a name."))
        if not connection.url.startswith(("https://", "http://")):
            raise InvalidInput(tr("The server address must start with https://"))
        others = [c for c in self.all() if c.id != connection.id]
        if any(c.name == connection.name for c in others):
            raise InvalidInput(tr("A connection named {name} already exists.", name=connection.name))

    def remove(self, connection_id: str):
        settings.save_connections([c for c in self.all() if c.id != connection_id])
        self.session.delete(connection_id + "/password")
        self.session.delete(connection_id + "/access")
        self.secrets.delete(connection_id + "/tokens")

    # -- secrets
    def remember_password(self, connection: Connection, password: str):
        """For this QGIS session only (renews expired tokens silently); never stored."""
        self.session.set(connection.id + "/password", password)

    def _stored_tokens(self, connection: Connection) -> dict:
        raw = self.secrets.get(connection.id + "/tokens")
        try:
            return json.loads(raw) if raw else {}
        except ValueError:
            return {}

    def _save_tokens(self, connection: Connection, tokens: dict):
        self.secrets.set(connection.id + "/tokens", json.dumps(tokens))

    def has_session(self, connection: Connection) -> bool:
        if connection.platform == terrascope.PLATFORM:
            if not self.catalogue_config(connection).needs_sign_in:
                return True  # e.g. CGLS: open to all
            return bool(self._terrascope_tokens(connection).refresh_token or self._live_access(connection))
        tokens = self._stored_tokens(connection)
        fresh = tokens.get("access_token") and (not tokens.get("expiry") or tokens["expiry"] > time.time())
        return bool(fresh or self.session.get(connection.id + "/password"))

    def forget_session(self, connection: Connection):
        self.session.delete(connection.id + "/password")
        self.session.delete(connection.id + "/access")
        self.secrets.delete(connection.id + "/tokens")

    # -- clients (build them in the thread that uses them)
    def client(self, connection: Connection):
        if connection.platform == terrascope.PLATFORM:
            return self._terrascope_client(connection)
        if connection.platform != brightearth.PLATFORM:
            raise InvalidInput(tr("Unknown platform: {name}.", name=connection.platform))
        tokens = self._stored_tokens(connection)
        http = HttpSession(connection.url, proxies=proxies_from_qgis_settings())
        return BeodClient(
            connection.url,
            connection.username,
            access_token=tokens.get("access_token"),
            token_expiry=tokens.get("expiry"),
            password=self.session.get(connection.id + "/password"),
            http=http,
            on_tokens=lambda new: self._save_tokens(connection, new),
        )

    def sign_in(self, connection: Connection, password: Optional[str] = None, *, progress: Optional[Progress] = None,
                open_browser: Optional[Callable[[str], bool]] = None) -> dict:
        """Blocking (run it in a task): sign in if a password is given, then return who you are (users/me).
        Terrascope: with a password the password grant, else (open_browser given) the browser sign-in."""
        if connection.platform == terrascope.PLATFORM:
            return self._terrascope_sign_in(connection, password, progress, open_browser)
        client = self.client(connection)
        if password:
            client.login(password)
            self.remember_password(connection, password)
        return client.me()

    # -- Terrascope (OpenSearch catalogue, Keycloak-style OIDC)
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

    def _terrascope_tokens(self, connection: Connection) -> Tokens:
        stored = self._stored_tokens(connection)
        access = self._live_access(connection) or {}
        return Tokens(access_token=access.get("access_token", ""), expires_at=access.get("expires_at", 0.0),
                      refresh_token=stored.get("refresh_token", ""),
                      refresh_expires_at=stored.get("refresh_expires_at", 0.0),
                      username=stored.get("username", connection.username))

    def _live_access(self, connection: Connection) -> Optional[dict]:
        access = self.session.get(connection.id + "/access")
        return access if access and access.get("expires_at", 0) > time.time() else None

    def _keep_terrascope_tokens(self, connection: Connection, tokens: Tokens):
        """The refresh token goes to the SecretStore; the short-lived access token stays in memory."""
        self.session.set(connection.id + "/access", {"access_token": tokens.access_token,
                                                     "expires_at": tokens.expires_at})
        self._save_tokens(connection, {"refresh_token": tokens.refresh_token,
                                       "refresh_expires_at": tokens.refresh_expires_at,
                                       "username": tokens.username})

    def _terrascope_client(self, connection: Connection) -> TerrascopeClient:
        config = self.catalogue_config(connection)
        http = HttpSession(config.catalogue_url, proxies=proxies_from_qgis_settings())
        keeper = None
        if config.needs_sign_in:
            tokens = self._terrascope_tokens(connection)
            if tokens.refresh_token or tokens.access_token:
                keeper = TokenKeeper(OidcClient(config, http), tokens,
                                     lambda new: self._keep_terrascope_tokens(connection, new))
        return TerrascopeClient(config, http, keeper)

    def _terrascope_sign_in(self, connection, password, progress, open_browser) -> dict:
        config = self.catalogue_config(connection)
        if not config.needs_sign_in:
            return {"username": "", "sign_in": "none"}
        if not password and open_browser is None:
            raise InvalidInput(tr("Enter your password, or sign in with the browser."))
        with HttpSession(config.catalogue_url, proxies=proxies_from_qgis_settings()) as http:
            oidc = OidcClient(config, http)
            if password:
                tokens = oidc.password_grant(connection.username, password)
            else:
                port = int((connection.options or {}).get("redirect_port", 5000))
                tokens = oidc.browser_sign_in(progress or Progress(), open_browser, port=port)
        if not tokens.username:
            tokens.username = connection.username
        self._keep_terrascope_tokens(connection, tokens)
        return {"username": tokens.username or connection.username, "sign_in": "password" if password else "browser"}
