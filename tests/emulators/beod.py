"""BrightEarth On Demand (BEOD) test emulator, strict to /work/shared/protocols/brightearth.md.

    with BeodEmulator(run_seconds=0.5) as beod:
        requests.post(beod.url + "/auth/login", json={"email": "analyst@example.com", "password": "correct horse"})

Constructor options (all keyword):
  users            email -> password (default {"analyst@example.com": "correct horse"})
  credits          starting balance of every user (1000)
  credits_per_km2  price: a scenario costs max(1, ceil(area_km2 * credits_per_km2)) (1.0)
  token_ttl        access token lifetime in seconds, also `expires_in` (86400)
  run_seconds      CREATED (5%) -> PENDING (to 15%) -> RUNNING (progress 0..100) -> SUCCESSFUL (2.0; 0 = at once)
  fail_when        a name substring (case-insensitive) or a predicate on the scenario body; matching scenarios
                   stop half way through RUNNING as FAILED with a `details` text ("fail")
  max_aoi_km2      larger AOIs are refused with 400 (500)
  zip_max_km2      AOIs up to this area get one "<scenario_id>.zip" (2.0); larger ones a tiled tree
  tile_count       None: tiles = clamp(ceil(area / tile_km2), 2, 64); an int forces that many tiles (and a tree)
  tile_km2         area per tile when the count is derived (5.0)
  page_size        files per answer of /download/urls before a NextContinuationToken (100)
  url_ttl          presigned URL lifetime in seconds (600)
  storage_allows_head  HEAD on presigned URLs (True); False answers 403 as S3 does for a GET-signed URL
  evil_keys        the tree's first page and the zip also hold path-traversal names (EVIL_TREE_KEYS,
                   EVIL_ZIP_MEMBERS), for the client's "never escape the output folder" tests (False)
  faults           a FaultInjector (a fresh one by default), port (0 = the OS picks)

What is refused and why: beod_validation.py. Results (zip or paged tree, continuation tokens): beod_results.py,
files made with geodata.py at the first /download/urls request, kept in a temporary folder removed at stop().
Presigned storage (S3 behaviour, under /storage/): presigned.py. Errors: 401/auth {"message"}, others {"detail"}.
The clock (`now()`) can be moved with `advance(seconds)`: activities progress, tokens and URLs age.
"""

from __future__ import annotations

import argparse
import hmac
import math
import secrets
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from tests.emulators.beod_results import EVIL_TREE_KEYS, EVIL_ZIP_MEMBERS, BeodResults  # noqa: F401 (re-export)
from tests.emulators.beod_validation import parse_aoi, parse_scenario
from tests.emulators.faults import EmulatorServer, FaultInjector, Request, Response, json_response
from tests.emulators.geodata import area_km2
from tests.emulators.presigned import PresignedStorage

DEMO_EMAIL, DEMO_PASSWORD = "analyst@example.com", "correct horse"
_ID = r"(?P<user>[^/]+)"
_PROJECT = rf"/users/{_ID}/projects/(?P<project>\d+)"


@dataclass
class _User:
    id: str
    email: str
    password: str
    credits: int


@dataclass
class _Project:
    project_id: int
    user_id: str
    name: str
    created: float
    aoi: Any = None  # shapely polygon
    asset_id: int | None = None
    asset_created: float = 0.0
    scenario_ids: list[int] = field(default_factory=list)


@dataclass
class _Scenario:
    scenario_id: int
    activity_id: int
    project_id: int
    user_id: str
    scenario_type: str
    body: dict
    formats: dict[str, list[str]]
    aoi: Any
    area_km2: float
    cost: int
    created: float
    fails: bool


def _detail(status: int, text: str) -> Response:
    return json_response(status, {"detail": text})


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds")


class BeodEmulator(EmulatorServer):
    def __init__(self, *, users: dict[str, str] | None = None, credits: int = 1000, credits_per_km2: float = 1.0,
                 token_ttl: float = 86400, run_seconds: float = 2.0, fail_when: str | Callable[[dict], bool] = "fail",
                 max_aoi_km2: float = 500.0, zip_max_km2: float = 2.0, tile_count: int | None = None,
                 tile_km2: float = 5.0, page_size: int = 100, url_ttl: int = 600, storage_allows_head: bool = True,
                 evil_keys: bool = False, faults: FaultInjector | None = None, port: int = 0) -> None:
        super().__init__(faults=faults, port=port)
        self.token_ttl, self.run_seconds, self.fail_when = token_ttl, run_seconds, fail_when
        self.max_aoi_km2, self.credits_per_km2 = max_aoi_km2, credits_per_km2
        self._offset = 0.0
        self._lock = threading.RLock()
        self._users = {email: _User(str(uuid.uuid5(uuid.NAMESPACE_URL, f"beod:{email}")), email, password, credits)
                       for email, password in (users or {DEMO_EMAIL: DEMO_PASSWORD}).items()}
        self._tokens: dict[str, tuple[str, float]] = {}  # access token -> (email, expiry)
        self._projects: dict[int, _Project] = {}
        self._scenarios: dict[int, _Scenario] = {}
        self._next = {"project": 789, "asset": 1201, "scenario": 543, "activity": 2292}
        self._workdir = Path(tempfile.mkdtemp(prefix="beod-emulator-"))
        self.storage = PresignedStorage(self._workdir, bucket="beod-results", url_ttl=url_ttl,
                                        allow_head=storage_allows_head, clock=self.now)
        self.results = BeodResults(self.storage, zip_max_km2=zip_max_km2, tile_count=tile_count, tile_km2=tile_km2,
                                   page_size=page_size, evil_keys=evil_keys)
        add = self.router.add
        add("POST", "/auth/login", self._login)
        add("GET", rf"/users/{_ID}", self._api(self._me))
        add("GET", rf"/users/{_ID}/projects", self._api(self._list_projects))
        add("POST", rf"/users/{_ID}/projects", self._api(self._create_project))
        add("GET", rf"{_PROJECT}/scenarios", self._api(self._list_scenarios))
        add("GET", rf"{_PROJECT}/assets", self._api(self._list_assets))
        add("POST", rf"{_PROJECT}/assets/aoi", self._api(self._create_aoi))
        add("POST", rf"{_PROJECT}/scenarios/(?P<scenario_type>[^/]+)", self._api(self._create_scenario))
        add("GET", rf"{_PROJECT}/activities/(?P<activity>\d+)", self._api(self._activity))
        add("GET", rf"{_PROJECT}/scenarios/(?P<scenario>\d+)/download/urls", self._api(self._download_urls))

    # --- test controls ---------------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward: activities progress, tokens and presigned URLs age."""
        self._offset += seconds

    def expire_tokens(self) -> None:
        with self._lock:
            self._tokens = {token: (email, self.now() - 1) for token, (email, _) in self._tokens.items()}

    def expire_urls(self) -> None:
        self.storage.expire_all()

    def issue_token(self, email: str = DEMO_EMAIL) -> str:
        """An access token without going through /auth/login (for tests of later steps)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[token] = (email, self.now() + self.token_ttl)
        return token

    def user_id(self, email: str = DEMO_EMAIL) -> str:
        return self._users[email].id

    def credits(self, email: str = DEMO_EMAIL) -> int:
        return self._users[email].credits

    def set_credits(self, amount: int, email: str = DEMO_EMAIL) -> None:
        with self._lock:
            self._users[email].credits = amount

    def scenario(self, scenario_id: int) -> dict:
        """State of a scenario: its body, area, cost, activity (state, progress...) and whether it will fail."""
        with self._lock:
            sc = self._scenarios[scenario_id]
            return {"scenario_id": sc.scenario_id, "activity_id": sc.activity_id, "project_id": sc.project_id,
                    "type": sc.scenario_type, "body": dict(sc.body), "area_km2": sc.area_km2, "cost": sc.cost,
                    "fails": sc.fails, "zipped": self.results.zipped(sc.area_km2),
                    "file_count": self.results.file_count(sc.scenario_id), "activity": self._activity_json(sc)}

    def project(self, project_id: int) -> dict:
        with self._lock:
            project = self._projects[project_id]
            return {"project_id": project.project_id, "name": project.name, "asset_id": project.asset_id,
                    "aoi_wkt": project.aoi.wkt if project.aoi is not None else None,
                    "scenario_ids": list(project.scenario_ids)}

    def storage_requests(self) -> list[Request]:
        return self.recorded(f"^{self.storage.prefix}/")

    def requests_containing(self, text: str) -> list[Request]:
        """Recorded requests whose target, headers or body contain `text` (e.g. to trace where a secret went)."""
        return [r for r in self.requests
                if text in r.target or text in r.body.decode("utf-8", "replace")
                or any(text in value for value in r.headers.values())]

    def on_stop(self) -> None:
        shutil.rmtree(self._workdir, ignore_errors=True)

    # --- plumbing --------------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        if self.storage.owns(request.path):
            return self.storage.handle(request)
        return super().handle(request)

    def _api(self, handler: Callable[..., Response]) -> Callable[..., Response]:
        """Authenticate, resolve `me`/own uuid (another one -> 403) and the project (unknown -> 404)."""
        def guarded(request: Request, user: str, project: str | None = None, **params: str) -> Response:
            account, refusal = self._authenticate(request)
            if refusal is not None:
                return refusal
            if user not in ("me", account.id):
                return _detail(403, "You are not allowed to access another user's resources")
            if project is not None:
                with self._lock:
                    found = self._projects.get(int(project))
                if found is None or found.user_id != account.id:
                    return _detail(404, f"Project {project} not found")
                params["project"] = found
            return handler(request, account, **params)
        return guarded

    def _authenticate(self, request: Request) -> tuple[_User | None, Response | None]:
        scheme, _, token = (request.header("authorization") or "").partition(" ")
        with self._lock:
            entry = self._tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if entry is None:
            return None, json_response(401, {"message": "Unauthorized"})
        if self.now() >= entry[1]:
            return None, json_response(401, {"message": "The incoming token has expired"})
        return self._users[entry[0]], None

    def _take_id(self, kind: str) -> int:
        value = self._next[kind]
        self._next[kind] += 1
        return value

    # --- auth and user ---------------------------------------------------------------------------------------
    def _login(self, request: Request) -> Response:
        try:
            body = request.json()
        except ValueError as exc:
            return json_response(400, {"message": str(exc)})
        if not isinstance(body, dict) or not isinstance(body.get("email"), str) \
                or not isinstance(body.get("password"), str):
            return json_response(400, {"message": "email and password (strings) are required"})
        account = self._users.get(body["email"])
        if account is None or not hmac.compare_digest(account.password, body["password"]):
            return json_response(401, {"message": "Incorrect username or password."})
        return json_response(200, {"access_token": self.issue_token(account.email),
                                   "refresh_token": secrets.token_urlsafe(48),
                                   "expires_in": int(self.token_ttl), "token_type": "Bearer"})

    def _me(self, request: Request, account: _User) -> Response:
        return json_response(200, {"id": account.id, "email": account.email, "credits": account.credits,
                                   "first_name": "Test", "last_name": "Analyst"})

    # --- projects and AOI ------------------------------------------------------------------------------------
    def _list_projects(self, request: Request, account: _User) -> Response:
        with self._lock:
            mine = [p for p in self._projects.values() if p.user_id == account.id]
        return json_response(200, [{"project_id": p.project_id, "name": p.name, "creation_date": _iso(p.created)}
                                   for p in mine])

    def _create_project(self, request: Request, account: _User) -> Response:
        try:
            body = request.json()
        except ValueError as exc:
            return _detail(400, str(exc))
        if not isinstance(body, dict) or set(body) != {"name"} or not isinstance(body["name"], str) \
                or not body["name"].strip():
            return _detail(400, "The body must be {\"name\": <non-empty string>}")
        with self._lock:
            project = _Project(self._take_id("project"), account.id, body["name"], self.now())
            self._projects[project.project_id] = project
        return json_response(201, {"project_id": project.project_id})

    def _list_assets(self, request: Request, account: _User, project: _Project) -> Response:
        assets = [] if project.asset_id is None else [
            {"asset_id": project.asset_id, "type": "aoi", "geometry": project.aoi.wkt,
             "creation_date": _iso(project.asset_created)}]
        return json_response(200, assets)

    def _create_aoi(self, request: Request, account: _User, project: _Project) -> Response:
        try:
            body = request.json()
        except ValueError as exc:
            return _detail(400, str(exc))
        if not isinstance(body, dict) or set(body) != {"geometry"} or not isinstance(body["geometry"], str):
            return _detail(400, "The body must be {\"geometry\": <WKT POLYGON>}")
        geometry, problem = parse_aoi(body["geometry"], self.max_aoi_km2)
        if problem:
            return _detail(400, problem)
        with self._lock:
            if project.asset_id is not None:
                return _detail(409, f"Project {project.project_id} already has an AOI (one AOI per project)")
            project.aoi, project.asset_id, project.asset_created = geometry, self._take_id("asset"), self.now()
        return json_response(201, {"asset_id": project.asset_id})

    # --- scenarios and activities ----------------------------------------------------------------------------
    def _list_scenarios(self, request: Request, account: _User, project: _Project) -> Response:
        with self._lock:
            found = [self._scenarios[s] for s in project.scenario_ids]
            listed = [{"scenario_id": s.scenario_id, "activity_id": s.activity_id, "type": s.scenario_type,
                       "creation_date": _iso(s.created), "state": self._activity_json(s)["state"], **s.body}
                      for s in found]
        return json_response(200, listed)

    def _create_scenario(self, request: Request, account: _User, project: _Project, scenario_type: str) -> Response:
        if scenario_type != "extraction-mono":
            return _detail(404, f"Unknown scenario type '{scenario_type}'")
        try:
            body = request.json()
        except ValueError as exc:
            return _detail(400, str(exc))
        formats, problem = parse_scenario(body)
        if problem:
            return _detail(400, problem)
        with self._lock:
            if project.aoi is None:
                return _detail(400, f"Project {project.project_id} has no AOI: create one first")
            area = area_km2(project.aoi)
            cost = max(1, math.ceil(area * self.credits_per_km2))
            if account.credits < cost:
                return _detail(402, f"Not enough credits: this scenario costs {cost}, the balance is "
                                    f"{account.credits}")
            account.credits -= cost
            fails = (self.fail_when(body) if callable(self.fail_when)
                     else bool(self.fail_when) and self.fail_when.lower() in body["name"].lower())
            sc = _Scenario(self._take_id("scenario"), self._take_id("activity"), project.project_id, account.id,
                           scenario_type, body, formats, project.aoi, area, cost, self.now(), fails)
            self._scenarios[sc.scenario_id] = sc
            project.scenario_ids.append(sc.scenario_id)
        return json_response(201, {"scenario_id": sc.scenario_id, "activity_id": sc.activity_id})

    def _activity(self, request: Request, account: _User, project: _Project, activity: str) -> Response:
        with self._lock:
            found = [s for s in self._scenarios.values()
                     if s.activity_id == int(activity) and s.project_id == project.project_id]
        if not found:
            return _detail(404, f"Activity {activity} not found")
        return json_response(200, self._activity_json(found[0]))

    def _activity_json(self, sc: _Scenario) -> dict:
        total = self.run_seconds
        pending_at, running_at = 0.05 * total, 0.15 * total
        end_at = running_at + 0.5 * (total - running_at) if sc.fails else total
        elapsed = self.now() - sc.created
        start_date = end_date = None
        details, progress = "", 0.0
        if elapsed >= end_at:
            state = "FAILED" if sc.fails else "SUCCESSFUL"
            progress = 50.0 if sc.fails else 100.0
            start_date, end_date = sc.created + running_at, sc.created + end_at
            if sc.fails:
                details = ("Extraction failed: the basemap has no usable imagery over the AOI "
                           "(emulated failure).")
        elif elapsed >= running_at:
            state, start_date = "RUNNING", sc.created + running_at
            progress = min(99.9, round(100.0 * (elapsed - running_at) / (total - running_at), 1))
        else:
            state = "PENDING" if elapsed >= pending_at else "CREATED"
        return {"project_id": sc.project_id, "user_id": sc.user_id, "type": "SCENARIO-EXECUTION",
                "progress": progress, "state": state, "creation_date": _iso(sc.created),
                "start_date": _iso(start_date), "end_date": _iso(end_date), "details": details, "misc": {},
                "scenario_id": sc.scenario_id, "activity_id": sc.activity_id, "id": sc.activity_id}

    # --- results ---------------------------------------------------------------------------------------------
    def _download_urls(self, request: Request, account: _User, project: _Project, scenario: str) -> Response:
        sc = self._scenarios.get(int(scenario))
        if sc is None or sc.project_id != project.project_id:
            return _detail(404, f"Scenario {scenario} not found")
        state = self._activity_json(sc)["state"]
        if state == "FAILED":
            return _detail(409, f"Scenario {sc.scenario_id} FAILED: it has no results to download")
        if state != "SUCCESSFUL":
            return _detail(409, f"Scenario {sc.scenario_id} is {state}: results exist once it is SUCCESSFUL")
        options = {"output_crs": sc.body["output_crs"], **sc.formats}
        tree = self.results.listing(sc.scenario_id, sc.aoi, sc.area_km2, options, self.url,
                                    request.arg("continuation_token"))
        if tree is None:
            return _detail(400, "Invalid continuation token")
        return json_response(200, tree)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the BEOD emulator in the foreground.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--run-seconds", type=float, default=10.0)
    args = parser.parse_args()
    with BeodEmulator(port=args.port, run_seconds=args.run_seconds) as emulator:
        print(f"BEOD emulator at {emulator.url}  user: {DEMO_EMAIL}  password: {DEMO_PASSWORD}  (Ctrl-C stops)")
        emulator.wait_for_ctrl_c()


if __name__ == "__main__":
    main()
