"""HttpSession against a scripted HTTP server on 127.0.0.1: retries, errors, redaction, proxies."""

import io
import json
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest

from eo_connector.core import errors
from eo_connector.core.http import USER_AGENT, HttpSession, parse_retry_after
from eo_connector.core.log import get_logger, logger, redact, register_secret
from eo_connector.core.progress import Progress
from tests.support.scripted_server import ScriptedServer, closed_port


@pytest.fixture(autouse=True)
def no_environment_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def server():
    scripted = ScriptedServer()
    yield scripted
    scripted.stop()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def session(server, sleeps):
    http = HttpSession(server.base_url, sleep=sleeps.append, retries=3, backoff=0.5)
    yield http
    http.close()


# -- basics
def test_user_agent_names_plugin_and_version(session, server):
    version = re.search(r"^version=(\S+)", (Path(__file__).parents[1] / "metadata.txt").read_text(), re.M).group(1)
    response = session.get("/hello")
    assert response.status_code == 200 and response.text == "ok"
    assert server.requests[0].headers["User-Agent"] == USER_AGENT == f"EO-Connector/{version} (QGIS plugin)"


def test_paths_join_base_url_keeping_its_path(server):
    http = HttpSession(server.base_url + "/api/v1/")
    http.get("/items", params={"limit": 2})
    http.get(server.base_url + "/absolute")
    assert [r.path for r in server.requests] == ["/api/v1/items?limit=2", "/absolute"]


def test_one_session_serves_several_threads(session, server):
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda i: session.get(f"/item/{i}").status_code, range(24)))
    assert statuses == [200] * 24
    assert sorted(r.path for r in server.requests) == sorted(f"/item/{i}" for i in range(24))


# -- retries on status
def test_429_waits_what_retry_after_says(session, server, sleeps):
    server.add(429, headers={"Retry-After": "7"})
    assert session.get("/busy").status_code == 200
    assert sleeps == [7.0]
    assert len(server.requests) == 2


def test_retry_after_as_http_date(session, server, sleeps):
    when = datetime.now(timezone.utc) + timedelta(seconds=30)
    server.add(503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    assert session.get("/busy").status_code == 200
    assert len(sleeps) == 1 and 25 <= sleeps[0] <= 30


def test_retry_after_is_capped(server, sleeps):
    http = HttpSession(server.base_url, sleep=sleeps.append, max_retry_after=20)
    server.add(429, headers={"Retry-After": "3600"})
    assert http.get("/busy").status_code == 200
    assert sleeps == [20.0]


def test_503_then_200_with_exponential_backoff(session, server, sleeps):
    server.add(503)
    server.add(503)
    assert session.get("/flaky").status_code == 200
    assert len(sleeps) == 2
    assert 0.5 <= sleeps[0] <= 0.5 * 1.2 and 1.0 <= sleeps[1] <= 1.0 * 1.2  # doubled, with a little jitter


def test_500_on_post_is_not_retried(session, server, sleeps):
    server.add(500, body="boom")
    response = session.post("/jobs", json={"a": 1})
    assert response.status_code == 500
    assert len(server.requests) == 1 and sleeps == []


def test_500_on_get_is_retried(session, server):
    server.add(500)
    assert session.get("/items").status_code == 200
    assert len(server.requests) == 2


def test_503_on_post_is_retried_with_the_same_body(session, server):
    server.add(503)
    assert session.post("/jobs", data=io.BytesIO(b"payload")).status_code == 200
    assert [r.body for r in server.requests] == [b"payload", b"payload"]


def test_retries_exhausted_returns_last_response(session, server, sleeps):
    for _ in range(4):
        server.add(502, body="bad gateway")
    response = session.get("/down")
    assert response.status_code == 502
    assert len(server.requests) == 4 and len(sleeps) == 3


def test_retry_false_sends_once(session, server, sleeps):
    server.add(503)
    assert session.get("/once", retry=False).status_code == 503
    assert len(server.requests) == 1 and sleeps == []


def test_retry_after_parsing():
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: go now


# -- network failures
def test_connection_refused_is_a_network_error(sleeps):
    url = f"http://127.0.0.1:{closed_port()}/items?token=abcdef123456"
    http = HttpSession(sleep=sleeps.append, retries=2)
    with pytest.raises(errors.NetworkError) as caught:
        http.get(url)
    assert str(caught.value) == errors.NetworkError().message
    assert "GET" in caught.value.details and "ConnectionError" in caught.value.details
    assert "/items" in caught.value.details and "abcdef123456" not in caught.value.details
    assert len(sleeps) == 2


def test_post_is_retried_when_the_connection_was_refused(sleeps):
    http = HttpSession(sleep=sleeps.append, retries=2)
    with pytest.raises(errors.NetworkError):
        http.post(f"http://127.0.0.1:{closed_port()}/jobs", json={})
    assert len(sleeps) == 2  # never reached the server: safe to send again


def test_dropped_connection_retried_for_get(session, server):
    server.script.append("drop")
    assert session.get("/items").status_code == 200
    assert len(server.requests) == 2


def test_dropped_connection_not_retried_for_post(session, server, sleeps):
    server.script.append("drop")
    with pytest.raises(errors.NetworkError):
        session.post("/jobs", json={"run": 1})
    assert len(server.requests) == 1 and sleeps == []  # the server may have acted on it


def test_read_timeout(server, sleeps):
    http = HttpSession(server.base_url, timeout=(5, 0.2), retries=1, sleep=sleeps.append)
    server.script.extend(["hang", "hang"])
    with pytest.raises(errors.NetworkError) as caught:
        http.get("/slow")
    assert "ReadTimeout" in caught.value.details
    assert "in time" in str(caught.value)
    assert len(server.requests) == 2 and len(sleeps) == 1


def test_read_timeout_on_post_not_retried(server, sleeps):
    http = HttpSession(server.base_url, timeout=(5, 0.2), retries=3, sleep=sleeps.append)
    server.script.append("hang")
    with pytest.raises(errors.NetworkError):
        http.post("/jobs", json={})
    assert len(server.requests) == 1 and sleeps == []


def test_cancel_wakes_a_backoff_wait(server):
    class SignallingProgress(Progress):
        def __init__(self):
            super().__init__()
            self.waiting = threading.Event()

        def sleep(self, seconds):
            self.waiting.set()
            super().sleep(seconds)

    def no_plain_sleep(seconds):
        raise AssertionError("the Progress must do the waiting")

    http = HttpSession(server.base_url, sleep=no_plain_sleep)
    server.add(503, headers={"Retry-After": "30"})
    progress = SignallingProgress()
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(http.get, "/job", progress=progress)
        assert progress.waiting.wait(10)
        progress.cancel()
        with pytest.raises(errors.Cancelled):
            future.result(timeout=10)
    assert len(server.requests) == 1


# -- responses to errors
@pytest.mark.parametrize(
    "status, body, content_type, error_class, explanation",
    [
        (401, '{"detail": "Token expired"}', "application/json", errors.SessionExpired, "Token expired"),
        (403, '{"message": "Scenario not in your plan"}', "application/json", errors.PermissionDenied,
         "Scenario not in your plan"),
        (404, '{"error": {"message": "No such job"}}', "application/json", errors.NotFound, "No such job"),
        (400, '{"error": "invalid_grant", "error_description": "Bad credentials"}', "application/json",
         errors.InvalidInput, "Bad credentials"),
        (422, '{"detail": [{"loc": ["body", "aoi"], "msg": "AOI too large"}]}', "application/json",
         errors.InvalidInput, "AOI too large"),
        (429, "Slow down", "text/plain", errors.RateLimited, "Slow down"),
        (500, '<?xml version="1.0"?><ows:ExceptionReport><ows:Exception exceptionCode="NoApplicableCode">'
              "<ows:ExceptionText>Layer missing</ows:ExceptionText></ows:Exception></ows:ExceptionReport>",
         "text/xml", errors.ServerError, "Layer missing"),
        (503, "<html><body>Service Unavailable</body></html>", "text/html", errors.ServerError, None),
    ],
)
def test_raise_for_status_maps_status_and_keeps_server_words(session, server, status, body, content_type,
                                                             error_class, explanation):
    server.add(status, body=body, headers={"Content-Type": content_type})
    response = session.get("/thing?access_token=secret-token-value", retry=False)
    with pytest.raises(error_class) as caught:
        session.raise_for_status(response)
    message = str(caught.value)
    assert message.startswith(error_class().message)
    if explanation:
        assert message.endswith(explanation)
    else:
        assert "html" not in message.lower()
    assert f"GET {server.base_url}/thing?access_token=***" in caught.value.details
    assert f"HTTP {status}" in caught.value.details
    assert "secret-token-value" not in caught.value.details


def test_raise_for_status_passes_success(session):
    session.raise_for_status(session.get("/fine"))


def test_provider_sentence_overrides_default(session, server):
    server.add(401, body='{"detail": "Invalid credentials", "password": "hunter2hunter2"}',
               headers={"Content-Type": "application/json"})
    response = session.post("/login")
    with pytest.raises(errors.SessionExpired) as caught:
        session.raise_for_status(response, messages={401: "Wrong e-mail or password."})
    assert str(caught.value) == "Wrong e-mail or password. The server said: Invalid credentials"
    assert "hunter2hunter2" not in caught.value.details and '"password": "***"' in caught.value.details


def test_json_or_raise(session, server):
    server.add(200, body='{"items": [1, 2]}', headers={"Content-Type": "application/json"})
    server.add(200, body="<html>login page</html>", headers={"Content-Type": "text/html"})
    server.add(400, body='{"detail": "bad bbox"}', headers={"Content-Type": "application/json"})
    assert session.json_or_raise(session.get("/a")) == {"items": [1, 2]}
    with pytest.raises(errors.ProtocolError) as caught:
        session.json_or_raise(session.get("/b"))
    assert "login page" in caught.value.details
    with pytest.raises(errors.InvalidInput, match="bad bbox"):
        session.json_or_raise(session.get("/c"))


# -- secrets never logged
def test_logs_are_redacted(session, server, caplog):
    caplog.set_level(logging.DEBUG, logger="eo_connector")
    register_secret("my-registered-password")
    signed = ("/bucket/result.tif?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20240101"
              "&X-Amz-Signature=0123456789abcdef&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE")
    session.get(signed, headers={"Authorization": "Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig"})
    logger.info("token answer %s", json.dumps({"access_token": "at-123456789", "refresh_token": "rt-987654321"}))
    get_logger("providers.test").warning("login form: username=bob&password=my-registered-password")
    get_logger("providers.test").info("header Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig")
    try:
        raise RuntimeError("failed https://x.blob.core.windows.net/c/f?sv=2021&sig=SASsignature123")
    except RuntimeError:
        logger.exception("download failed")
    server.add(429, headers={"Retry-After": "1"})
    session.get("/busy?api_key=key-abcdef-123456")
    text = caplog.text + "".join(r.getMessage() for r in caplog.records)
    for secret in ("0123456789abcdef", "AKIAEXAMPLE", "FwoGZXIvYXdzEXAMPLE", "eyJhbGciOiJSUzI1NiJ9", "at-123456789",
                   "rt-987654321", "my-registered-password", "SASsignature123", "key-abcdef-123456"):
        assert secret not in text
    assert "X-Amz-Signature=***" in text and '"access_token": "***"' in text
    assert "/bucket/result.tif" in text  # what was fetched is still visible
    assert any(r.levelno == logging.DEBUG and "-> 200" in r.getMessage() for r in caplog.records)


def test_redact_shapes():
    assert redact("Authorization: Bearer abc.def-ghi") == "Authorization: Bearer ***"
    assert redact("Bearer abcdef") == "Bearer ***"
    assert redact('{"client_secret":"s3cr3t", "x-api-key": "k"}') == '{"client_secret":"***", "x-api-key": "***"}'
    assert redact("grant_type=password&password=p%40ss&id_token=abc") == "grant_type=password&password=***&id_token=***"
    assert redact("https://u:pw@proxy.example:3128") == "https://u:***@proxy.example:3128"
    assert redact("?sig=abc&mytoken=keep") == "?sig=***&mytoken=keep"
    register_secret("short")  # too short to be masked everywhere
    assert redact("a short word") == "a short word"


# -- proxies
def test_requests_go_through_the_proxy(server):
    http = HttpSession(proxies={"http": f"http://alice:pw-for-proxy@127.0.0.1:{server.httpd.server_address[1]}"})
    assert http.get("http://upstream.invalid/data?x=1").status_code == 200
    recorded = server.requests[0]
    assert recorded.path == "http://upstream.invalid/data?x=1"  # absolute URI: the server was asked as a proxy
    assert recorded.headers["Proxy-Authorization"].startswith("Basic ")


def test_no_proxy_hosts_are_reached_directly(server, sleeps):
    dead_proxy = f"http://127.0.0.1:{closed_port()}"
    direct = HttpSession(proxies={"http": dead_proxy, "no_proxy": "localhost,127.0.0.1"}, sleep=sleeps.append)
    assert direct.get(server.base_url + "/direct").status_code == 200
    assert server.requests[0].path == "/direct"
    by_prefix = HttpSession(proxies={"http": dead_proxy, "no_proxy": [server.base_url + "/direct"]}, retries=0)
    assert by_prefix.get(server.base_url + "/direct/2").status_code == 200
    with pytest.raises(errors.NetworkError):
        by_prefix.get(server.base_url + "/elsewhere")


@pytest.fixture
def clean_proxy_settings(qgis_app):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.remove("proxy")
    yield settings
    settings.remove("proxy")


def test_proxies_from_qgis_settings(clean_proxy_settings, monkeypatch, caplog):
    from eo_connector.qgis_glue import proxy

    settings = clean_proxy_settings
    assert proxy.proxies_from_qgis_settings() is None  # proxy off
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "proxy.example.org")
    settings.setValue("proxy/proxyPort", "3128")
    settings.setValue("proxy/proxyUser", "alice")
    settings.setValue("proxy/proxyPassword", "p@ss:word!")
    settings.setValue("proxy/noProxyUrls", ["http://127.0.0.1", "https://intranet.example.org"])
    settings.setValue("proxy/proxyExcludedUrls", "https://legacy.example.org|http://127.0.0.1")
    expected_url = "http://alice:p%40ss%3Aword%21@proxy.example.org:3128"
    assert proxy.proxies_from_qgis_settings() == {
        "http": expected_url,
        "https": expected_url,
        "no_proxy": "http://127.0.0.1,https://intranet.example.org,https://legacy.example.org",
    }
    assert "p%40ss%3Aword%21" not in redact(expected_url)  # registered as a secret

    settings.setValue("proxy/proxyType", "DefaultProxy")
    assert proxy.proxies_from_qgis_settings() is None  # the system proxy: requests reads the environment

    settings.setValue("proxy/proxyType", "Socks5Proxy")
    real_find_spec = proxy.importlib.util.find_spec
    monkeypatch.setattr(proxy.importlib.util, "find_spec", lambda name: None if name == "socks" else real_find_spec(name))
    assert proxy.proxies_from_qgis_settings() is None  # no PySocks: requests could not use it
    monkeypatch.setattr(proxy.importlib.util, "find_spec", lambda name: object())
    assert proxy.proxies_from_qgis_settings()["https"].startswith("socks5h://alice:")


def test_qgis_http_session_honours_qgis_proxy(clean_proxy_settings, server):
    from eo_connector.qgis_glue.proxy import qgis_http_session

    settings = clean_proxy_settings
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpCachingProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(server.httpd.server_address[1]))
    settings.setValue("proxy/noProxyUrls", ["http://direct.invalid"])
    http = qgis_http_session()
    assert http.get("http://catalogue.invalid/search").status_code == 200
    assert server.requests[0].path == "http://catalogue.invalid/search"


def test_proxy_variables_of_the_environment_are_still_honoured(server, monkeypatch):
    """The environment is read once per session (it cost a third of a small file's CPU per request), not ignored."""
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{server.httpd.server_address[1]}")
    monkeypatch.setenv("NO_PROXY", "direct.invalid")
    http = HttpSession()
    assert http.get("http://upstream.invalid/data").status_code == 200
    assert server.requests[0].path == "http://upstream.invalid/data"  # asked as a proxy
    settings = http.requests_session.merge_environment_settings("http://direct.invalid/x", {}, None, True, None)
    assert not settings["proxies"].get("http")  # no_proxy of the environment, as requests reads it


def test_a_netrc_file_still_gives_its_credentials(server, monkeypatch, tmp_path):
    """The .netrc file is looked for once per session (requests looked at every request), not ignored."""
    monkeypatch.setenv("NETRC", str(tmp_path / "netrc"))
    without = HttpSession(server.base_url)
    assert without.requests_session is not None  # the session begins before the file is there
    (tmp_path / "netrc").write_text("machine 127.0.0.1 login ana password s3cret\n")
    with_file = HttpSession(server.base_url)
    without.get("/a")
    with_file.get("/b")
    with_file.get("/c", headers={"Authorization": "Bearer t"})
    assert "Authorization" not in server.requests[0].headers  # no file when that session began
    assert server.requests[1].headers["Authorization"] == "Basic YW5hOnMzY3JldA=="
    assert server.requests[2].headers["Authorization"] == "Basic YW5hOnMzY3JldA=="  # as requests does


def test_without_proxy_variables_the_ca_bundle_of_the_environment_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "ca.pem"))
    session = HttpSession().requests_session
    settings = session.merge_environment_settings("https://example.org/x", {}, None, True, None)
    assert settings["verify"] == str(tmp_path / "ca.pem") and settings["proxies"] == {}
    assert session.merge_environment_settings("https://example.org/x", {}, None, False, None)["verify"] is False
