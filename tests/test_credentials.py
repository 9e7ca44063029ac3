"""SecretStore: system keyring first, QGIS's encrypted auth database as fallback, nothing in plain text."""

import importlib
import os
import sys
from pathlib import Path

import pytest

import eo_connector.core
from eo_connector.core import credentials
from eo_connector.core.credentials import SecretStore, SessionSecrets, is_secure_keyring_backend
from eo_connector.core.errors import SecretStoreUnavailable
from eo_connector.core.log import redact

SECRET = "s3cret-Refresh-Token-0123456789"


class RecordingFallback:
    """A fallback store in a dict that records which methods were called."""

    def __init__(self, usable=True):
        self.usable = usable
        self.values = {}
        self.calls = []

    def available(self):
        return self.usable

    def get(self, key):
        self.calls.append(("get", key))
        return self.values.get(key)

    def set(self, key, value):
        self.calls.append(("set", key))
        self.values[key] = value

    def delete(self, key):
        self.calls.append(("delete", key))
        self.values.pop(key, None)


def qgis_auth_backend():
    from eo_connector.qgis_glue.qgis_auth import QgsAuthSecretBackend

    return QgsAuthSecretBackend()


def our_auth_configs(manager):
    return {cid: cfg.name() for cid, cfg in manager.availableAuthMethodConfigs().items()
            if cfg.name().startswith("EO Connector: ")}


def files_containing(text: str):
    """Every file under the QGIS profile/settings folders whose bytes contain `text`."""
    from qgis.core import QgsApplication, QgsSettings

    QgsSettings().sync()
    roots = {Path(QgsApplication.qgisSettingsDirPath()), Path(QgsSettings().fileName()).parent}
    if os.environ.get("QGIS_CUSTOM_CONFIG_PATH"):
        roots.add(Path(os.environ["QGIS_CUSTOM_CONFIG_PATH"]))
    needles = (text.encode("utf-8"), text.encode("utf-16-le"))
    files = {path for root in roots for path in root.rglob("*") if path.is_file()}
    return sorted(path for path in files if any(n in path.read_bytes() for n in needles))


# -- the system keyring
def test_keyring_is_used_when_it_works(memory_keyring):
    fallback = RecordingFallback()
    store = SecretStore(fallback=fallback)
    assert store.backend_name == "system keyring"
    store.set("terrascope/refresh_token", SECRET)
    assert memory_keyring.passwords[("eo_connector", "terrascope/refresh_token")] == SECRET
    assert store.get("terrascope/refresh_token") == SECRET
    assert ("set", "terrascope/refresh_token") not in fallback.calls
    store.delete("terrascope/refresh_token")
    assert store.get("terrascope/refresh_token") is None
    assert memory_keyring.passwords == {}
    store.delete("never/saved")  # no error


def test_values_read_or_written_are_redacted_from_logs(memory_keyring):
    store = SecretStore()
    store.set("written", "written-secret-value")
    memory_keyring.passwords[("eo_connector", "read")] = "read-secret-value"
    assert store.get("read") == "read-secret-value"
    assert redact("x written-secret-value y read-secret-value") == "x *** y ***"


def test_nothing_saved_with_a_working_keyring_is_none(memory_keyring):
    assert SecretStore().get("missing") is None


def test_copy_left_in_fallback_is_found_then_cleaned(memory_keyring):
    fallback = RecordingFallback()
    fallback.values["key"] = SECRET  # saved there while the keyring was locked
    store = SecretStore(fallback=fallback)
    assert store.get("key") == SECRET
    store.set("key", "newer-secret-value")
    assert fallback.values == {}  # the stale copy does not outlive the new one
    assert store.get("key") == "newer-secret-value"


@pytest.mark.parametrize(
    "module, name, priority, secure",
    [
        ("keyring.backends.SecretService", "Keyring", 5, True),
        ("keyring.backends.fail", "Keyring", 0, False),
        ("keyring.backends.null", "Keyring", -1, False),
        ("keyrings.alt.file", "PlaintextKeyring", 0.5, False),
        ("keyrings.alt.file", "EncryptedKeyring", 0.6, False),  # asks its password on a console
        ("somewhere", "InsecureKeyring", 3, False),
        ("somewhere", "LowKeyring", 0, False),
    ],
)
def test_only_real_backends_count(module, name, priority, secure):
    backend = type(name, (), {"__module__": module, "priority": priority})()
    assert is_secure_keyring_backend(backend) is secure


def test_chainer_counts_only_with_secure_backends():
    def chainer(*chained):
        return type("ChainerBackend", (), {"__module__": "keyring.backends.chainer", "priority": 10,
                                           "backends": list(chained)})()

    good = type("Keyring", (), {"__module__": "keyring.backends.SecretService", "priority": 5})()
    plaintext = type("PlaintextKeyring", (), {"__module__": "keyrings.alt.file", "priority": 0.5})()
    assert not is_secure_keyring_backend(chainer())
    assert is_secure_keyring_backend(chainer(good))
    assert not is_secure_keyring_backend(chainer(good, plaintext))


# -- the QGIS authentication database
def test_falls_back_to_qgis_auth_db_without_keyring(no_keyring, qgis_auth_db):
    store = SecretStore(fallback=qgis_auth_backend())
    assert store.backend_name == "QGIS authentication database"
    store.set("terrascope/refresh_token", SECRET)
    assert store.get("terrascope/refresh_token") == SECRET
    assert list(our_auth_configs(qgis_auth_db).values()) == ["EO Connector: terrascope/refresh_token"]
    assert files_containing(SECRET) == []  # not in QGIS3.ini, not in qgis-auth.db in clear, nowhere

    store.set("terrascope/refresh_token", "second-" + SECRET)  # updated in place, not duplicated
    assert store.get("terrascope/refresh_token") == "second-" + SECRET
    assert len(our_auth_configs(qgis_auth_db)) == 1

    store.delete("terrascope/refresh_token")
    assert store.get("terrascope/refresh_token") is None
    assert our_auth_configs(qgis_auth_db) == {}


def test_locked_keyring_falls_back_at_run_time(locked_keyring, qgis_auth_db):
    store = SecretStore(fallback=qgis_auth_backend())
    store.set("brightearth/password", SECRET)
    assert store.get("brightearth/password") == SECRET
    assert list(our_auth_configs(qgis_auth_db).values()) == ["EO Connector: brightearth/password"]
    store.delete("brightearth/password")
    assert our_auth_configs(qgis_auth_db) == {}


def test_missing_keyring_package_still_falls_back(monkeypatch, qgis_auth_db):
    monkeypatch.setitem(sys.modules, "keyring", None)  # "import keyring" now raises ImportError
    monkeypatch.delitem(sys.modules, "eo_connector.core.credentials")
    monkeypatch.setattr(eo_connector.core, "credentials", credentials)  # restored after the fresh import
    fresh = importlib.import_module("eo_connector.core.credentials")  # imports fine without keyring
    store = fresh.SecretStore(fallback=qgis_auth_backend())
    assert store.backend_name == "QGIS authentication database"
    store.set("rs-server/api_key", SECRET)
    assert store.get("rs-server/api_key") == SECRET
    store.delete("rs-server/api_key")


def test_locked_auth_db_is_found_by_name_without_prompting(no_keyring, qgis_auth_db):
    backend = qgis_auth_backend()
    backend.set("k", SECRET)
    qgis_auth_db.clearMasterPassword()
    assert backend.get("absent") is None  # no master password needed to know it is not there
    assert not backend.available()  # headless: nobody to type the master password
    with pytest.raises(SecretStoreUnavailable) as caught:
        backend.get("k")
    assert SECRET not in str(caught.value) + caught.value.details


# -- nowhere to keep secrets
def test_unavailable_without_keyring_or_fallback(no_keyring):
    store = SecretStore()
    assert not store.is_available()
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.set("k", SECRET)
    assert str(caught.value) == SecretStoreUnavailable().message
    assert SECRET not in str(caught.value) + caught.value.details
    assert "keyring.backends.fail" in caught.value.details
    with pytest.raises(SecretStoreUnavailable):
        store.get("k")
    with pytest.raises(SecretStoreUnavailable):
        _ = store.backend_name


def test_unavailable_when_keyring_fails_and_auth_db_is_locked(locked_keyring, qgis_auth_db):
    qgis_auth_db.clearMasterPassword()
    store = SecretStore(fallback=qgis_auth_backend())
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.set("k", SECRET)
    assert SECRET not in str(caught.value) + caught.value.details
    with pytest.raises(SecretStoreUnavailable):
        store.get("k")
    assert our_auth_configs(qgis_auth_db) == {}


def test_unusable_fallback_is_never_written(no_keyring):
    fallback = RecordingFallback(usable=False)
    with pytest.raises(SecretStoreUnavailable):
        SecretStore(fallback=fallback).set("k", SECRET)
    assert fallback.values == {} and fallback.calls == []


def test_module_does_not_import_keyring_eagerly():
    assert "keyring" not in credentials.__dict__


# -- in memory only
def test_session_secrets():
    secrets = SessionSecrets()
    secrets.set("gee/password", "session-only-password")
    assert secrets.get("gee/password") == "session-only-password" and "gee/password" in secrets
    assert "session-only-password" not in repr(secrets)
    assert redact("pw session-only-password") == "pw ***"
    secrets.delete("gee/password")
    assert secrets.get("gee/password") is None
    secrets.set("a", "value-a-123")
    secrets.clear()
    assert "a" not in secrets
