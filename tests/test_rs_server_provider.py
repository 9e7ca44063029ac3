"""RS-Server's provider, pure, against the emulator: connection modes and the owner id as rs-client decides it, the
API-key check cached 120 s, each sign-in failure a sentence (refused key, expired key, check URL down, a server that is
not an RS-Server), keys never kept when refused; staging (one request per asset host, accepted -> running ->
successful, failed and dismissed, resumed after a restart without staging twice, by reference); publishing checked
before sending and each refusal in the server's words."""

import json
import socket
import time

import pytest

from eo_connector.core.errors import (
    Cancelled,
    InvalidInput,
    NetworkError,
    PermissionDenied,
    ProtocolError,
    ScenarioFailed,
    SessionExpired,
)
from eo_connector.core.models import Asset, Item, JobRecord
from eo_connector.core.progress import Progress
from eo_connector.providers.rs_server import session as rs_session
from eo_connector.providers.rs_server.client import RsServerClient, session_files
from eo_connector.providers.rs_server.operations import auxip_body, cadip_body, run_staging
from eo_connector.providers.rs_server.platform import PLATFORM
from eo_connector.providers.rs_server.publishing import FeatureInput, items_from_features, publish, validate_collection
from tests.emulators.rs_server import DEMO_KEY
from tests.support.rs_server_fixtures import rs_form


def check(rs_ctx, connection):
    return PLATFORM.check(rs_ctx, connection, Progress())


def test_cluster_mode_owner_from_the_key_check_cached(rs_emulator, rs_ctx, rs_connection):
    connection = rs_connection(rs_emulator)
    assert DEMO_KEY not in json.dumps(connection.to_dict())
    assert rs_ctx.secrets[connection.id + "/api_key"] == DEMO_KEY
    client = PLATFORM.client(rs_ctx, connection)
    with client.http:
        assert client.owner_id() == "pyuser"
        client.session.auth_info()
        client.session.auth_info()
    assert len(rs_emulator.recorded("^/apikeymanager/check/api_key$")) == 1  # the sign-in's check, then cached
    account = check(rs_ctx, connection)
    assert PLATFORM.describe_account(connection, account) == "Owner pyuser — 18 roles"


def test_hybrid_and_local_modes_and_an_explicit_owner(rs_emulator, rs_ctx, rs_connection):
    with pytest.raises(InvalidInput, match="hybrid mode the owner id must be given"):
        PLATFORM.connection_from_form("h", rs_form(rs_emulator, mode="hybrid", check_url=""))
    hybrid = rs_connection(rs_emulator, mode="hybrid", check_url="", owner_id="py-user!")
    assert check(rs_ctx, hybrid)["owner"] == "pyuser"  # special characters removed, as rs-client does
    assert not rs_emulator.recorded("^/apikeymanager")  # hybrid: no check URL, no check
    local = PLATFORM.connection_from_form("l", {"url": rs_emulator.url, "mode": "local"})
    client = PLATFORM.client(rs_ctx, local)
    assert client.headers() == {} and client.owner_id()  # the local login
    with pytest.raises(InvalidInput, match="check URL"):
        PLATFORM.connection_from_form("c", rs_form(rs_emulator, check_url=""))
    assert rs_session.sanitize_owner("a.b-c_d") == "abcd"


def test_a_refused_key_is_a_sentence_and_is_not_kept(rs_emulator, rs_ctx):
    form = rs_form(rs_emulator, api_key="not-a-key-at-all")
    connection = PLATFORM.connection_from_form("bad", form)
    with pytest.raises(PermissionDenied) as refused:
        PLATFORM.sign_in(rs_ctx, connection, PLATFORM.credentials_from_form(form))
    assert "API key was refused by the check service" in refused.value.message
    assert "Invalid API key" in refused.value.message
    assert connection.id + "/api_key" not in rs_ctx.secrets


def test_an_expired_key(rs_emulator, rs_ctx, rs_connection):
    connection = rs_connection(rs_emulator)
    rs_emulator.expire_key()
    with pytest.raises(SessionExpired, match="wrong, revoked or expired"):
        check(rs_ctx, connection)


def test_a_check_url_that_is_down(rs_emulator, rs_ctx):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    form = rs_form(rs_emulator, check_url=f"http://127.0.0.1:{port}/check")
    connection = PLATFORM.connection_from_form("down", form)
    rs_ctx.http = lambda base="", **kw: __import__("eo_connector.core.http", fromlist=["x"]).HttpSession(
        base, retries=0, timeout=(2, 5))
    with pytest.raises(NetworkError, match="check service .* does not answer"):
        PLATFORM.sign_in(rs_ctx, connection, PLATFORM.credentials_from_form(form))


def test_a_server_that_is_not_an_rs_server(rs_emulator, rs_ctx):
    form = rs_form(rs_emulator, url=rs_emulator.url + "/elsewhere")
    connection = PLATFORM.connection_from_form("other", form)
    with pytest.raises(ProtocolError, match="does not answer as an RS-Server"):
        PLATFORM.sign_in(rs_ctx, connection, PLATFORM.credentials_from_form(form))


def test_cookie_sessions_and_their_expiry(rs_emulator, rs_ctx, rs_connection):
    from tests.emulators.rs_server import DEMO_COOKIE

    connection = rs_connection(rs_emulator, auth="cookie", cookie=DEMO_COOKIE, api_key="", check_url="")
    assert check(rs_ctx, connection)["owner"] == "pyuser"
    assert rs_emulator.recorded("^/auth/me$")
    rs_emulator.expire_cookie()
    with pytest.raises(SessionExpired, match="session cookie was refused"):
        check(rs_ctx, connection)


def test_search_bodies_of_cadip_and_auxip():
    body = cadip_body({"station": "ins", "platform": "S1A", "start": "2024-01-15", "end": "2024-01-16"})
    assert body["collections"] == ["cadip_ins"] and body["datetime"] == "2024-01-15T00:00:00Z/2024-01-16T23:59:59Z"
    assert body["filter"] == {"op": "=", "args": [{"property": "platform"}, "S1A"]}
    with pytest.raises(InvalidInput, match="Unknown CADIP station"):
        cadip_body({"station": "XYZ"})
    aux = auxip_body({"product_type": "AUX_RESORB", "filter": '{"op": "=", "args": [{"property": "platform"}, '
                                                              '"S1A"]}'})
    assert aux["filter"]["op"] == "and" and len(aux["filter"]["args"]) == 2


def sessions(client, count=2, platform="S1A"):
    body = cadip_body({"station": "CADIP", "platform": platform})
    return client.cadip.items(body)[:count]


def staging_record(items, collection="s1_chunks", keys=None):
    op = PLATFORM.operation("staging")
    from eo_connector.core.models import Connection

    return op.new_record(Connection("rs_server", "x", "u", id="c1"), {"items": items, "collection": collection,
                                                                      "asset_keys": keys or {}})


def test_staging_a_sessions_chosen_files(rs_emulator, rs_ctx, rs_connection):
    client = PLATFORM.client(rs_ctx, rs_connection(rs_emulator))
    with client.http:
        found = sessions(client)
        files = session_files(found[0])
        assert [(f[1], f[2]) for f in files] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
        chosen = [files[0][0], files[3][0]]
        record = staging_record(found[:1], keys={found[0].id: chosen})
        changes = []
        staged = run_staging(client, record, Progress(), lambda r: changes.append(json.dumps(r.remote)), 0.05)
    assert [i.id for i in staged] == [found[0].id] and record.remote["staged"] == 1
    assert json.loads(changes[0])["jobs"][0]["status"] == "accepted"  # saved before anything else
    assert set(staged[0].assets) == set(chosen) | {"quicklook_cog"}
    body = json.loads(rs_emulator.recorded("^/processes/staging/execution$")[0].body)
    assert set(body["inputs"]["items"]["value"]["features"][0]["assets"]) == set(chosen)
    states = [r for r in rs_emulator.recorded("^/jobs/")]
    assert states and all(r.method == "GET" for r in states)


def test_staging_failed_is_said_with_the_servers_message(rs_emulator, rs_ctx, rs_connection):
    client = PLATFORM.client(rs_ctx, rs_connection(rs_emulator))
    rs_emulator.fail_staging("Station CADIP unreachable")
    with client.http, pytest.raises(ScenarioFailed, match="failed on RS-Server: Station CADIP unreachable"):
        run_staging(client, staging_record(sessions(client, 1)), Progress(), lambda r: None, 0.05)


def test_cancel_dismisses_the_job_and_a_dismissed_job_is_said(rs_emulator_factory, rs_ctx, rs_connection):
    emulator = rs_emulator_factory(staging_seconds=30)
    client = PLATFORM.client(rs_ctx, rs_connection(emulator))
    with client.http:
        record = staging_record(sessions(client, 1))
        progress = Progress()

        def cancel_after_first_poll(r):
            if emulator.recorded("^/jobs/"):
                r.remote["cancel_requested"] = True
                progress.cancel()

        with pytest.raises(Cancelled):
            run_staging(client, record, progress, cancel_after_first_poll, 0.05)
        assert emulator.recorded("^/jobs/", "DELETE") and record.remote["jobs"][0]["status"] == "dismissed"
        record.remote.pop("cancel_requested")
        with pytest.raises(ScenarioFailed, match="was dismissed on RS-Server"):
            run_staging(client, record, Progress(), lambda r: None, 0.05)


def test_a_restart_in_the_middle_follows_the_same_job(rs_emulator_factory, rs_ctx, rs_connection):
    emulator = rs_emulator_factory(staging_seconds=1.0)
    client = PLATFORM.client(rs_ctx, rs_connection(emulator))
    with client.http:
        record = staging_record(sessions(client, 1))
        progress = Progress()
        saved = {}

        def quit_qgis(r):  # QGIS closes while the job runs: nothing asks the server to stop
            saved.update(json.loads(json.dumps(r.to_dict())))
            progress.cancel()

        with pytest.raises(Cancelled):
            run_staging(client, record, progress, quit_qgis, 0.05)
    assert not emulator.recorded("^/jobs/", "DELETE")
    reread = JobRecord.from_dict(saved)  # what the job store had on disk
    client = PLATFORM.client(rs_ctx, rs_connection(emulator))
    with client.http:
        staged = run_staging(client, reread, Progress(), lambda r: None, 0.05)
    assert len(emulator.recorded("^/processes/staging/execution$")) == 1  # not staged twice
    assert staged and reread.remote["jobs"][0]["status"] == "successful"


def test_staging_by_reference(rs_emulator, rs_ctx, rs_connection):
    client = PLATFORM.client(rs_ctx, rs_connection(rs_emulator))
    op = PLATFORM.operation("staging")
    from eo_connector.core.models import Connection

    with client.http:
        found = sessions(client, 1)
        href = f"{rs_emulator.url}/cadip/search?collections=cadip_cadip&ids={found[0].id}"
        record = op.new_record(Connection("rs_server", "x", "u"), {"reference": href, "collection": "by_ref"})
        staged = run_staging(client, record, Progress(), lambda r: None, 0.05)
    assert [i.id for i in staged] == [found[0].id]
    body = json.loads(rs_emulator.recorded("^/processes/staging/execution$")[0].body)
    assert body == {"inputs": {"collection": "by_ref", "items": {"href": href}}}


def test_one_staging_request_per_asset_host():
    sent = []

    class FakeHttp:
        def request(self, method, url, json=None, **kw):
            sent.append(json)

            class Answer:
                status_code = 201
                text = ""
                headers = {}

                @staticmethod
                def json():
                    return {"jobID": f"j{len(sent)}", "status": "accepted", "type": "process"}
            return Answer()

    from eo_connector.core.models import Connection

    client = RsServerClient(FakeHttp(), Connection("rs_server", "x", "http://rs"),
                            rs_session.Session(None, "http://rs", mode="local"))
    items = [{"id": n, "assets": {"f": {"href": f"https://{host}/f{n}"}}}
             for n, host in enumerate(["a.example", "b.example", "a.example"])]
    answers = client.run_staging(items, "out")
    assert sorted(answers) == ["a.example", "b.example"] and len(sent) == 2
    assert [len(b["inputs"]["items"]["value"]["features"]) for b in sent] == [2, 1]


def test_staging_refuses_nothing_to_stage():
    with pytest.raises(InvalidInput, match="Select the files"):
        staging_record([])
    with pytest.raises(InvalidInput, match="catalogue collection"):
        staging_record([Item("x", assets={"a": Asset("https://h/a")})], collection="")


def test_publishing_is_checked_before_sending_and_refusals_are_shown(rs_emulator, rs_ctx, rs_connection):
    client = PLATFORM.client(rs_ctx, rs_connection(rs_emulator))
    point = {"type": "Point", "coordinates": [7.03, 43.63]}
    bad = items_from_features([FeatureInput("a b", point, {}, "/home/me/file.tif")], "pub")
    assert not bad.ok and any("local file" in p for p in bad.problems) and any("id may only" in p for p in
                                                                                bad.problems)
    assert any("needs a date" in p for p in bad.problems)
    assert validate_collection({"id": "bad id"})
    with client.http:
        client.add_collection({"id": "pub", "title": "Published"})
        plan = items_from_features([FeatureInput("f1", point, {"name": "one"}, "https://h/f1.tif"),
                                    FeatureInput("f2", point, {"name": "two"})], "pub",
                                   default_datetime="2024-01-15")
        assert plan.ok and "2 items into collection pub" in plan.preview()
        sent, refused = publish(client, plan)
        assert sent == ["f1", "f2"] and refused == []
        sent, refused = publish(client, plan)  # again: the server refuses the duplicates, in its words
        assert sent == [] and len(refused) == 2 and "already exists" in refused[0]
        sent, refused = publish(client, plan, replace=True)
        assert sent == ["f1", "f2"]
        client.remove_item("pub", "f2")
        assert [i["id"] for i in rs_emulator.catalog_items("pyuser", "pub")] == ["f1"]
        client.update_collection({"id": "pub", "title": "Renamed", "description": "d", "license": "x",
                                  "extent": {"spatial": {"bbox": [[0, 0, 1, 1]]}, "temporal": {"interval": [[None,
                                                                                                            None]]}}})
        assert rs_emulator.catalog.collections["pyuser:pub"]["title"] == "Renamed"
        assert client.remove_collection("pub") is not None and client.remove_collection("pub") is None
    with pytest.raises(InvalidInput):
        publish(client, bad)
    assert time.time()
