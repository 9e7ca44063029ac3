"""Keyring backends for tests: an in-memory one, and one that fails like a locked system keyring."""

import threading

from keyring import backend, errors


class MemoryKeyring(backend.KeyringBackend):
    """Keeps passwords in a dict; a real (priority 1) backend as far as keyring and SecretStore can tell."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords = {}
        self._lock = threading.Lock()

    def get_password(self, service, username):
        with self._lock:
            return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        with self._lock:
            self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        with self._lock:
            if self.passwords.pop((service, username), None) is None:
                raise errors.PasswordDeleteError("not found")


class LockedKeyring(backend.KeyringBackend):
    """Looks usable (priority 1) but every call fails, as a locked keyring or a dead D-Bus session does."""

    priority = 1

    def get_password(self, service, username):
        raise errors.KeyringLocked("the keyring is locked")

    def set_password(self, service, username, password):
        raise errors.KeyringLocked("the keyring is locked")

    def delete_password(self, service, username):
        raise errors.KeyringLocked("the keyring is locked")


# Defining a backend class registers it for keyring's auto-detection; these must only be active when a test
# installs them, never become the default keyring of the test session.
for _test_backend in (MemoryKeyring, LockedKeyring):
    getattr(backend.KeyringBackend, "_classes", set()).discard(_test_backend)
