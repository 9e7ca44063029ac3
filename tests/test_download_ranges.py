"""A large file fetched as byte ranges over several connections, resumed range by range, against the local range
server. Small sizes stand for large ones: a 200 kB file, a 50 kB threshold, 4 ranges of 50 kB."""

import builtins
import errno
import hashlib
import json
import threading
import time

import pytest

from eo_connector.core import ranged_download
from eo_connector.core.errors import Cancelled, DiskFull, IntegrityError
from eo_connector.core.http import HttpSession
from eo_connector.core.progress import RecordingProgress
from tests.support.range_server import RangeServer
from tests.test_download import fast_downloader, payload, read, serve

SIZE = 200_000
THRESHOLD = 50_000
RANGES = ["bytes=0-49999", "bytes=50000-99999", "bytes=100000-149999", "bytes=150000-199999"]


@pytest.fixture
def server():
    with RangeServer() as running:
        yield running


@pytest.fixture
def session():
    return HttpSession(retries=3, backoff=0.01, max_retry_after=0.05)


def ranged(session, **kwargs):
    kwargs.setdefault("segments", 4)
    kwargs.setdefault("segment_threshold", THRESHOLD)
    kwargs.setdefault("chunk_size", 4096)
    return fast_downloader(session, **kwargs)


def gets(server, path):
    """The Range header of every GET of `path`, in arrival order (None for a plain GET)."""
    return [r.headers.get("Range") for r in server.requests_for(path) if r.method == "GET"]


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".part", ".ranges", ".tmp")))


def test_large_file_is_fetched_in_four_ranges_and_is_byte_identical(server, session, tmp_path):
    data = payload(SIZE, seed=21)
    entry = serve(server, "big.tif", data, size=SIZE, checksum=sha256(data))
    progress = RecordingProgress()
    [path] = ranged(session).download([entry], str(tmp_path), progress)
    assert read(path) == data
    assert sorted(gets(server, "big.tif")) == sorted(RANGES)  # the first range is also the probe: 4 in all
    assert leftovers(tmp_path) == []
    fractions = [fraction for fraction, _ in progress.reports]
    assert fractions == sorted(fractions) and progress.last[0] == 1.0  # bytes counted across the ranges


def test_size_learnt_from_the_first_answer_turns_into_ranges(server, session, tmp_path):
    data = payload(SIZE, seed=22)
    entry = serve(server, "unknown.tif", data)  # no size in the plan: the plain GET's Content-Length tells it
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    seen = gets(server, "unknown.tif")
    assert seen[0] is None and sorted(seen[1:]) == sorted(RANGES[1:])  # the first answer is read as the first range


def test_head_first_gives_the_size_that_turns_into_ranges(server, session, tmp_path):
    data = payload(SIZE, seed=23)
    entry = serve(server, "headed.tif", data)
    [path] = ranged(session, head_first=True).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    assert [r.method for r in server.requests_for("headed.tif")][0] == "HEAD"
    assert sorted(gets(server, "headed.tif")) == sorted(RANGES)


def test_ranges_dropped_midway_resume_in_the_same_call_fetching_only_their_missing_bytes(server, session, tmp_path):
    data = payload(SIZE, seed=24)
    entry = serve(server, "drop.tif", data, size=SIZE, checksum=sha256(data))
    server.drop_after("drop.tif", 10_000, range_start=50_000)
    server.drop_after("drop.tif", 20_000, range_start=150_000)
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    assert sorted(gets(server, "drop.tif")) == sorted(RANGES + ["bytes=60000-99999", "bytes=170000-199999"])
    assert leftovers(tmp_path) == []


def test_ranged_download_cancelled_then_resumed_by_a_second_call_fetches_only_missing_bytes(server, session,
                                                                                           tmp_path):
    data = payload(SIZE, seed=25)
    entry = serve(server, "cancel.tif", data, size=SIZE, checksum=sha256(data))
    part, sidecar = tmp_path / "cancel.tif.part", tmp_path / "cancel.tif.part.ranges"
    progress = RecordingProgress()
    fourth_on_disk = threading.Event()

    def on_disk(start, count):  # the client wrote this range's first bytes (the server waits for it)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if part.exists() and part.read_bytes()[start:start + count] == data[start:start + count]:
                return
            time.sleep(0.001)

    def fourth_range_paused():  # called by the server after 16384 bytes of the fourth range
        on_disk(150_000, 16_384)
        fourth_on_disk.set()
        deadline = time.monotonic() + 5
        while not progress.cancelled() and time.monotonic() < deadline:
            time.sleep(0.001)

    def second_range_paused():  # after 16384 bytes of the second range: cancel with both ranges half done
        fourth_on_disk.wait(5)
        on_disk(50_000, 16_384)
        progress.cancel()

    server.call_after("cancel.tif", 16_384, second_range_paused, range_start=50_000)
    server.call_after("cancel.tif", 16_384, fourth_range_paused, range_start=150_000)
    with pytest.raises(Cancelled):
        ranged(session).download([entry], str(tmp_path), progress)
    assert not (tmp_path / "cancel.tif").exists() and part.stat().st_size == SIZE and sidecar.exists()
    saved = json.loads(sidecar.read_text())
    done = {start: count for start, _, count in saved["ranges"]}
    assert done[50_000] == 16_384 and done[150_000] == 16_384  # exactly what was on disk when it stopped

    first_call = len(server.requests)
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    second_call = sorted(r.headers.get("Range") for r in server.requests[first_call:])
    assert second_call == sorted(f"bytes={start + count}-{end - 1}" for start, end, count in saved["ranges"]
                                 if start + count < end)
    assert "bytes=66384-99999" in second_call and "bytes=166384-199999" in second_call
    assert leftovers(tmp_path) == []


def test_ranges_left_by_an_earlier_run_are_resumed_even_with_segments_off(server, session, tmp_path):
    data = payload(SIZE, seed=26)
    entry = serve(server, "left.tif", data, size=SIZE, checksum=sha256(data))
    on_disk = bytearray(SIZE)
    on_disk[0:30_000] = data[0:30_000]
    on_disk[100_000:170_000] = data[100_000:170_000]
    (tmp_path / "left.tif.part").write_bytes(bytes(on_disk))
    (tmp_path / "left.tif.part.ranges").write_text(json.dumps(
        {"version": 1, "size": SIZE, "etag": "", "ranges": [[0, 100_000, 30_000], [100_000, SIZE, 70_000]]}))
    progress = RecordingProgress()
    [path] = ranged(session, segments=1).download([entry], str(tmp_path), progress)
    assert read(path) == data
    assert gets(server, "left.tif") == ["bytes=30000-99999", "bytes=170000-199999"]
    assert leftovers(tmp_path) == []


def test_ranges_answered_whole_by_a_server_that_stopped_honouring_range_start_the_file_again(server, session,
                                                                                           tmp_path):
    data = payload(SIZE, seed=33)
    entry = serve(server, "changed.tif", data, size=SIZE, checksum=sha256(data))
    (tmp_path / "changed.tif.part").write_bytes(data[:30_000] + bytes(SIZE - 30_000))
    (tmp_path / "changed.tif.part.ranges").write_text(json.dumps(
        {"version": 1, "size": SIZE, "etag": "", "ranges": [[0, SIZE, 30_000]]}))
    server.accept_ranges = False  # its 200 answers the range request with the whole file
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and gets(server, "changed.tif") == ["bytes=30000-199999", None]
    assert leftovers(tmp_path) == []


def test_several_large_files_share_the_connections_and_are_byte_identical(server, session, tmp_path):
    files = {f"many/{i}.tif": payload(SIZE + i, seed=40 + i) for i in range(3)}
    plan = [serve(server, name, data, size=len(data), checksum=sha256(data)) for name, data in files.items()]
    paths = ranged(session, workers=3).download(plan, str(tmp_path), RecordingProgress())
    assert [read(path) for path in paths] == list(files.values())
    assert all(len(gets(server, name)) == 4 for name in files) and leftovers(tmp_path) == []


def test_ranges_that_do_not_describe_the_part_are_discarded_and_fetched_again(server, session, tmp_path):
    data = payload(SIZE, seed=27)
    entry = serve(server, "stale.tif", data, size=SIZE)
    (tmp_path / "stale.tif.part").write_bytes(b"\0" * 1000)  # not the size the sidecar announces
    (tmp_path / "stale.tif.part.ranges").write_text(json.dumps(
        {"version": 1, "size": SIZE, "etag": "", "ranges": [[0, SIZE, 1000]]}))
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and sorted(gets(server, "stale.tif")) == sorted(RANGES)


@pytest.mark.parametrize("size_known", [True, False])
def test_server_without_range_support_gets_one_plain_get(server, session, tmp_path, size_known):
    server.accept_ranges = False
    data = payload(SIZE, seed=28)
    entry = serve(server, "plain.tif", data, size=SIZE if size_known else None)
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data
    seen = gets(server, "plain.tif")
    # A known size is probed with the first range, which this server ignores: its 200 is the whole file.
    assert seen == (["bytes=0-49999"] if size_known else [None])
    assert leftovers(tmp_path) == []


def test_segments_1_turns_ranges_off(server, session, tmp_path):
    data = payload(SIZE, seed=29)
    entry = serve(server, "off.tif", data, size=SIZE)
    [path] = ranged(session, segments=1).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and gets(server, "off.tif") == [None]


def test_checksum_mismatch_after_a_ranged_download_discards_everything(server, session, tmp_path):
    entry = serve(server, "bad.tif", payload(SIZE, seed=30), size=SIZE, checksum="sha256:" + "0" * 64)
    with pytest.raises(IntegrityError) as caught:
        ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert "bad.tif" in str(caught.value)
    assert list(tmp_path.iterdir()) == [] and len(gets(server, "bad.tif")) == 4


def test_a_refused_range_gets_a_fresh_link_from_the_entry_refresh(server, session, tmp_path):
    server.signed = True
    data = payload(SIZE, seed=31)
    asked = []

    def refresh(old):
        asked.append(old.relative_path)
        return type(old)(server.sign("link.tif"), old.relative_path)

    entry = serve(server, "link.tif", data, size=SIZE, refresh=refresh)
    server.fail("link.tif", 403, range_start=100_000)  # this range's link "expired"
    [path] = ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert read(path) == data and asked == ["link.tif"]
    assert sorted(gets(server, "link.tif")) == sorted(RANGES + ["bytes=100000-149999"])


def test_disk_full_in_a_range_raises_diskfull_and_keeps_part_and_ranges(server, session, tmp_path, monkeypatch):
    entry = serve(server, "full.tif", payload(SIZE, seed=32), size=SIZE)

    class FullDisk:
        def __init__(self, handle):
            self._handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()

        def seek(self, position):
            self._handle.seek(position)

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_open(path, mode="r", *args, **kwargs):
        handle = builtins.open(path, mode, *args, **kwargs)
        return FullDisk(handle) if mode == "r+b" else handle

    monkeypatch.setattr(ranged_download, "open", full_open, raising=False)
    with pytest.raises(DiskFull) as caught:
        ranged(session).download([entry], str(tmp_path), RecordingProgress())
    assert "full.tif" in str(caught.value)
    assert leftovers(tmp_path) == ["full.tif.part", "full.tif.part.ranges"]
    assert not (tmp_path / "full.tif").exists()
