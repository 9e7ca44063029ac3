"""The downloader takes any request: POST entries with a JSON body (as Earth Engine's computePixels), their retries,
their refresh, and plans saved without secrets; and HttpSession told that a POST is safe to repeat."""

import dataclasses
import hashlib
import json

import pytest

from eo_connector.core.errors import NetworkError, ServerError
from eo_connector.core.http import HttpSession
from eo_connector.core.models import DownloadEntry
from eo_connector.core.progress import RecordingProgress
from tests.support.range_server import RangeServer
from tests.test_download import fast_downloader, payload, read


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


def compute_entry(server, name, width=200, height=150, **fields):
    body = {"expression": {"image": name}, "fileFormat": "GEO_TIFF", "grid": {"width": width, "height": height}}
    fields.setdefault("idempotent", True)  # computePixels is a read
    return DownloadEntry(server.url("compute"), f"tiles/{name}.tif", method="POST", body=body, **fields)


def posts(server):
    return server.requests_for("compute")


def test_post_entries_with_json_bodies_are_downloaded_in_parallel_and_verified(server, session, tmp_path):
    plan = []
    for i in range(12):
        entry = compute_entry(server, f"t{i}", width=100 + 10 * i)
        expected = tile(entry.body)
        plan.append(dataclasses.replace(entry, size=len(expected),
                                        checksum="sha256:" + hashlib.sha256(expected).hexdigest()))
    paths = fast_downloader(session, workers=4).download(plan, str(tmp_path), RecordingProgress())
    for entry, path in zip(plan, paths):
        assert read(path) == tile(entry.body)
    assert sorted(json.loads(r.body)["expression"]["image"] for r in posts(server)) == sorted(f"t{i}" for i in
                                                                                              range(12))
    assert all(r.method == "POST" and r.headers["Content-Type"] == "application/json" and "Range" not in r.headers
               for r in posts(server))
    assert not list(tmp_path.rglob("*.part"))


def test_bytes_body_is_sent_as_it_is(server, session, tmp_path):
    server.computed["raw"] = lambda request: json.dumps(request).encode() * 3
    entry = DownloadEntry(server.url("raw"), "raw.bin", method="post", body=b'{"a": 1}', idempotent=True,
                          headers={"Content-Type": "application/json"})
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == b'{"a": 1}' * 3 and server.requests_for("raw")[0].body == b'{"a": 1}'


def test_post_body_dropped_midway_is_fetched_again_whole_never_with_range(server, session, tmp_path):
    entry = compute_entry(server, "dropped")
    expected = tile(entry.body)
    (tmp_path / "tiles").mkdir()
    (tmp_path / "tiles/dropped.tif.part").write_bytes(expected[:5000])  # a leftover is not continued either
    server.drop_after("compute", 12_345)
    [path] = fast_downloader(session, chunk_size=4096).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == expected
    assert [r.method for r in posts(server)] == ["POST", "POST"]
    assert [r.headers.get("Range") for r in posts(server)] == [None, None]
    assert posts(server)[0].body == posts(server)[1].body


def test_post_not_safe_to_repeat_is_not_sent_again_after_a_drop(server, session, tmp_path):
    entry = compute_entry(server, "once", idempotent=None)  # a POST is not idempotent unless said so
    assert entry.idempotent is False
    server.drop_after("compute", 1000)
    with pytest.raises(NetworkError):
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert len(posts(server)) == 1 and not (tmp_path / "tiles/once.tif").exists()


@pytest.mark.parametrize("idempotent", [True, None])
def test_post_answered_429_with_retry_after_is_retried(server, session, tmp_path, idempotent):
    entry = compute_entry(server, "busy", idempotent=idempotent)
    server.fail("compute", 429, retry_after=0)
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == tile(entry.body)
    assert len(posts(server)) == 2 and posts(server)[0].body == posts(server)[1].body


def test_entry_refresh_gives_a_post_a_new_token_after_401(server, session, tmp_path):
    server.bearer_token = "fresh-token-2"
    asked = []

    def refresh(old):
        asked.append(old.relative_path)
        return dataclasses.replace(old, headers={"Authorization": "Bearer fresh-token-2"})

    entry = compute_entry(server, "token", headers={"Authorization": "Bearer stale-token-1"}, refresh=refresh)
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress(),
                                               refresh=lambda old: pytest.fail("the entry's own refresh comes first"))
    assert read(path) == tile(entry.body) and asked == ["tiles/token.tif"]
    assert [r.headers["Authorization"] for r in posts(server)] == ["Bearer stale-token-1", "Bearer fresh-token-2"]
    assert posts(server)[0].body == posts(server)[1].body


def test_a_link_refresher_gives_a_post_a_new_url_and_keeps_its_request(server, session, tmp_path):
    server.signed = True
    entry = compute_entry(server, "signed")
    server.expire_signatures()

    def refresh(old):  # as BrightEarth's link refresher: a new entry built from the url alone
        return DownloadEntry(server.sign("compute"), old.relative_path, old.size, old.checksum, dict(old.headers))

    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress(), refresh=refresh)
    assert read(path) == tile(entry.body)
    assert [r.method for r in posts(server)] == ["POST", "POST"] and posts(server)[1].body == posts(server)[0].body


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
