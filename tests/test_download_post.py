"""Plans of any request (DownloadEntry: method, body, idempotent, refresh) saved without secrets; and HttpSession told
that a POST is safe to repeat (a read sent by POST, as Earth Engine's computePixels)."""

import dataclasses
import hashlib
import json

import pytest

from eo_connector.core.errors import NetworkError, ServerError
from eo_connector.core.http import HttpSession
from eo_connector.core.models import DownloadEntry
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


def test_plan_entries_round_trip_without_secret_headers():
    entry = DownloadEntry("https://ee.example/v1/projects/p/image:computePixels", "tiles/a.tif", 1234,
                          "md5:" + "0" * 32, {"Authorization": "Bearer secret-1", "X-API-KEY": "secret-2",
                                              "x-goog-user-project": "p"},
                          method="POST", body={"expression": {"x": [1, 2]}}, idempotent=True,
                          refresh=lambda old: old)
    saved = json.loads(json.dumps(entry.to_dict()))
    assert "secret" not in json.dumps(saved)
    back = DownloadEntry.from_dict(saved)
    assert back == dataclasses.replace(entry, headers={"x-goog-user-project": "p"}) and back.refresh is None
    raw = DownloadEntry("https://x/y", "y.bin", method="POST", body=b"\x00\xffbytes")
    assert DownloadEntry.from_dict(json.loads(json.dumps(raw.to_dict()))) == raw
    plain = DownloadEntry.from_dict({"url": "https://x/z", "relative_path": "z.bin"})
    assert (plain.method, plain.body, plain.idempotent, plain.headers) == ("GET", None, True, {})
    with pytest.raises(TypeError):
        DownloadEntry("https://x/y", "y.bin", method="POST", body="text is ambiguous")


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
