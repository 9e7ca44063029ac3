"""Earth Engine sessions against the emulator (pure: no QGIS): every way to sign in, the Cloud project checked, two
accounts at once, tokens renewed once for parallel calls, refresh tokens revoked at start and mid-session, SEPAL
sessions that expire, invalid service-account keys, the service's refusals in its own words."""

import concurrent.futures as cf
import json
import threading
import urllib.request

import pytest

from eo_connector.core.errors import AuthenticationError, InvalidInput, PermissionDenied, SessionExpired
from eo_connector.core.models import Connection
from eo_connector.core.progress import Progress
from eo_connector.providers.earth_engine.expressions import asset_expression, select_bands
from eo_connector.providers.earth_engine.platform import PLATFORM
from tests.emulators.earth_engine_auth import SEPAL_PASSWORD, SEPAL_USER
from tests.emulators.earth_engine_data import PROJECT, SRTM


def signed_in(ctx, connection):
    return PLATFORM.sign_in(ctx, connection, PLATFORM.credentials_from_form(connection.options))


def test_credentials_file_sign_in_checks_the_project(ee_emulator, ee_context, ee_connection):
    connection = ee_connection(ee_emulator)
    account = signed_in(ee_context, connection)
    assert account["project"] == PROJECT and account["assets"] == 2
    assert PLATFORM.has_session(ee_context, connection)
    stored = ee_context.secrets.get(connection.id + "/earth_engine_grant")
    assert "refresh_token" in stored and "access_token" not in stored  # only the refresh token is kept
    calls = ee_emulator.recorded(r"/v1/projects/ee-demo:listAssets")
    assert calls and calls[-1].header("x-goog-user-project") == PROJECT
    assert calls[-1].header("authorization").startswith("Bearer ya29.")


def test_a_project_not_registered_is_refused_in_googles_words(ee_emulator, ee_context, ee_connection):
    with pytest.raises(PermissionDenied, match="Caller does not have required permission to use project other"):
        signed_in(ee_context, ee_connection(ee_emulator, project="other"))


def test_two_accounts_at_once_each_with_its_own_token(ee_emulator, ee_context, ee_connection, tmp_path):
    first = ee_connection(ee_emulator, "first")
    second_file = tmp_path / "second"
    ee_emulator.write_credentials(second_file, ee_emulator.accounts.issue_refresh_token("second@example.com"))
    second = ee_connection(ee_emulator, "second", credentials_file=str(second_file))
    signed_in(ee_context, first), signed_in(ee_context, second)
    a, b = PLATFORM.client(ee_context, first), PLATFORM.client(ee_context, second)
    assert a.headers()["Authorization"] != b.headers()["Authorization"]
    accounts = {ee_emulator.accounts.access[c.headers()["Authorization"][7:]].account for c in (a, b)}
    assert accounts == {"analyst@example.com", "second@example.com"}
    assert a.compute_value(asset_expression(SRTM))["type"] == "Image"


def test_parallel_calls_renew_an_expired_token_once(ee_emulator, ee_context, ee_connection):
    connection = ee_connection(ee_emulator)
    signed_in(ee_context, connection)
    ee_emulator.advance(3600)  # every access token has expired
    before = ee_emulator.accounts.grants.count("refresh_token")
    barrier = threading.Barrier(8)

    def call(_):
        client = PLATFORM.client(ee_context, connection)  # one client per task, as the dock makes them
        barrier.wait()
        return client.compute_value({"result": "0", "values": {"0": {"functionInvocationValue": {
            "functionName": "Number.add", "arguments": {"left": {"constantValue": 5},
                                                        "right": {"constantValue": 3}}}}}})

    with cf.ThreadPoolExecutor(8) as pool:
        assert list(pool.map(call, range(8))) == [8] * 8
    assert ee_emulator.accounts.grants.count("refresh_token") - before == 1


def test_a_token_refused_by_the_service_is_renewed_once(ee_emulator, ee_context, ee_connection):
    connection = ee_connection(ee_emulator)
    signed_in(ee_context, connection)
    client = PLATFORM.client(ee_context, connection)
    ee_emulator.accounts.expire_access_tokens()  # the server refuses a token the client still thinks valid
    assert client.compute_value(asset_expression(SRTM))["bands"][0]["id"] == "elevation"


@pytest.mark.parametrize("when", ["at start", "mid-session"])
def test_a_revoked_refresh_token_is_a_sentence_asking_to_sign_in(ee_emulator, ee_context, ee_connection, when):
    connection = ee_connection(ee_emulator)
    if when == "at start":
        ee_emulator.accounts.revoke()
        with pytest.raises(SessionExpired, match="no longer valid .*Token has been expired or revoked.*sign in"):
            signed_in(ee_context, connection)
        return
    signed_in(ee_context, connection)
    client = PLATFORM.client(ee_context, connection)
    ee_emulator.accounts.revoke()
    ee_emulator.advance(3600)
    with pytest.raises(SessionExpired, match="sign in again"):
        client.compute_value(asset_expression(SRTM))
    assert PLATFORM.sign_in_methods(ee_context, connection) == ("browser",)  # the dock offers the browser


def test_the_service_rejects_an_expression_in_its_own_words(ee_emulator, ee_context, ee_connection):
    connection = ee_connection(ee_emulator)
    signed_in(ee_context, connection)
    client = PLATFORM.client(ee_context, connection)
    with pytest.raises(InvalidInput, match="Image.select: Pattern 'B99' did not match any bands."):
        client.compute_value(select_bands(asset_expression(SRTM), ["B99"]))
    with pytest.raises(InvalidInput, match="Image asset 'NOPE/NOTHING' not found"):
        client.compute_value(asset_expression("NOPE/NOTHING"))


# -- service accounts
@pytest.fixture
def service_key(ee_emulator):
    pytest.importorskip("google.auth.crypt")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    def make(registered=True):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode()
        public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        email = "robot@ee-demo.iam.gserviceaccount.com"
        if registered:
            ee_emulator.accounts.add_service_account(email, public)
        return {"type": "service_account", "project_id": PROJECT, "private_key_id": "k1", "private_key": private,
                "client_email": email, "token_uri": ee_emulator.token_url}

    return make


def test_a_service_account_key_is_kept_as_a_secret_not_as_a_path(ee_emulator, ee_context, ee_connection,
                                                                  service_key, tmp_path):
    path = tmp_path / "key.json"
    path.write_text(json.dumps(service_key()))
    connection = ee_connection(ee_emulator, sign_in="service_account", key_file=str(path), project="")
    account = signed_in(ee_context, connection)
    assert account["user"] == "robot@ee-demo.iam.gserviceaccount.com" and account["project"] == PROJECT
    path.unlink()  # the key's content was kept: the file is not needed any more
    ee_emulator.accounts.expire_access_tokens()
    assert PLATFORM.check(ee_context, connection, Progress())["project"] == PROJECT
    assert "urn:ietf:params:oauth:grant-type:jwt-bearer" in ee_emulator.accounts.grants


@pytest.mark.parametrize("content, words", [
    ("not json", "not a valid service-account key file"),
    (json.dumps({"type": "service_account", "client_email": "a@b", "private_key": "-----BEGIN PRIVATE KEY-----\nxx"}),
     "private key in this service-account key file cannot be read"),
])
def test_an_invalid_key_file_is_refused_in_words(ee_emulator, ee_context, ee_connection, tmp_path, content, words,
                                                 service_key):
    path = tmp_path / "key.json"
    path.write_text(content)
    with pytest.raises(AuthenticationError, match=words):
        signed_in(ee_context, ee_connection(ee_emulator, sign_in="service_account", key_file=str(path)))


def test_a_key_google_does_not_accept_is_refused_in_its_words(ee_emulator, ee_context, ee_connection, tmp_path,
                                                              service_key):
    path = tmp_path / "key.json"
    path.write_text(json.dumps(service_key(registered=False)))
    with pytest.raises(AuthenticationError, match="Google refused the service-account key"):
        signed_in(ee_context, ee_connection(ee_emulator, sign_in="service_account", key_file=str(path)))


# -- SEPAL
def sepal_connection(emulator, password=SEPAL_PASSWORD):
    options = {"sign_in": "sepal", "sepal_url": emulator.url, "project": "", "token_url": emulator.token_url,
               "catalog_url": emulator.catalog_url}
    return Connection("earth_engine", "sepal", emulator.url, SEPAL_USER, options), {"password": password}


def test_sepal_account_gives_the_google_tokens_and_their_refresh(ee_emulator, ee_context):
    connection, credentials = sepal_connection(ee_emulator)
    account = PLATFORM.sign_in(ee_context, connection, credentials)
    assert account["project"] == PROJECT and connection.options["project"] == PROJECT  # learnt from SEPAL
    assert "password" not in json.dumps(ee_context.secrets.values)  # only the session cookie is kept
    ee_emulator.accounts.expire_access_tokens()
    PLATFORM.check(ee_context, connection, Progress())
    download = ee_emulator.recorded(r"/api/user-files/download/")[-1]
    assert download.arg("path") == "/.config/earthengine/credentials" and "SEPAL-SESSIONID=" in download.header(
        "cookie")


def test_sepal_wrong_password_and_expired_session(ee_emulator, ee_context):
    connection, credentials = sepal_connection(ee_emulator, "wrong")
    with pytest.raises(AuthenticationError, match="SEPAL sign-in failed: wrong username or password"):
        PLATFORM.sign_in(ee_context, connection, credentials)
    connection, credentials = sepal_connection(ee_emulator)
    PLATFORM.sign_in(ee_context, connection, credentials)
    ee_emulator.accounts.expire_sepal_sessions()
    ee_emulator.advance(3600)
    with pytest.raises(SessionExpired, match="SEPAL session has expired"):
        PLATFORM.check(ee_context, connection, Progress())
    assert PLATFORM.sign_in_methods(ee_context, connection) == ("password",)


# -- the browser
class FakeBrowser:
    """Follows the consent page's redirect to the loopback listener, as a browser would."""

    def __init__(self):
        self.urls = []

    def __call__(self, url):
        self.urls.append(url)
        threading.Thread(target=lambda: urllib.request.urlopen(url, timeout=10).read(), daemon=True).start()
        return True


def test_browser_sign_in_with_pkce_and_a_loopback_redirect(ee_emulator, ee_context, ee_connection, monkeypatch):
    from eo_connector.providers.earth_engine import auth

    monkeypatch.setattr(auth, "default_client", lambda: ("installed-app", "not-secret"))
    connection = ee_connection(ee_emulator, sign_in="browser")
    browser = FakeBrowser()
    account = PLATFORM.sign_in(ee_context, connection, {}, progress=Progress(), open_browser=browser)
    assert account["project"] == PROJECT
    assert "code_challenge_method=S256" in browser.urls[0] and "redirect_uri=http%3A%2F%2Flocalhost" in browser.urls[0]
    assert ee_emulator.accounts.grants[:2] == ["authorization_code", "refresh_token"] or \
        ee_emulator.accounts.grants[0] == "authorization_code"


def test_browser_sign_in_can_be_cancelled(ee_emulator, ee_context, ee_connection, monkeypatch):
    from eo_connector.core.errors import Cancelled
    from eo_connector.providers.earth_engine import auth

    monkeypatch.setattr(auth, "default_client", lambda: ("installed-app", "not-secret"))
    progress = Progress()
    with pytest.raises(Cancelled):
        PLATFORM.sign_in(ee_context, ee_connection(ee_emulator, sign_in="browser"), {}, progress=progress,
                         open_browser=lambda url: progress.cancel() or True)
    assert not PLATFORM.has_session(ee_context, ee_connection(ee_emulator, sign_in="browser"))


def test_discovering_the_platform_imports_no_earthengine_api():
    """The registry imports every platform.py at start, and Processing asks their operations: no `ee` then."""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom eo_connector.providers import registry\n"
            "[p.operations() for p in registry.platforms()]\n"
            "print(sorted(m for m in ('ee', 'google', 'googleapiclient') if m in sys.modules))\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
