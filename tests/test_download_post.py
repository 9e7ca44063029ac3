"""HttpSession told that a POST is safe to repeat (a read sent by POST, as Earth Engine's computePixels)."""

import hashlib
import json

import pytest

from eo_connector.core.errors import NetworkError, ServerError
from eo_connector.core.http import HttpSession
from tests.support.range_server import RangeServer
from tests.test_download import payload


@pytest.fixture
def server():
    with RangeServer() as running:
        running.computed["compute"] = tile
        yield running


@pytest.fixture
def session():
    return HttpSession(retries=3, backoff=0.01, max_retry_after=0.05)


def tile(request):
    """What the server computes for a JSON request: bytes that depend on every field of it."""
    seed = int(hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()[:8], 16)
    return payload(request["grid"]["width"] * request["grid"]["height"], seed=seed)


def posts(server):
    return server.requests_for("compute")


# -- HttpSession: a POST said to be safe to repeat

def test_session_retries_a_post_said_idempotent_after_a_500_or_a_connection_closed(server):
    session = HttpSession(retries=2, backoff=0, sleep=lambda seconds: None)
    url, body = server.url("compute"), {"grid": {"width": 2, "height": 2}}
    server.fail("compute", 500)
    assert session.request("POST", url, json=body).status_code == 500  # by default a POST's 500 is not repeated
    server.fail("compute", 500)
    assert session.request("POST", url, json=body, idempotent=True).status_code == 200
    server.close_unanswered("compute")
    assert session.request("POST", url, json=body, idempotent=True).status_code == 200
    server.close_unanswered("compute")
    with pytest.raises(NetworkError):
        session.request("POST", url, json=body)
    assert len(posts(server)) == 6


def test_session_repeats_a_post_said_not_idempotent_only_when_it_was_not_processed(server):
    session = HttpSession(retries=2, backoff=0, sleep=lambda seconds: None)
    url, body = server.url("compute"), {"grid": {"width": 2, "height": 2}}
    server.fail("compute", 503)
    assert session.request("POST", url, json=body, idempotent=False).status_code == 200
    server.fail("compute", 502)
    response = session.request("POST", url, json=body, idempotent=False)
    assert response.status_code == 502  # a gateway may have passed it on: not sent again
    with pytest.raises(ServerError):
        session.raise_for_status(response)
    server.fail("compute", 502)
    assert session.request("POST", url, json=body).status_code == 200  # unchanged for existing callers
    assert len(posts(server)) == 5
