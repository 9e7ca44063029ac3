"""Saved connections (QgsSettings, nothing secret) and the clients built from them.

Tokens live in the SecretStore (system keyring, else QGIS's encrypted authentication database). A password typed
for BrightEarth is kept in memory for this QGIS session only, so an expired token can be renewed silently; it is
never written anywhere.
"""

import json
import time
from typing import List, Optional

from . import settings
from .core.credentials import SecretStore, SessionSecrets
from .core.errors import InvalidInput
from .core.http import HttpSession
from .core.i18n import tr
from .core.models import Connection
from .providers import brightearth
from .providers.brightearth.client import BeodClient
from .proxy import proxies_from_qgis_settings

PLATFORM_NAMES = {brightearth.PLATFORM: "BrightEarth On Demand"}


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
        tokens = self._stored_tokens(connection)
        fresh = tokens.get("access_token") and (not tokens.get("expiry") or tokens["expiry"] > time.time())
        return bool(fresh or self.session.get(connection.id + "/password"))

    def forget_session(self, connection: Connection):
        self.session.delete(connection.id + "/password")
        self.secrets.delete(connection.id + "/tokens")

    # -- clients (build them in the thread that uses them)
    def client(self, connection: Connection) -> BeodClient:
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

    def sign_in(self, connection: Connection, password: Optional[str] = None) -> dict:
        """Blocking (run it in a task): sign in if a password is given, then return who you are (users/me)."""
        client = self.client(connection)
        if password:
            client.login(password)
            self.remember_password(connection, password)
        return client.me()
