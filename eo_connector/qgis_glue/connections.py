"""Saved connections (QgsSettings, nothing secret) and, for each, its platform's session and client.

The platforms (providers.registry) do the signing in; this module gives them where secrets live (the system
keyring, else QGIS's encrypted authentication database; SessionSecrets for what lasts one QGIS session) and the one
HTTP session factory (QGIS's proxy, TLS, timeouts, retries).
"""

import contextlib
from typing import Callable, Dict, List, Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.credentials import SecretStore, SessionSecrets
from ..core.errors import InvalidInput
from ..core.i18n import tr
from ..core.models import Connection
from ..core.platform import Platform, PlatformContext
from ..core.progress import Progress
from ..providers import registry
from . import settings
from .proxy import qgis_http_session
from .rasters import GdalRasters


class SavedListSignals(QObject):
    changed = pyqtSignal()  # a connection was added, changed or removed: by the dock or from the console


class Connections(PlatformContext):
    def __init__(self, secrets: Optional[SecretStore] = None):
        super().__init__(secrets=secrets, memory=SessionSecrets(), http=qgis_http_session, rasters=GdalRasters())
        self.signals = SavedListSignals()

    @property
    def secrets(self) -> SecretStore:
        if self._secrets is None:  # created on first use: nothing heavy at plugin start
            from .qgis_auth import QgsAuthSecretBackend

            self._secrets = SecretStore(fallback=QgsAuthSecretBackend())
        return self._secrets

    def secrets_locked(self) -> bool:
        """The user kept QGIS's authentication database locked in this session: saved sign-ins are out of reach."""
        return bool(self._secrets is not None and getattr(self._secrets.fallback, "refused", False))

    @property
    def session(self) -> SessionSecrets:  # the name older code and tests use
        return self.memory

    # -- the saved list
    def all(self) -> List[Connection]:
        return settings.load_connections()

    def get(self, id_or_name: str) -> Connection:
        for connection in self.all():
            if id_or_name in (connection.id, connection.name):
                return connection
        raise InvalidInput(tr("There is no connection named {name}.", name=id_or_name))

    def find(self, connection_id: str) -> Optional[Connection]:
        return next((c for c in self.all() if c.id == connection_id), None)

    def add(self, connection: Connection) -> Connection:
        self.validate(connection)
        settings.save_connections([c for c in self.all() if c.id != connection.id] + [connection])
        self.signals.changed.emit()
        return connection

    def validate(self, connection: Connection):
        """Refuse a connection that cannot be saved, with the reason."""
        if not connection.name.strip():
            raise InvalidInput(tr("Give the connection a name."))
        registry.get(connection.platform)  # a platform this plugin knows
        if not connection.url.startswith(("https://", "http://")):
            raise InvalidInput(tr("The server address must start with https://"))
        others = [c for c in self.all() if c.id != connection.id]
        if any(c.name == connection.name for c in others):
            raise InvalidInput(tr("A connection named {name} already exists.", name=connection.name))

    def remove(self, connection_id: str):
        connection = self.find(connection_id)
        settings.save_connections([c for c in self.all() if c.id != connection_id])
        self.signals.changed.emit()
        if connection is not None:
            self.forget_session(connection)
        from .layers import remove_layers_of_connection

        remove_layers_of_connection(connection_id)

    # -- sessions (each platform keeps its own)
    @staticmethod
    def platform(connection: Connection) -> Platform:
        return registry.get(connection.platform)

    def has_session(self, connection: Connection) -> bool:
        return self.platform(connection).has_session(self, connection)

    def forget_session(self, connection: Connection):
        platform = registry.find(connection.platform)
        if platform is not None:
            platform.forget_session(self, connection)

    def remember_password(self, connection: Connection, password: str):
        """For this QGIS session only (renews expired tokens silently); never stored."""
        self.memory.set(connection.id + "/password", password)

    def client(self, connection: Connection):
        """The platform's client for this connection; build it in the thread that uses it."""
        return self.platform(connection).client(self, connection)

    @contextlib.contextmanager
    def open_client(self, connection: Connection):
        """`with connections.open_client(c) as client:` a client whose HTTP connections are closed afterwards."""
        client = self.client(connection)
        try:
            yield client
        finally:
            http = getattr(client, "http", None)
            if http is not None:
                http.close()

    def sign_in(self, connection: Connection, password: Optional[str] = None, *, progress: Optional[Progress] = None,
                open_browser: Optional[Callable[[str], bool]] = None, credentials: Optional[Dict[str, str]] = None
                ) -> dict:
        """Blocking (run it in a task): sign in with the credentials given (a password, or in the browser when
        open_browser is given), else check the saved session; returns the account."""
        credentials = dict(credentials or {})
        if password:
            credentials["password"] = password
        platform = self.platform(connection)
        if credentials or open_browser is not None:
            return platform.sign_in(self, connection, credentials, progress=progress, open_browser=open_browser)
        return platform.check(self, connection, progress or Progress())

    def check(self, connection: Connection, progress: Optional[Progress] = None) -> dict:
        """The Test button: renew the session if needed and return the account (in a task)."""
        return self.platform(connection).check(self, connection, progress or Progress())
