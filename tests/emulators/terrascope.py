"""Terrascope catalogue test emulator: OpenSearch (products, collections) + Keycloak (OIDC) + downloads + WMS,
strict to /work/shared/protocols/terrascope.md and to what terracatalogueclient 0.1.19 sends.

    with TerrascopeEmulator(token_ttl=300) as emu:
        emu.write_ini(tmp_path / "emulator.ini")       # for CatalogueConfig.from_file / our config_from_file
        requests.get(emu.catalogue_url + "products", params={"collection": S2_TOC, "bbox": "7,43.6,7.06,43.66"})

Constructor options (all keyword):
  users           username -> password ({DEMO_USER: DEMO_PASSWORD} = {"analyst": "correct horse"})
  token_ttl       access token lifetime in seconds, also `expires_in` (300)
  refresh_ttl     refresh token lifetime (1800); code_ttl: authorization code lifetime (60)
  page_size       default `count` of a search page (100); max_count: largest `count` accepted (10000)
  max_results     navigable depth of a result list (100000): pages past it are refused, links capped
  products        products per collection: None (defaults: S2 TOC 12000, S2 NDVI 2400, S1 GAMMA0 3000,
                  CGLS NDVI300 360), an int for every collection, or {collection id: count} (others keep the
                  default). Half of them (even indices) lie over the demo AOI: see terrascope_catalogue.py.
  browser_user    who the authorization endpoint signs in at once (DEMO_USER); None -> a login page whose form
                  posts username/password; browser_denies=True -> redirect with error=access_denied
  client_id       the realm's public client ("terracatalogueclient"); client_secret ("" = public client)
  faults          a FaultInjector (tests/emulators/faults.py), port (0 = the OS picks)

Endpoints: {catalogue_url}collections, {catalogue_url}products (no token needed; a bad or expired bearer token
-> 401), {catalogue_url}description.geojson, the realm's token / auth / login-actions endpoints and
.well-known/openid-configuration, /download/<collection short name>/<title>/<file> (HEAD, GET, Range; valid
bearer token required, else 401), /wms (GetCapabilities, GetMap). Search rules: terrascope_query.py; answers and
paging: terrascope_opensearch.py; auth: terrascope_auth.py; files and WMS: terrascope_files.py.
Test controls: `advance(seconds)` moves the clock (`now()`): tokens and codes age; `expire_tokens()`,
`end_sessions()`, `issue_tokens(user)` (a token response without a request), `count(collection, **wire_params)`,
`product_ids(...)`, `product(collection, index)` (a feature as searches answer it), `downloads()` (recorded
download requests), `write_ini(path)`, plus `faults`, `recorded()` and `errors` from EmulatorServer.
Collection ids: S2_TOC, S2_NDVI, S1_GAMMA0, CGLS_NDVI; DEMO_BBOX is the demo/benchmark AOI (west,south,east,north).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.emulators.faults import EmulatorServer, FaultInjector, Request, Response, json_response
from tests.emulators.terrascope_auth import AUTH_PATH, LOGIN_PATH, REALM_PATH, TOKEN_PATH, Realm
from tests.emulators.terrascope_catalogue import COLLECTIONS, DEMO_BBOX, Catalogue  # noqa: F401 (re-export)
from tests.emulators.terrascope_files import ProductFiles, WmsService, serve
from tests.emulators.terrascope_opensearch import (
    Page,
    check_depth,
    collection_feature,
    envelope,
    exception_report,
    product_feature,
)
from tests.emulators.terrascope_query import (
    PRODUCT_PARAMETERS,
    SearchError,
    SearchRefused,
    parse_collections,
    parse_products,
)

DEMO_USER, DEMO_PASSWORD = "analyst", "correct horse"
S2_TOC = "urn:eop:VITO:TERRASCOPE_S2_TOC_V2"
S2_NDVI = "urn:eop:VITO:TERRASCOPE_S2_NDVI_V2"
S1_GAMMA0 = "urn:eop:VITO:TERRASCOPE_S1_GAMMA0_V1"
CGLS_NDVI = "urn:eop:VITO:CGLS_NDVI300_V2_GLOBAL"
_JSON_TYPES = ("application/json", "application/geo+json", "application/*", "*/*")


class TerrascopeEmulator(EmulatorServer):
    def __init__(self, *, users: dict[str, str] | None = None, token_ttl: float = 300, refresh_ttl: float = 1800,
                 code_ttl: float = 60, page_size: int = 100, max_count: int = 10000, max_results: int = 100_000,
                 products: None | int | dict[str, int] = None, browser_user: str | None = DEMO_USER,
                 browser_denies: bool = False, client_id: str = "terracatalogueclient", client_secret: str = "",
                 faults: FaultInjector | None = None, port: int = 0) -> None:
        super().__init__(faults=faults, port=port)
        if not 0 < page_size <= max_count:
            raise ValueError("page_size must be between 1 and max_count")
        self.page_size, self.max_count, self.max_results = page_size, max_count, max_results
        self._offset = 0.0
        self.catalogue = Catalogue(products)
        self.realm = Realm(issuer=lambda: self.url + REALM_PATH, clock=self.now,
                           users=users or {DEMO_USER: DEMO_PASSWORD}, client_id=client_id,
                           client_secret=client_secret, token_ttl=token_ttl, refresh_ttl=refresh_ttl,
                           code_ttl=code_ttl, browser_user=browser_user, browser_denies=browser_denies)
        self._workdir = Path(tempfile.mkdtemp(prefix="terrascope-emulator-"))
        self.files = ProductFiles(self._workdir)
        self.wms = WmsService(list(self.catalogue.specs.values()))
        add = self.router.add
        add("GET", "/catalogue/collections", self._collections)
        add("GET", "/catalogue/products", self._products)
        add("GET", "/catalogue/description.geojson", self._description)
        add("POST", TOKEN_PATH, self.realm.token_endpoint)
        add("GET", AUTH_PATH, self.realm.authorization_endpoint)
        add("POST", LOGIN_PATH, self.realm.login_action)
        add("GET", REALM_PATH + "/.well-known/openid-configuration", self._openid_configuration)
        add("GET", r"/download/(?P<short>[^/]+)/(?P<title>[^/]+)/(?P<name>[^/]+)", self._download)
        add("HEAD", r"/download/(?P<short>[^/]+)/(?P<title>[^/]+)/(?P<name>[^/]+)", self._download)
        add("GET", "/wms", lambda request: self.wms.handle(request, self.url))
        add("HEAD", "/wms", lambda request: self.wms.handle(request, self.url))  # the real client HEADs previews

    # --- addresses -------------------------------------------------------------------------------------------
    @property
    def catalogue_url(self) -> str:
        return self.url + "/catalogue/"

    @property
    def token_endpoint(self) -> str:
        return self.url + TOKEN_PATH

    @property
    def authorization_endpoint(self) -> str:
        return self.url + AUTH_PATH

    def write_ini(self, path, *, chunk_size: int = 2097152, interactive: bool = True,
                  non_interactive: bool = True) -> Path:
        """A terracatalogueclient-style configuration file pointing at this emulator."""
        path = Path(path)
        path.write_text(
            f"[Catalogue]\nURL = {self.catalogue_url}\n\n"
            f"[Auth]\nClientId = {self.realm.client_id}\nClientSecret = {self.realm.client_secret}\n"
            f"TokenEndpoint = {self.token_endpoint}\nAuthorizationEndpoint = {self.authorization_endpoint}\n"
            f"InteractiveSupported = {interactive}\nNonInteractiveSupported = {non_interactive}\n\n"
            f"[HTTP]\nChunkSize = {chunk_size}\n", encoding="utf-8")
        return path

    # --- test controls ---------------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward: tokens and authorization codes age."""
        self._offset += seconds

    def expire_tokens(self) -> None:
        """Every access token issued so far is expired (refresh tokens still work)."""
        self.realm.expire_tokens()

    def end_sessions(self) -> None:
        """Every token issued so far, refresh tokens included, is refused (as after a sign-out)."""
        self.realm.end_sessions()

    def issue_tokens(self, username: str = DEMO_USER) -> dict:
        """A token response as the token endpoint gives, without a request (for tests of later steps)."""
        return self.realm.issue(username)

    def count(self, collection: str, **params: Any) -> int:
        """totalResults of a products query given with wire values (e.g. bbox="7,43.6,7.06,43.66")."""
        return len(self._match(collection, params))

    def product(self, collection: str, index: int) -> dict:
        """The feature of product `index` of a collection, as a search answers it."""
        return product_feature(self.catalogue.table(collection), index, self.url)

    def product_ids(self, collection: str, **params: Any) -> list[str]:
        """Ids of every product a query matches, in answer order (fine for a few thousand)."""
        table = self.catalogue.table(collection)
        return [f"{collection}:{table.title(int(i))}" for i in self._match(collection, params)]

    def downloads(self, method: str | None = None) -> list[Request]:
        return self.recorded("^/download/", method)

    def on_stop(self) -> None:
        shutil.rmtree(self._workdir, ignore_errors=True)

    def _match(self, collection: str, params: dict[str, Any]):
        pairs = [("collection", collection)] + [(k, str(v)) for k, v in params.items()]
        query = parse_products(pairs, max_count=self.max_count, known=self.catalogue.specs.__contains__)
        return self.catalogue.matching(query)

    # --- search ----------------------------------------------------------------------------------------------
    def _search_refusal(self, request: Request) -> Response | None:
        """A bearer token is optional on search, but a bad or expired one is refused; so is a non-JSON Accept."""
        scheme, _, token = (request.header("authorization") or "").partition(" ")
        if scheme.lower() == "bearer":
            user, why = self.realm.bearer_user(token.strip())
            if user is None:
                return exception_report(SearchRefused([SearchError("NoApplicableCode", "Authorization", why)], 401),
                                        {"WWW-Authenticate": 'Bearer realm="terrascope", error="invalid_token"'})
        accept = [part.split(";")[0].strip().lower() for part in (request.header("accept") or "*/*").split(",")]
        if not any(kind in _JSON_TYPES for kind in accept):
            return exception_report(SearchRefused([SearchError(
                "InvalidParameterValue", "Accept", "Only application/json and application/geo+json are served")],
                406))
        return None

    def _pairs(self, request: Request) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(request.target).query, keep_blank_values=True)

    def _products(self, request: Request) -> Response:
        refusal = self._search_refusal(request)
        if refusal is not None:
            return refusal
        pairs = self._pairs(request)
        try:
            query = parse_products(pairs, max_count=self.max_count, known=self.catalogue.specs.__contains__)
            count = self.page_size if query.count is None else query.count
            check_depth(query.start_index, count, self.max_results)
        except SearchRefused as refused:
            return exception_report(refused)
        indices = self.catalogue.matching(query)
        table = self.catalogue.table(query.collection)
        page = Page(len(indices), query.start_index, count, self.max_results)
        features = [product_feature(table, i, self.url, query.accessed_from) for i in indices[page.offset:page.stop]]
        body = envelope(self.url + request.target, self.url + request.path, pairs, page, features,
                        "Product Search result")
        return json_response(200, body, {"Content-Type": "application/geo+json;charset=UTF-8"})

    def _collections(self, request: Request) -> Response:
        refusal = self._search_refusal(request)
        if refusal is not None:
            return refusal
        pairs = self._pairs(request)
        try:
            query = parse_collections(pairs, max_count=self.max_count)
            count = self.page_size if query.count is None else query.count
            check_depth(query.start_index, count, self.max_results)
        except SearchRefused as refused:
            return exception_report(refused)
        found = self.catalogue.collections(query)
        page = Page(len(found), query.start_index, count, self.max_results)
        features = [collection_feature(spec, self.catalogue.coverage(spec), self.url, self.catalogue.counts[spec.id])
                    for spec in found[page.offset:page.stop]]
        body = envelope(self.url + request.target, self.url + request.path, pairs, page, features,
                        "Collection Search result")
        return json_response(200, body, {"Content-Type": "application/geo+json;charset=UTF-8"})

    def _description(self, request: Request) -> Response:
        parameters = [{"name": name, "value": "{" + name + "}"} for name in PRODUCT_PARAMETERS]
        return json_response(200, {"type": "OpenSearchDescription", "shortName": "Terrascope (emulator)",
                                   "template": self.catalogue_url + "products", "parameters": parameters})

    def _openid_configuration(self, request: Request) -> Response:
        issuer = self.url + REALM_PATH
        return json_response(200, {
            "issuer": issuer, "authorization_endpoint": self.authorization_endpoint,
            "token_endpoint": self.token_endpoint, "grant_types_supported":
                ["authorization_code", "password", "refresh_token"],
            "response_types_supported": ["code"], "code_challenge_methods_supported": ["S256"]})

    # --- downloads -------------------------------------------------------------------------------------------
    def _download(self, request: Request, short: str, title: str, name: str) -> Response:
        scheme, _, token = (request.header("authorization") or "").partition(" ")
        if scheme.lower() != "bearer":
            return json_response(401, {"error": "unauthorized", "error_description": "Sign in to download"},
                                 {"WWW-Authenticate": 'Bearer realm="terrascope"'})
        user, why = self.realm.bearer_user(token.strip())
        if user is None:
            return json_response(401, {"error": "invalid_token", "error_description": why},
                                 {"WWW-Authenticate": 'Bearer realm="terrascope", error="invalid_token"'})
        spec = self.catalogue.spec_by_short(short)
        table = self.catalogue.table(spec.id) if spec else None
        index = table.index_of(title) if table else None
        found = self.files.find(table, index, name) if index is not None else None
        if found is None:
            return json_response(404, {"error": "not_found", "error_description": f"No such file: {name}"})
        file, number = found
        path = self.files.path(table, index, file, number)
        return serve(request, path, file.media_type, self.files.etag(path))


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the Terrascope emulator in the foreground.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--token-ttl", type=float, default=300)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument("--s2-products", type=int, default=None,
                        help="products in the Sentinel-2 TOC collection (half of them over DEMO_BBOX)")
    args = parser.parse_args()
    products = {S2_TOC: args.s2_products} if args.s2_products else None
    emulator = TerrascopeEmulator(port=args.port, token_ttl=args.token_ttl, products=products)
    emulator.faults.latency(args.latency)
    with emulator:
        ini = emulator.write_ini(Path(tempfile.gettempdir()) / f"terrascope-emulator-{args.port}.ini")
        print(f"Terrascope emulator at {emulator.catalogue_url}  user: {DEMO_USER}  password: {DEMO_PASSWORD}\n"
              f"terracatalogueclient configuration: {ini}  (Ctrl-C stops)", flush=True)
        emulator.wait_for_ctrl_c()


if __name__ == "__main__":
    main()
