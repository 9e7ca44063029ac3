"""Fixtures: a test keyring backend (there is none on a headless machine), and a throwaway QGIS auth DB.

memory_keyring / locked_keyring / no_keyring install a keyring backend for one test and restore the previous
one after. qgis_auth_db unlocks the session's QGIS authentication database (pytest-qgis keeps the whole QGIS
profile in a temporary folder) with a test master password and removes the configs a test created.
"""

import pytest

TEST_MASTER_PASSWORD = "eo-connector-test-master"  # a throwaway database in pytest-qgis's temporary profile


def _install_keyring(backend_name):
    """Install a new instance of the named test backend (imported here: keyring is optional)."""
    keyring = pytest.importorskip("keyring")
    if backend_name == "fail":
        from keyring.backends.fail import Keyring as backend_class
    else:
        from . import memory_keyring

        backend_class = getattr(memory_keyring, backend_name)
    backend = backend_class()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    return keyring, previous, backend


@pytest.fixture
def memory_keyring():
    """An in-memory system keyring for this test; yields the backend (its `.passwords` dict is inspectable)."""
    keyring, previous, backend = _install_keyring("MemoryKeyring")
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def locked_keyring():
    """A system keyring that fails on every call (locked / D-Bus error)."""
    keyring, previous, backend = _install_keyring("LockedKeyring")
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    """keyring's own "no backend" (keyring.backends.fail.Keyring), as on a headless machine."""
    keyring, previous, _backend = _install_keyring("fail")
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def qgis_auth_db(qgis_app):
    """QgsApplication.authManager() unlocked with a test master password; configs added by the test are
    removed afterwards, and the master password is set again if the test cleared it."""
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if manager is None or manager.isDisabled():
        pytest.skip("the QGIS authentication system is disabled here (no QCA ossl plugin)")
    helper_was_enabled = manager.passwordHelperEnabled()
    manager.setPasswordHelperEnabled(False)  # never touch a real wallet from tests
    assert manager.setMasterPassword(TEST_MASTER_PASSWORD, True), "could not unlock the test auth database"
    before = set(manager.configIds())
    yield manager
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword(TEST_MASTER_PASSWORD, True)
    for config_id in set(manager.configIds()) - before:
        manager.removeAuthenticationConfig(config_id)
    manager.setPasswordHelperEnabled(helper_was_enabled)
