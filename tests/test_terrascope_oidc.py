"""Terrascope OIDC: grant bodies as terracatalogueclient sends them, Keycloak errors in words, silent refresh, and the
browser sign-in (PKCE S256, loopback redirect, state, cancel, timeout, busy port) against a scripted token endpoint."""

import base64
import hashlib
import json
import socket
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from eo_connector.core.errors import AuthenticationError, Cancelled, ProtocolError, SessionExpired
from eo_connector.core.http import HttpSession
from eo_connector.core.log import redact
from eo_connector.core.progress import Progress
from eo_connector.providers.terrascope.config import CatalogueConfig
from eo_connector.providers.terrascope.oidc import OidcClient, TokenKeeper, Tokens, username_from_jwt
from tests.support.scripted_server import ScriptedServer

PASSWORD = "correct horse battery"


def jwt(**payload):
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
    return f"{part({'alg': 'RS256'})}.{part(payload)}.c2lnbmF0dXJl"


def token_answer(name="analyst", expires_in=300, refresh="refresh-token-0001", **extra):
    return json.dumps({"access_token": jwt(preferred_username=name, n=extra.pop("n", 0)), "expires_in": expires_in,
                       "refresh_expires_in": 1800, "refresh_token": refresh, "token_type": "Bearer", **extra})


class Clock:
    def __init__(self, now=1_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def idp():
    server = ScriptedServer()
    yield server
    server.stop()


def oidc_for(server, clock=None, **config):
    settings = dict(catalogue_url=server.base_url + "/catalogue/", token_endpoint=server.base_url + "/token",
                    authorization_endpoint=server.base_url + "/auth")
    settings.update(config)
    http = HttpSession(retries=2, backoff=0.01)
    return OidcClient(CatalogueConfig(**settings), http, clock=clock or Clock())


def form_of(recorded):
    return {k: v[0] for k, v in parse_qs(recorded.body.decode(), keep_blank_values=True).items()}


# -- grants
def test_password_grant_sends_the_real_clients_form_and_reads_the_tokens(idp):
    idp.add(200, token_answer(), {"Content-Type": "application/json"})
    clock = Clock()
    tokens = oidc_for(idp, clock).password_grant("analyst", PASSWORD)
    sent = idp.requests[0]
    assert sent.method == "POST" and sent.path == "/token"
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "Authorization" not in sent.headers  # credentials in the body only, never also as Basic
    assert form_of(sent) == {"grant_type": "password", "username": "analyst", "password": PASSWORD,
                             "client_id": "terracatalogueclient", "client_secret": ""}
    assert tokens.expires_at == clock.now + 300 and tokens.refresh_expires_at == clock.now + 1800
    assert tokens.refresh_token == "refresh-token-0001" and tokens.username == "analyst"
    assert PASSWORD not in repr(tokens) and tokens.access_token not in repr(tokens)
    assert PASSWORD not in redact(f"form {PASSWORD}") and tokens.refresh_token not in redact(tokens.refresh_token)


def test_wrong_password_is_said_in_words_without_the_password(idp):
    idp.add(401, json.dumps({"error": "invalid_grant", "error_description": "Invalid user credentials"}),
            {"Content-Type": "application/json"})
    with pytest.raises(AuthenticationError, match="wrong username or password") as caught:
        oidc_for(idp).password_grant("analyst", "not my password")
    assert "not my password" not in str(caught.value) + caught.value.details
    assert "Invalid user credentials" in caught.value.details


def test_other_refusals_quote_the_server(idp):
    idp.add(400, json.dumps({"error": "unauthorized_client", "error_description": "Client not allowed"}),
            {"Content-Type": "application/json"})
    with pytest.raises(AuthenticationError, match="was refused: Client not allowed"):
        oidc_for(idp).password_grant("analyst", PASSWORD)


def test_server_trouble_is_retried_then_reported(idp):
    idp.add(503, "busy", {"Retry-After": "0"})
    idp.add(200, token_answer(), {"Content-Type": "application/json"})
    assert oidc_for(idp).password_grant("analyst", PASSWORD).username == "analyst"
    assert len(idp.requests) == 2


def test_an_answer_without_token_is_a_protocol_error(idp):
    idp.add(200, "<html>login page</html>", {"Content-Type": "text/html"})
    with pytest.raises(ProtocolError):
        oidc_for(idp).password_grant("analyst", PASSWORD)


def test_modes_the_catalogue_does_not_offer_are_refused_before_any_request(idp):
    with pytest.raises(AuthenticationError, match="does not accept a username and password"):
        oidc_for(idp, non_interactive_supported=False).password_grant("analyst", PASSWORD)
    with pytest.raises(AuthenticationError, match="does not offer sign-in in the browser"):
        oidc_for(idp, interactive_supported=False).browser_sign_in(Progress(), lambda url: True, port=0)
    assert idp.requests == []


def test_refresh_form_and_refused_refresh_means_sign_in_again(idp):
    idp.add(200, token_answer(refresh="refresh-token-0002"), {"Content-Type": "application/json"})
    idp.add(400, json.dumps({"error": "invalid_grant", "error_description": "Token is not active"}),
            {"Content-Type": "application/json"})
    oidc = oidc_for(idp, client_secret="s3cret-value")
    assert oidc.refresh("refresh-token-0001").refresh_token == "refresh-token-0002"
    assert form_of(idp.requests[0]) == {"grant_type": "refresh_token", "refresh_token": "refresh-token-0001",
                                        "client_id": "terracatalogueclient", "client_secret": "s3cret-value"}
    with pytest.raises(SessionExpired, match="sign in again"):
        oidc.refresh("refresh-token-0002")
    with pytest.raises(SessionExpired):
        oidc.refresh("")


def test_username_from_jwt_is_display_only_and_tolerant():
    assert username_from_jwt(jwt(preferred_username="alice")) == "alice"
    assert username_from_jwt("opaque-token") == "" and username_from_jwt("a.!!!.c") == ""


# -- TokenKeeper
def test_keeper_refreshes_30_seconds_early_and_reports_new_tokens(idp):
    clock = Clock()
    idp.add(200, token_answer(n=1, refresh="refresh-token-0002"), {"Content-Type": "application/json"})
    idp.add(200, json.dumps({"access_token": jwt(n=2), "expires_in": 300}), {"Content-Type": "application/json"})
    seen = []
    keeper = TokenKeeper(oidc_for(idp, clock), Tokens("access-0000-a", "refresh-token-0001", clock.now + 300,
                                                      username="analyst"), seen.append)
    clock.now += 269
    assert keeper.bearer() == "access-0000-a" and idp.requests == []
    clock.now += 2  # 29 s left: refreshed
    second = keeper.bearer()
    assert second != "access-0000-a" and form_of(idp.requests[0])["refresh_token"] == "refresh-token-0001"
    assert seen[-1].refresh_token == "refresh-token-0002" and seen[-1].access_token == second
    clock.now += 290
    third = keeper.bearer()  # the server did not rotate the refresh token: the one we had is kept
    assert third != second and keeper.tokens.refresh_token == "refresh-token-0002"
    assert keeper.username == "analyst"


def test_keeper_without_access_token_refreshes_first(idp):
    idp.add(200, token_answer(), {"Content-Type": "application/json"})
    keeper = TokenKeeper(oidc_for(idp), Tokens("", "refresh-token-0001"))
    assert keeper.bearer().count(".") == 2 and len(idp.requests) == 1


def test_keeper_refresh_refused_raises_session_expired(idp):
    idp.add(400, json.dumps({"error": "invalid_grant"}), {"Content-Type": "application/json"})
    keeper = TokenKeeper(oidc_for(idp), Tokens("access-0000-a", "refresh-token-0001", expires_at=1.0))
    with pytest.raises(SessionExpired, match="sign in again"):
        keeper.bearer()


def test_parallel_401s_refresh_once(idp):
    idp.add(200, token_answer(), {"Content-Type": "application/json"})
    keeper = TokenKeeper(oidc_for(idp), Tokens("access-0000-a", "refresh-token-0001"))
    results = []
    threads = [threading.Thread(target=lambda: results.append(keeper.force_refresh("access-0000-a")))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(idp.requests) == 1 and len(set(results)) == 1 and results[0] != "access-0000-a"
    assert keeper.force_refresh() == results[0] and len(idp.requests) == 1  # just refreshed: not again


# -- browser sign-in (PKCE, loopback)
class FakeBrowser:
    """Plays the identity provider's part: reads the authorization URL, then visits the redirect it would send."""

    def __init__(self, answer=lambda query: {"code": "the-code-0001", "state": query["state"]}):
        self.answer = answer
        self.url = None
        self.page = None

    def __call__(self, url):
        self.url = url
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        requests.get(query["redirect_uri"] + "favicon.ico", timeout=5)  # browsers ask; must not end the wait
        self.page = requests.get(query["redirect_uri"], params=self.answer(query), timeout=5)
        return True


def test_browser_sign_in_with_pkce_s256(idp):
    idp.add(200, token_answer(name="browser-user"), {"Content-Type": "application/json"})
    browser = FakeBrowser()
    tokens = oidc_for(idp).browser_sign_in(Progress(), browser, timeout=10, port=0)
    assert tokens.username == "browser-user"
    query = {k: v[0] for k, v in parse_qs(urlsplit(browser.url).query).items()}
    assert browser.url.startswith(idp.base_url + "/auth?")
    assert query["response_type"] == "code" and query["client_id"] == "terracatalogueclient"
    assert query["code_challenge_method"] == "S256" and len(query["state"]) >= 32
    assert query["redirect_uri"].startswith("http://localhost:") and query["redirect_uri"].endswith("/")
    assert "close this tab" in browser.page.text and browser.page.status_code == 200
    form = form_of(idp.requests[0])
    assert form["grant_type"] == "authorization_code" and form["code"] == "the-code-0001"
    assert form["redirect_uri"] == query["redirect_uri"] and form["client_id"] == "terracatalogueclient"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(form["code_verifier"].encode()).digest()).rstrip(b"=")
    assert challenge.decode() == query["code_challenge"] and 43 <= len(form["code_verifier"]) <= 128


def test_state_mismatch_is_refused(idp):
    browser = FakeBrowser(lambda query: {"code": "stolen-code-01", "state": "someone-elses-state"})
    with pytest.raises(AuthenticationError, match="state mismatch"):
        oidc_for(idp).browser_sign_in(Progress(), browser, timeout=10, port=0)
    assert "did not succeed" in browser.page.text and idp.requests == []  # no code exchanged


def test_refusal_in_the_browser_is_reported(idp):
    browser = FakeBrowser(lambda query: {"error": "access_denied", "error_description": "User declined",
                                         "state": query["state"]})
    with pytest.raises(AuthenticationError, match="refused in the browser: User declined"):
        oidc_for(idp).browser_sign_in(Progress(), browser, timeout=10, port=0)


def test_no_answer_times_out_in_words(idp):
    with pytest.raises(AuthenticationError, match="not completed in time"):
        oidc_for(idp).browser_sign_in(Progress(), lambda url: True, timeout=0.3, port=0)


def test_cancel_while_waiting(idp):
    progress = Progress()

    def open_browser(url):
        threading.Timer(0.2, progress.cancel).start()
        return True

    with pytest.raises(Cancelled):
        oidc_for(idp).browser_sign_in(progress, open_browser, timeout=30, port=0)


def test_browser_that_cannot_open(idp):
    with pytest.raises(AuthenticationError, match="browser could not be opened"):
        oidc_for(idp).browser_sign_in(Progress(), lambda url: False, timeout=5, port=0)


def test_port_in_use_is_said_and_the_port_is_free_after_each_attempt(idp):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        with pytest.raises(AuthenticationError, match=f"local port {port}, which another program is using"):
            oidc_for(idp).browser_sign_in(Progress(), lambda url: True, timeout=1, port=port)
    with pytest.raises(AuthenticationError):  # timed out: the listener must be closed afterwards
        oidc_for(idp).browser_sign_in(Progress(), lambda url: True, timeout=0.2, port=port)
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))
