"""QGIS glue: QGIS's encrypted authentication database as the fallback secret store.

Used by core.credentials.SecretStore when no system keyring works. Each key is one "Basic" authentication
configuration named "EO Connector: <key>", the secret in its (encrypted) password field. QGIS asks the user
for the master password when it is needed and not yet entered in this session. Before QGIS asks, the plugin says in
one sentence why (`explain`, on the GUI thread from any thread); if the user says "Not now" or cancels QGIS's
prompt, SecretStoreLocked is raised, and again at once (no new prompt) for the rest of the session: saved sign-ins
cannot be used until QGIS restarts, new ones are kept in memory (core.credentials.SecretStore). Lookups by name read
only the unencrypted part, so asking whether a secret exists never prompts.
"""

import threading
from typing import Callable, Optional

from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QThread, pyqtSignal, pyqtSlot

from ..core.errors import SecretStoreLocked, SecretStoreUnavailable
from ..core.i18n import tr
from ..core.log import logger, register_secret

AUTH_METHOD = "Basic"
NAME_PREFIX = "EO Connector: "
# Without a screen nobody can type the master password, so QGIS could not unlock the database on demand.
_HEADLESS_PLATFORMS = ("offscreen", "minimal")


class QgsAuthSecretBackend:
    """The SecretStore fallback over QgsApplication.authManager()."""

    def __init__(self, auth_manager=None, name_prefix: str = NAME_PREFIX,
                 explain: Optional[Callable[[bool], bool]] = None):
        self._auth_manager = auth_manager
        self.name_prefix = name_prefix
        self._lock = threading.RLock()  # find-then-store must not interleave between worker threads
        # explain(first_time) -> go ahead? Said before QGIS asks for its master password (first_time: QGIS will ask
        # to choose one); tests give their own.
        self.explain = explain or explain_before_qgis_asks
        self.refused = False  # the user kept the database locked: not asked again in this session

    @property
    def display_name(self) -> str:
        return tr("QGIS authentication database")

    def available(self) -> bool:
        """True when secrets can be stored: the auth system works and the master password is entered or can
        be asked for."""
        manager = self._manager()
        if manager is None or manager.isDisabled():
            return False
        return manager.masterPasswordIsSet() or _user_can_be_asked()

    def get(self, key: str):
        with self._lock:
            config_ids = self._config_ids(key)
            if not config_ids:
                return None
            manager = self._unlocked_manager()
            ok, config = manager.loadAuthenticationConfig(config_ids[0], QgsAuthMethodConfig(), True)
            if not ok:
                raise SecretStoreUnavailable(
                    tr("The saved credentials could not be read from the QGIS authentication database."),
                    details=f"loadAuthenticationConfig failed for {config_ids[0]} ({key!r})",
                )
            value = config.config("password") or None
            if value is not None:
                register_secret(value)
            return value

    def set(self, key: str, value: str) -> None:
        register_secret(value)
        with self._lock:
            manager = self._unlocked_manager()
            config_ids = self._config_ids(key)
            config = QgsAuthMethodConfig(AUTH_METHOD)
            config.setName(self.name_prefix + key)
            config.setConfig("username", key)
            config.setConfig("password", value)
            if config_ids:
                config.setId(config_ids[0])
                ok = manager.updateAuthenticationConfig(config)
                for extra in config_ids[1:]:  # duplicates from an older race: the updated one wins
                    manager.removeAuthenticationConfig(extra)
            else:
                ok, _stored = manager.storeAuthenticationConfig(config)
            if not ok:
                raise SecretStoreUnavailable(
                    tr("The credentials could not be saved in the QGIS authentication database."),
                    details=f"storing authentication config for {key!r} failed",
                )
            logger.debug("Secret %r saved in the QGIS authentication database", key)

    def delete(self, key: str) -> None:
        with self._lock:
            manager = self._manager()
            if manager is None:
                return
            for config_id in self._config_ids(key):
                if not manager.removeAuthenticationConfig(config_id):
                    logger.warning("Could not remove authentication config %s (%r)", config_id, key)

    # -- internals
    def _manager(self):
        return self._auth_manager or QgsApplication.authManager()

    def _unlocked_manager(self):
        """The auth manager with the master password entered (QGIS asks the user if needed)."""
        manager = self._manager()
        if manager is None or manager.isDisabled():
            raise SecretStoreUnavailable(details="QGIS authentication system disabled")
        if manager.masterPasswordIsSet():
            return manager
        if self.refused:
            raise SecretStoreLocked(details="master password declined earlier in this session")
        if not _user_can_be_asked():
            raise SecretStoreUnavailable(
                tr("The QGIS authentication database is locked: enter its master password to use saved credentials."),
                details="master password not entered (nobody to ask)",
            )
        first_time = not _has_master_password(manager)
        if not self.explain(first_time) or not manager.setMasterPassword(True):
            self.refused = True
            raise SecretStoreLocked(details="master password not entered")
        return manager

    def _config_ids(self, key: str):
        """Ids of our configs for `key`, read without decrypting (so without the master password)."""
        manager = self._manager()
        if manager is None or manager.isDisabled():
            return []
        name = self.name_prefix + key
        configs = manager.availableAuthMethodConfigs()
        return sorted(cid for cid, cfg in configs.items() if cfg.name() == name and cfg.method() == AUTH_METHOD)


def _user_can_be_asked() -> bool:
    app = QgsApplication.instance()
    return app is not None and QgsApplication.platformName() not in _HEADLESS_PLATFORMS


def _has_master_password(manager) -> bool:
    """Whether the database already has a master password (else QGIS asks to choose a new one)."""
    try:
        return bool(manager.masterPasswordHashInDatabase())
    except (AttributeError, TypeError):
        return True


def explanation(first_time: bool) -> str:
    """The sentence said before QGIS asks for its master password."""
    if first_time:
        return tr("EO Connector keeps your sign-ins in QGIS's encrypted authentication database (no system keyring "
                  "works here), which has no master password yet: QGIS will now ask you to choose one, and Cancel "
                  "there only means this sign-in is kept until QGIS closes.")
    return tr("EO Connector keeps your sign-ins in QGIS's encrypted authentication database (no system keyring works "
              "here): QGIS will now ask for its master password, and Cancel there only means your saved sign-ins "
              "cannot be used until QGIS restarts.")


class _Asker(QObject):
    """Shows the explanation on the GUI thread; a worker thread waits for the answer."""

    ask = pyqtSignal(bool, object)

    def __init__(self):
        super().__init__()
        self.ask.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    @pyqtSlot(bool, object)  # a real slot: called in this object's (the GUI) thread, not through a proxy of the caller's
    def _ask(self, first_time: bool, answer: dict):
        answer["go"] = ask_to_go_on(first_time)


_asker: Optional[_Asker] = None
_asker_lock = threading.Lock()


def explain_before_qgis_asks(first_time: bool) -> bool:
    """The explanation, then whether to let QGIS ask (from the GUI thread or a worker, which waits)."""
    global _asker
    app = QCoreApplication.instance()
    if app is None:
        return True
    if QThread.currentThread() is app.thread():
        return ask_to_go_on(first_time)
    with _asker_lock:
        if _asker is None:
            _asker = _Asker()
            _asker.moveToThread(app.thread())
    answer = {"go": False}
    _asker.ask.emit(first_time, answer)
    return answer["go"]


def ask_to_go_on(first_time: bool) -> bool:
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, tr("EO Connector"), explanation(first_time),
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                      QApplication.activeWindow())
    box.button(QMessageBox.StandardButton.Ok).setText(tr("Continue"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Not now"))
    return box.exec() == QMessageBox.StandardButton.Ok

