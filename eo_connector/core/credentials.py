"""Where secrets live: the system keyring, else QGIS's encrypted authentication database, never plain text.

`SecretStore` tries the system keyring first, when the `keyring` package imports and its active backend is a
real, encrypted one. Otherwise (or when the keyring fails at run time: locked, no D-Bus) it uses the `fallback`
given by the QGIS glue (eo_connector.qgis_glue.qgis_auth.QgsAuthSecretBackend). With neither it raises
SecretStoreUnavailable; it never writes a secret anywhere else.

When the user declines to unlock the fallback (QGIS asks for its master password and the user cancels: the
fallback raises SecretStoreLocked), secrets set afterwards are kept in memory for this QGIS session only, so signing
in still works until QGIS closes; nothing is written anywhere else.

`keyring` is optional at import: this module loads without it and the plugin tells the user what is missing.
Every value read or written is registered with core.log so it can never show up in a log line.
"""

import threading

from .errors import SecretStoreLocked, SecretStoreUnavailable
from .i18n import tr
from .log import logger, redact, register_secret

# Backends that exist in the keyring world but are not a safe place for a password: "fail" and "null" store
# nothing; plaintext ones write it to a file as is; the keyrings.alt / cryptfile encrypted files ask for their
# password on a console, which would hang QGIS.
_REJECTED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file", "keyrings.cryptfile")
_REJECTED_WORDS = ("plaintext", "insecure", "uncrypted", "null", "fail")


def is_secure_keyring_backend(backend) -> bool:
    """True when `backend` really keeps secrets encrypted (see _REJECTED_*); a chainer only when all it
    chains are, and it chains at least one."""
    cls = type(backend)
    module = cls.__module__ or ""
    if module.startswith(_REJECTED_MODULES):
        return False
    if any(word in cls.__name__.lower() for word in _REJECTED_WORDS):
        return False
    if cls.__name__ == "ChainerBackend":
        try:
            chained = list(backend.backends)
        except Exception:
            return False
        return bool(chained) and all(is_secure_keyring_backend(b) for b in chained)
    try:
        return backend.priority > 0
    except Exception:  # a backend's priority raises when it is not viable here
        return False


def system_keyring():
    """The `keyring` module when it imports and its active backend is secure; else None."""
    try:
        import keyring
    except Exception:  # not installed (or broken): the fallback takes over
        return None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        logger.warning("The system keyring could not be initialised: %s", type(exc).__name__)
        return None
    return keyring if is_secure_keyring_backend(backend) else None


class SecretStore:
    """Persistent secrets, one string per key, namespaced by `service`.

    fallback: an object with available() -> bool, get(key), set(key, value), delete(key), used when the system
    keyring is missing, insecure or failing. An empty value passed to `set` deletes the key.
    """

    def __init__(self, service: str = "eo_connector", fallback=None):
        self.service = service
        self.fallback = fallback
        self.this_session = SessionSecrets()  # what could not be saved because the user left the fallback locked

    @property
    def backend_name(self) -> str:
        """Where secrets go now, in the user's words. Raises SecretStoreUnavailable when nowhere."""
        if system_keyring() is not None:
            return tr("system keyring")
        fallback = self._usable_fallback()
        if fallback is not None:
            return getattr(fallback, "display_name", "") or tr("QGIS authentication database")
        raise SecretStoreUnavailable(details=self._nowhere_details())

    def is_available(self) -> bool:
        return system_keyring() is not None or self._usable_fallback() is not None

    def set(self, key: str, value) -> None:
        if not value:
            self.delete(key)
            return
        register_secret(value)
        keyring = system_keyring()
        if keyring is not None:
            try:
                keyring.set_password(self.service, key, value)
            except Exception as exc:
                self._log_keyring_failure("save", key, exc)
            else:
                self._delete_from_fallback(key)  # no stale copy left behind in the other store
                return
        fallback = self._usable_fallback()
        if fallback is None:
            raise SecretStoreUnavailable(details=self._nowhere_details())
        try:
            fallback.set(key, value)
        except SecretStoreLocked:
            logger.info("Secret %r kept in memory for this session: the fallback store stays locked", key)
            self.this_session.set(key, value)
        else:
            self.this_session.delete(key)

    def get(self, key: str):
        """The secret, or None when none is saved under `key`."""
        kept = self.this_session.get(key)
        if kept is not None:
            return kept
        keyring = system_keyring()
        keyring_answered = False
        if keyring is not None:
            try:
                value = keyring.get_password(self.service, key)
            except Exception as exc:
                self._log_keyring_failure("read", key, exc)
            else:
                if value is not None:
                    register_secret(value)
                    return value
                keyring_answered = True
        fallback = self._usable_fallback()
        if fallback is None:
            if keyring_answered:
                return None  # nothing saved
            raise SecretStoreUnavailable(details=self._nowhere_details())
        try:
            value = fallback.get(key)
        except SecretStoreLocked:
            return None  # saved there, but out of reach for this session: as if not saved
        if value is not None:
            register_secret(value)
        return value

    def delete(self, key: str) -> None:
        """Forget `key` in every store that may hold it; no error when it was not saved."""
        self.this_session.delete(key)
        keyring = system_keyring()
        if keyring is not None:
            try:
                if keyring.get_password(self.service, key) is not None:
                    keyring.delete_password(self.service, key)
            except Exception as exc:
                self._log_keyring_failure("delete", key, exc)
        self._delete_from_fallback(key)

    # -- internals
    def _usable_fallback(self):
        if self.fallback is None:
            return None
        try:
            return self.fallback if self.fallback.available() else None
        except Exception as exc:
            logger.warning("The fallback secret store failed: %s: %s", type(exc).__name__, redact(exc))
            return None

    def _delete_from_fallback(self, key: str) -> None:
        fallback = self._usable_fallback()
        if fallback is None:
            return
        try:
            fallback.delete(key)
        except Exception as exc:
            logger.warning("Could not delete %r from the fallback secret store: %s", key, type(exc).__name__)

    def _log_keyring_failure(self, action: str, key: str, exc: Exception) -> None:
        logger.warning("System keyring failed to %s %r (%s: %s); trying the QGIS authentication database",
                       action, key, type(exc).__name__, redact(exc))

    def _nowhere_details(self) -> str:
        try:
            import keyring

            backend = type(keyring.get_keyring())
            keyring_state = f"keyring backend {backend.__module__}.{backend.__name__} is not usable"
        except Exception as exc:
            keyring_state = f"keyring not importable ({type(exc).__name__})"
        fallback_state = "no fallback" if self.fallback is None else f"{type(self.fallback).__name__} not available"
        return f"{keyring_state}; {fallback_state}"


class SessionSecrets:
    """Secrets kept in memory only, for this QGIS session (e.g. a password the user chose not to save)."""

    def __init__(self):
        self._values = {}
        self._lock = threading.Lock()

    def set(self, key: str, value) -> None:
        if not value:
            self.delete(key)
            return
        register_secret(value)
        with self._lock:
            self._values[key] = value

    def get(self, key: str):
        with self._lock:
            return self._values.get(key)

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._values

    def __repr__(self) -> str:  # never the values
        with self._lock:
            return f"SessionSecrets(keys={sorted(self._values)!r})"
