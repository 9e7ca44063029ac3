"""The downloader, safe paths and zip extraction, against a local range server on 127.0.0.1."""

import dataclasses
import hashlib
import logging
import os
import random
import stat
import time
import zipfile

import pytest

from eo_connector.core import safe_paths
from eo_connector.core.download import Downloader, ensure_free_space, human_size, parse_checksum
from eo_connector.core.errors import (
    Cancelled,
    DiskFull,
    EOError,
    IntegrityError,
    InvalidInput,
    LinkExpired,
    NetworkError,
    NotFound,
    SessionExpired,
    UnsafePath,
)
from eo_connector.core.http import HttpSession
from eo_connector.core.models import DownloadEntry
from eo_connector.core.progress import RecordingProgress
from eo_connector.core.safe_paths import safe_extract_zip, safe_join
from tests.support.range_server import RangeServer


@pytest.fixture
def server():
    with RangeServer() as running:
        yield running


@pytest.fixture
def session():
    return HttpSession(retries=3, backoff=0.01, max_retry_after=0.05)


def fast_downloader(session, **kwargs):
    kwargs.setdefault("retry_delay", 0.001)
    return Downloader(session, **kwargs)


def payload(size, seed=0):
    return random.Random(seed).randbytes(size)


def serve(server, path, data, **entry_fields):
    server.files[path] = data
    return DownloadEntry(server.url(path), path, **entry_fields)


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def ranges(server, path):
    return [request.headers.get("Range") for request in server.requests_for(path)]


# -- downloads

def test_parallel_download_of_50_files_is_byte_identical(server, session, tmp_path):
    plan, contents = [], {}
    for i in range(50):
        data = payload(random.Random(i).randint(0, 120_000), seed=i)
        path = f"item{i % 7}/file{i}.bin"
        checksum = "sha256:" + hashlib.sha256(data).hexdigest() if i % 2 else None
        plan.append(serve(server, path, data, size=len(data), checksum=checksum))
        contents[path] = data
    progress = RecordingProgress()
    paths = fast_downloader(session, workers=8, chunk_size=8192).download(plan, str(tmp_path), progress)
    assert paths == [str(tmp_path / entry.relative_path) for entry in plan]
    for entry, path in zip(plan, paths):
        assert read(path) == contents[entry.relative_path]
    assert not [p for p in tmp_path.rglob("*.part")]
    assert progress.last[0] == 1.0 and "50" in progress.last[1]
    fractions = [fraction for fraction, _ in progress.reports]
    assert fractions == sorted(fractions) and len(fractions) < 500  # monotonic, and not one per chunk


def test_dropped_connection_resumes_with_range_and_is_byte_identical(server, session, tmp_path):
    data = payload(1_000_000)
    entry = serve(server, "scene.tif", data, size=len(data), checksum="md5:" + hashlib.md5(data).hexdigest())
    server.drop_after("scene.tif", 300_000, times=2)
    [path] = fast_downloader(session, chunk_size=16384).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    assert ranges(server, "scene.tif") == [None, "bytes=300000-", "bytes=600000-"]


def test_dropped_connection_without_known_size_still_resumes(server, session, tmp_path):
    data = payload(200_000, seed=3)
    entry = serve(server, "unknown.bin", data)
    server.drop_after("unknown.bin", 50_000)
    [path] = fast_downloader(session, chunk_size=4096).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and ranges(server, "unknown.bin") == [None, "bytes=50000-"]


def test_connection_that_keeps_dropping_gives_up_and_keeps_the_part(server, session, tmp_path):
    entry = serve(server, "flaky.bin", payload(100_000), size=100_000)
    server.drop_after("flaky.bin", 1000, times=10)
    with pytest.raises(NetworkError):
        fast_downloader(session, max_attempts=3).download([entry], str(tmp_path), RecordingProgress())
    assert not (tmp_path / "flaky.bin").exists()
    assert (tmp_path / "flaky.bin.part").stat().st_size == 3000


def test_existing_part_is_resumed(server, session, tmp_path):
    data = payload(50_000, seed=1)
    entry = serve(server, "a/b.bin", data, size=len(data))
    (tmp_path / "a").mkdir()
    (tmp_path / "a/b.bin.part").write_bytes(data[:12_345])
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and ranges(server, "a/b.bin") == ["bytes=12345-"]


def test_complete_part_of_unknown_size_is_verified_after_416(server, session, tmp_path):
    data = payload(5000, seed=2)
    entry = serve(server, "c.bin", data, checksum="sha1:" + hashlib.sha1(data).hexdigest())
    (tmp_path / "c.bin.part").write_bytes(data)
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and ranges(server, "c.bin") == ["bytes=5000-"]


def test_stale_part_failing_the_checksum_is_downloaded_again_from_zero(server, session, tmp_path):
    data = payload(40_000, seed=4)
    entry = serve(server, "d.bin", data, size=len(data), checksum="sha256:" + hashlib.sha256(data).hexdigest())
    (tmp_path / "d.bin.part").write_bytes(b"\0" * 10_000)  # right length prefix, wrong bytes
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and ranges(server, "d.bin") == ["bytes=10000-", None]


def test_complete_files_are_skipped_and_wrong_ones_fetched_again(server, session, tmp_path):
    good, bad = payload(3000, seed=5), payload(4000, seed=6)
    plan = [serve(server, "good.bin", good, size=len(good), checksum="md5:" + hashlib.md5(good).hexdigest()),
            serve(server, "bad.bin", bad, size=len(bad))]
    (tmp_path / "good.bin").write_bytes(good)
    (tmp_path / "bad.bin").write_bytes(bad[:100])
    fast_downloader(session).download(plan, str(tmp_path), RecordingProgress())
    assert server.requests_for("good.bin") == [] and len(server.requests_for("bad.bin")) == 1
    assert read(tmp_path / "bad.bin") == bad


def test_cancel_mid_download_leaves_only_part_files_then_resumes(server, session, tmp_path):
    data = payload(2_000_000, seed=7)
    entry = serve(server, "big.bin", data, size=len(data))
    progress = RecordingProgress()
    part = tmp_path / "big.bin.part"

    def cancel_once_bytes_are_on_disk():  # called by the server between the first 64 KiB and the rest
        deadline = time.monotonic() + 5
        while not (part.exists() and part.stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.001)
        progress.cancel()

    server.call_after("big.bin", 65_536, cancel_once_bytes_are_on_disk)
    with pytest.raises(Cancelled):
        fast_downloader(session, chunk_size=4096).download([entry], str(tmp_path), progress)
    assert not (tmp_path / "big.bin").exists()
    kept = part.stat().st_size
    assert 0 < kept < len(data)
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and ranges(server, "big.bin")[-1] == f"bytes={kept}-"


def test_checksum_mismatch_raises_and_leaves_no_file(server, session, tmp_path):
    entry = serve(server, "x.bin", payload(1000), checksum="sha256:" + "0" * 64)
    with pytest.raises(IntegrityError) as caught:
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert "x.bin" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("declared", [999, 1001])
def test_size_mismatch_raises_and_leaves_no_final_file(server, session, tmp_path, declared):
    entry = serve(server, "y.bin", payload(1000), size=declared)
    with pytest.raises(IntegrityError):
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert not (tmp_path / "y.bin").exists()


def test_body_shorter_than_its_content_length_is_resumed(server, session, tmp_path):
    data = payload(30_000, seed=8)
    entry = serve(server, "short.bin", data)  # size unknown: only Content-Length tells the body is short
    server.drop_after("short.bin", 29_999)
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and ranges(server, "short.bin") == [None, "bytes=29999-"]


@pytest.mark.parametrize("bad", ["../x", "/etc/x", "a/../../x", "C:\\x", "c:x", "..\\x", "a\\..\\..\\x",
                                 "", "a//b", "a/", "a\0b", ".", "./.."])
def test_unsafe_paths_are_refused_before_any_request(server, session, tmp_path, bad):
    plan = [serve(server, "fine.bin", b"ok"), DownloadEntry(server.url("fine.bin"), bad)]
    target = tmp_path / "out"
    with pytest.raises(UnsafePath):
        fast_downloader(session).download(plan, str(target), RecordingProgress())
    assert server.requests == [] and not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_safe_join_keeps_paths_inside_even_through_symlinks(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    assert safe_join(str(root), "sub/./f.tif") == str(root / "sub" / "f.tif")
    (root / "escape").symlink_to(tmp_path)
    with pytest.raises(UnsafePath):
        safe_join(str(root), "escape/f.tif")


def test_duplicate_destinations_are_refused(server, session, tmp_path):
    plan = [serve(server, "same.bin", b"1"), DownloadEntry(server.url("same.bin"), "./same.bin")]
    with pytest.raises(InvalidInput):
        fast_downloader(session).download(plan, str(tmp_path), RecordingProgress())
    assert server.requests == []


def test_disk_full_while_writing_raises_diskfull_and_keeps_the_part(server, session, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    entry = serve(server, "full.bin", payload(300_000), size=300_000)
    (tmp_path / "full.bin.part").symlink_to("/dev/full")  # every write there fails with ENOSPC
    with pytest.raises(DiskFull) as caught:
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert "full.bin" in str(caught.value)
    assert os.path.islink(tmp_path / "full.bin.part") and not (tmp_path / "full.bin").exists()


def test_not_enough_free_space_is_refused_before_downloading(server, session, tmp_path):
    with pytest.raises(DiskFull) as caught:
        ensure_free_space(str(tmp_path / "not/yet"), 10**18)
    assert "1000000 TB needed" in str(caught.value)
    assert ensure_free_space(str(tmp_path), 1) > 0
    entry = serve(server, "huge.bin", b"x", size=10**18)
    with pytest.raises(DiskFull):
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert server.requests == []


def test_human_size_and_checksum_forms():
    assert [human_size(n) for n in (0, 999, 45_000_000, 1_400_000_000)] == ["0 B", "999 B", "45 MB", "1.4 GB"]
    digest = hashlib.sha256(b"").hexdigest()
    assert parse_checksum("SHA256:" + digest.upper()) == ("sha256", digest)
    assert parse_checksum("1220" + digest) == ("sha256", digest)
    assert parse_checksum("crc32c:abc") is None and parse_checksum(None) is None


def test_expired_link_is_refreshed_and_secrets_stay_out_of_logs(server, session, tmp_path, caplog):
    server.signed = True
    data = payload(20_000, seed=9)
    entry = serve(server, "s/e.bin", data, size=len(data))
    server.expire_signatures()
    server.drop_after("s/e.bin", 5000)  # the first request is refused; this drop hits the refreshed one
    asked, signed_urls = [], [entry.url]

    def refresh(old):
        asked.append(old.relative_path)
        signed_urls.append(server.sign(old.relative_path))
        return dataclasses.replace(old, url=signed_urls[-1])

    caplog.set_level(logging.DEBUG, logger="eo_connector")
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress(), refresh=refresh)
    assert read(path) == data and asked == ["s/e.bin"]
    assert "s/e.bin" in caplog.text
    assert not [url for url in signed_urls if url.split("sig=")[1] in caplog.text]


def test_link_still_refused_after_two_refreshes_raises_link_expired(server, session, tmp_path):
    server.signed = True
    entry = serve(server, "gone.bin", b"data")
    server.expire_signatures()
    asked = []
    with pytest.raises(LinkExpired):
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress(),
                                          refresh=lambda old: asked.append(1) or old)
    assert len(asked) == 2 and len(server.requests) == 3


def test_bearer_headers_are_sent_and_401_without_refresh_is_session_expired(server, session, tmp_path):
    server.bearer_token = "token-123456"
    entry = serve(server, "t.bin", b"terrascope", headers={"Authorization": "Bearer token-123456"})
    [path] = fast_downloader(session).download([entry], str(tmp_path / "ok"), RecordingProgress())
    assert read(path) == b"terrascope"
    stale = dataclasses.replace(entry, headers={"Authorization": "Bearer old-token"})
    with pytest.raises(SessionExpired):
        fast_downloader(session).download([stale], str(tmp_path / "ko"), RecordingProgress())


def test_server_statuses_go_through_the_session(server, session, tmp_path):
    data = payload(1000, seed=10)
    entry = serve(server, "busy.bin", data, size=len(data))
    server.fail("busy.bin", 429, retry_after=0)
    server.fail("busy.bin", 503)
    [path] = fast_downloader(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    missing = DownloadEntry(server.url("missing.bin"), "missing.bin")
    with pytest.raises(NotFound):
        fast_downloader(session).download([entry, missing], str(tmp_path / "2"), RecordingProgress())


def test_unexpected_failures_reach_the_user_as_eoerror(server, session, tmp_path):
    server.signed = True
    entry = serve(server, "boom.bin", b"data")
    server.expire_signatures()

    def broken_refresh(old):
        raise RuntimeError("internal detail")

    with pytest.raises(EOError) as caught:
        fast_downloader(session).download([entry], str(tmp_path), RecordingProgress(), refresh=broken_refresh)
    assert "internal detail" not in str(caught.value) and "internal detail" in caught.value.details


def test_unwritable_output_folder_is_a_user_sentence(server, session, tmp_path):
    (tmp_path / "a_file").write_text("not a folder")
    entry = serve(server, "f.bin", b"data")
    for target, name in ((tmp_path / "a_file" / "out", "f.bin"), (tmp_path, "a_file/f.bin")):
        with pytest.raises(EOError) as caught:
            fast_downloader(session).download([dataclasses.replace(entry, relative_path=name)], str(target),
                                              RecordingProgress())
        assert "cannot be written to the output folder" in str(caught.value) and caught.value.details


# -- zip extraction

def make_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)


def test_zip_extraction_writes_every_file_through_part_names(tmp_path):
    make_zip(tmp_path / "r.zip", [("buildings/b.gpkg", b"g" * 5000), ("dir/", b""), ("readme.txt", b"hi")])
    progress = RecordingProgress()
    paths = safe_extract_zip(str(tmp_path / "r.zip"), str(tmp_path / "out"), progress)
    assert paths == [str(tmp_path / "out/buildings/b.gpkg"), str(tmp_path / "out/readme.txt")]
    assert read(paths[0]) == b"g" * 5000 and (tmp_path / "out/dir").is_dir()
    assert not list((tmp_path / "out").rglob("*.part")) and progress.last[0] == 1.0


def test_zip_slip_member_is_refused_with_nothing_written(tmp_path):
    make_zip(tmp_path / "evil.zip", [("ok.txt", b"fine"), ("../evil.txt", b"pwned")])
    with pytest.raises(UnsafePath):
        safe_extract_zip(str(tmp_path / "evil.zip"), str(tmp_path / "out"))
    assert not (tmp_path / "evil.txt").exists() and list((tmp_path / "out").iterdir()) == []


def test_zip_symlink_member_is_refused(tmp_path):
    link = zipfile.ZipInfo("innocent")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(tmp_path / "link.zip", "w") as archive:
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(UnsafePath):
        safe_extract_zip(str(tmp_path / "link.zip"), str(tmp_path / "out"))
    assert not (tmp_path / "out/innocent").exists()


def test_zip_bomb_and_oversized_archives_are_refused(tmp_path, monkeypatch):
    make_zip(tmp_path / "bomb.zip", [("zeros.bin", b"\0" * 2_000_000)])
    monkeypatch.setattr(safe_paths, "RATIO_FLOOR_BYTES", 1024)
    with pytest.raises(IntegrityError):
        safe_extract_zip(str(tmp_path / "bomb.zip"), str(tmp_path / "out"))
    monkeypatch.setattr(safe_paths, "free_space", lambda folder: 10)
    make_zip(tmp_path / "plain.zip", [("a.bin", payload(100))])
    with pytest.raises(DiskFull):
        safe_extract_zip(str(tmp_path / "plain.zip"), str(tmp_path / "out2"))
    assert not (tmp_path / "out2/a.bin").exists()


def test_zip_extraction_is_cancellable(tmp_path):
    make_zip(tmp_path / "c.zip", [("a.bin", b"a"), ("b.bin", b"b")])
    progress = RecordingProgress()
    progress.cancel()
    with pytest.raises(Cancelled):
        safe_extract_zip(str(tmp_path / "c.zip"), str(tmp_path / "out"), progress)
    assert list((tmp_path / "out").iterdir()) == []


def test_head_first_asks_head_then_get_and_refreshes_an_expired_token(server, session, tmp_path):
    """Terrascope's client HEADs each file before its GET; a token expired in between is renewed once."""
    server.bearer_token = "fresh-token-1"
    entry = serve(server, "p/b02.tif", b"B02" * 100, headers={"Authorization": "Bearer stale-token-0"})
    renewed = []

    def refresh(old):
        renewed.append(old.relative_path)
        return dataclasses.replace(old, headers={"Authorization": "Bearer fresh-token-1"})

    [path] = fast_downloader(session, head_first=True).download([entry], str(tmp_path), RecordingProgress(),
                                                                  refresh=refresh)
    assert read(path) == b"B02" * 100
    assert renewed == ["p/b02.tif"]
    methods = [method for method, *_ in server.requests_for("p/b02.tif")]
    assert methods == ["HEAD", "HEAD", "GET"]  # refused HEAD, HEAD with the new token, then the body


def test_head_first_refuses_a_file_whose_length_differs_from_the_catalogue(server, session, tmp_path):
    entry = serve(server, "p/meta.xml", b"<xml/>")
    wrong = dataclasses.replace(entry, size=999)
    with pytest.raises(IntegrityError):
        fast_downloader(session, head_first=True).download([wrong], str(tmp_path), RecordingProgress())
    assert [m for m, *_ in server.requests_for("p/meta.xml")] == ["HEAD"]  # no body was fetched
    assert not any(tmp_path.rglob("meta.xml*"))


# -- waiting on the workers of a run (download_run.wait_all)
def _run_of(progress):
    from eo_connector.core.download_run import DownloadRun, ProgressTally

    return DownloadRun(progress, None, ProgressTally(progress, [None]))


def test_the_first_failure_stops_the_other_workers_and_is_the_one_told():
    import concurrent.futures as cf
    import threading

    from eo_connector.core.download_run import Stopped, wait_all
    from eo_connector.core.errors import NetworkError
    from eo_connector.core.progress import Progress

    run, started = _run_of(Progress()), threading.Event()

    def busy():
        started.set()
        if run.stop.wait(30):
            raise Stopped()

    def failing():
        started.wait(30)
        raise NetworkError("the server went away")

    with cf.ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(busy), pool.submit(failing)] + [pool.submit(busy) for _ in range(50)]
        error = wait_all(run, futures)
    assert isinstance(error, NetworkError) and run.stop.is_set()
    ran = [future for future in futures if not future.cancelled()]
    assert len(ran) <= 4  # the queued ones never ran (a worker may take one more before the cancel)
    assert all(isinstance(future.exception(), Stopped) for future in ran if future is not futures[1])


def test_a_cancel_stops_the_workers_and_all_done_is_none():
    import concurrent.futures as cf

    from eo_connector.core.download_run import Stopped, wait_all
    from eo_connector.core.errors import Cancelled
    from eo_connector.core.progress import Progress

    progress = Progress()
    run = _run_of(progress)

    def busy():
        progress.cancel()
        if run.stop.wait(30):
            raise Stopped()

    with cf.ThreadPoolExecutor(3) as pool:
        assert isinstance(wait_all(run, [pool.submit(busy) for _ in range(3)]), Cancelled)
        calm = _run_of(Progress())
        assert wait_all(calm, [pool.submit(lambda: None) for _ in range(500)]) is None and not calm.stop.is_set()
    assert wait_all(_run_of(Progress()), []) is None
