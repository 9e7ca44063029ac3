"""Contract: the REAL terracatalogueclient 0.1.19 (with requests-auth) against our Terrascope emulator.

If the library can count, page, filter, sign in and download against the emulator, and the emulator saw exactly
the requests protocols/terrascope.md describes, the emulator speaks the real protocol.
"""

import datetime as dt
import os
import socket
import threading
from pathlib import Path
from unittest import mock

import pytest
import requests
from osgeo import gdal
from requests_auth.authentication import OAuth2
from requests_auth.errors import InvalidGrantRequest
from shapely.geometry import box
from terracatalogueclient import Catalogue, ProductFileType
from terracatalogueclient.config import CatalogueConfig
from terracatalogueclient.exceptions import ProductDownloadException, SearchException, TooManyResultsException

from tests.emulators.terrascope import CGLS_NDVI, DEMO_BBOX, DEMO_PASSWORD, DEMO_USER, S1_GAMMA0, S2_NDVI, S2_TOC

AOI = list(DEMO_BBOX)


@pytest.fixture(autouse=True)
def fresh_token_cache():
    """requests-auth keeps tokens in a process-wide cache: no test may see another's."""
    OAuth2.token_cache.clear()
    yield
    OAuth2.token_cache.clear()


def catalogue_for(emu, tmp_path):
    return Catalogue(CatalogueConfig.from_file(str(emu.write_ini(tmp_path / "emulator.ini"))))


@pytest.fixture
def catalogue(terrascope_emulator, tmp_path):
    return catalogue_for(terrascope_emulator, tmp_path)


def sent(emu, path="/catalogue/products"):
    """The query parameters of every search request, as the emulator received them."""
    return [{k: v[0] for k, v in r.query.items()} for r in emu.recorded(f"^{path}$")]


def test_configuration_from_our_ini(terrascope_emulator, catalogue):
    config = catalogue.config
    assert config.catalogue_url == terrascope_emulator.catalogue_url
    assert config.oidc_token_endpoint == terrascope_emulator.token_endpoint
    assert config.oidc_authorization_endpoint == terrascope_emulator.authorization_endpoint
    assert (config.oidc_client_id, config.oidc_client_secret) == ("terracatalogueclient", "")


def test_collections(terrascope_emulator, catalogue):
    collections = list(catalogue.get_collections())
    assert [c.id for c in collections] == [S2_TOC, S2_NDVI, S1_GAMMA0, CGLS_NDVI]
    assert all(c.geometry.is_valid and len(c.bbox) == 4 and c.properties["title"] for c in collections)
    found = catalogue.get_collections(platform="Sentinel-2", bbox=AOI, start=dt.date(2016, 1, 1))
    assert [c.id for c in found] == [S2_TOC, S2_NDVI]
    assert sent(terrascope_emulator, "/catalogue/collections")[-1] == {
        "platform": "Sentinel-2", "bbox": "7.0,43.6,7.06,43.66", "start": "2016-01-01"}


def test_product_count_sends_count_zero(terrascope_emulator, catalogue):
    assert catalogue.get_product_count(S2_TOC, bbox=AOI) == 6000
    assert terrascope_emulator.count(S2_TOC, bbox="7,43.6,7.06,43.66") == 6000
    assert catalogue.get_product_count(S2_TOC, geometry=box(*DEMO_BBOX), cloudCover=(None, 30)) == \
        terrascope_emulator.count(S2_TOC, geometry=box(*DEMO_BBOX).wkt, cloudCover="30]")
    first, second = sent(terrascope_emulator)
    assert first == {"collection": S2_TOC, "bbox": "7.0,43.6,7.06,43.66", "count": "0"}
    assert second["cloudCover"] == "30]" and second["geometry"].startswith("POLYGON ((7.06 43.6")


def test_get_products_follows_every_page(terrascope_emulator_factory, tmp_path):
    emu = terrascope_emulator_factory(products={S2_TOC: 10_000})
    products = list(catalogue_for(emu, tmp_path).get_products(S2_TOC, geometry=box(*DEMO_BBOX)))
    assert len(products) == len({p.id for p in products}) == 5000
    pages = sent(emu)
    assert len(pages) == 50 and "startIndex" not in pages[0] and "count" not in pages[0]
    assert [int(p["startIndex"]) for p in pages[1:]] == list(range(101, 5000, 100))
    assert all(p["geometry"] == pages[0]["geometry"] for p in pages)
    starts = [p.beginningDateTime for p in products]
    assert starts == sorted(starts) and isinstance(starts[0], dt.datetime)
    product = products[0]
    assert product.title == product.id.rsplit(":", 1)[1] and product.geometry.contains(box(*DEMO_BBOX))
    assert [len(product.data), len(product.related), len(product.previews), len(product.alternates)] == [2, 1, 2, 1]
    assert product.related[0].category == "QUALITY" and product.previews[1].title == "WMS"
    assert product.previews[1].length is None and all(f.length > 0 for f in product.data)


def test_every_filter_goes_on_the_wire_and_is_honoured(terrascope_emulator, catalogue):
    filters = dict(
        start=dt.date(2016, 1, 1), end=dt.datetime(2023, 12, 31, 23, 59, 59),
        bbox={"west": 6.9, "south": 43.5, "east": 7.1, "north": 43.7},
        geometry=box(*DEMO_BBOX), productType="TOC", relativeOrbitNumber=108, orbitDirection="DESCENDING",
        cloudCover=(None, 50), tileId="32TLP", publicationDate=(dt.date(2016, 1, 1), None),
        modificationDate=(None, dt.datetime(2024, 6, 30)), accessedFrom="HTTP", sortKeys="title")
    products = list(catalogue.get_products(S2_TOC, limit=7, **filters))
    wire = sent(terrascope_emulator)[0]
    assert wire == {
        "collection": S2_TOC, "start": "2016-01-01", "end": "2023-12-31T23:59:59Z", "bbox": "6.9,43.5,7.1,43.7",
        "geometry": "POLYGON ((7.06 43.6, 7.06 43.66, 7 43.66, 7 43.6, 7.06 43.6))", "productType": "TOC",
        "relativeOrbitNumber": "108", "orbitDirection": "DESCENDING", "cloudCover": "50]", "tileId": "32TLP",
        "publicationDate": "[2016-01-01", "modificationDate": "2024-06-30T00:00:00Z]", "accessedFrom": "HTTP",
        "sortKeys": "title"}
    assert "limit" not in wire
    expected = terrascope_emulator.product_ids(S2_TOC, **{k: v for k, v in wire.items() if k != "collection"})
    assert len(products) == 7 and [p.id for p in products] == expected[:7]
    for product in products:
        parameters = product.properties["acquisitionInformation"][0]["acquisitionParameters"]
        assert parameters["relativeOrbitNumber"] == 108 and parameters["tileId"] == "32TLP"
        assert product.properties["productInformation"]["cloudCover"] <= 50
        assert dt.datetime(2016, 1, 1) <= product.beginningDateTime <= dt.datetime(2023, 12, 31, 23, 59, 59)
    group = products[0].properties["productInformation"]["productGroupId"]
    grouped = list(catalogue.get_products(S2_TOC, productGroupId=group, title=products[0].title))
    assert [p.id for p in grouped] == [products[0].id]
    assert catalogue.get_product_count(S2_TOC, cloudCover=(10, 20)) == \
        terrascope_emulator.count(S2_TOC, cloudCover="[10,20]")
    assert sent(terrascope_emulator)[-1]["cloudCover"] == "[10,20]"
    assert catalogue.get_product_count(S2_TOC, cloudCover=25) == terrascope_emulator.count(S2_TOC, cloudCover="25]")


def test_too_many_results_past_the_depth_cap(terrascope_emulator_factory, tmp_path):
    emu = terrascope_emulator_factory(products={S2_TOC: 250_000})
    catalogue = catalogue_for(emu, tmp_path)
    assert catalogue.get_product_count(S2_TOC, geometry=box(*DEMO_BBOX)) == 125_000
    with pytest.raises(TooManyResultsException, match="Too many results: 125000 found"):
        next(iter(catalogue.get_products(S2_TOC, geometry=box(*DEMO_BBOX))))
    with pytest.raises(TooManyResultsException):
        next(iter(catalogue.get_products(S2_TOC, limit=100_001)))
    assert next(iter(catalogue.get_products(S2_TOC, limit=100_000))).id  # exactly the navigable depth: allowed


def test_server_refusals_become_search_exceptions(catalogue):
    with pytest.raises(SearchException) as refused:
        next(iter(catalogue.get_products(S2_TOC, orbitDirection="SIDEWAYS")))
    assert str(refused.value).startswith("orbitDirection - Invalid value for 'orbitDirection': 'SIDEWAYS'")
    with pytest.raises(SearchException) as unknown:
        catalogue.get_product_count(S2_TOC, colour="blue")
    assert str(unknown.value) == "colour - Unknown parameter 'colour'"
    assert unknown.value.response.status_code == 400


def test_password_sign_in_and_download(terrascope_emulator, catalogue, tmp_path):
    emu = terrascope_emulator
    catalogue.authenticate_non_interactive(DEMO_USER, DEMO_PASSWORD)
    products = list(catalogue.get_products(S2_TOC, bbox=AOI, start="2020-01-01", limit=2))
    target = tmp_path / "downloads"
    catalogue.download_products(products, str(target), force=True)
    (token_request,) = emu.recorded("/token$", "POST")
    assert dict(p.split("=") for p in token_request.body.decode().split("&")) == {
        "grant_type": "password", "username": DEMO_USER, "password": "correct+horse",
        "client_id": "terracatalogueclient", "client_secret": ""}
    assert token_request.header("authorization") is None  # terracatalogueclient drops requests-auth's Basic header
    for product in products:
        folder = target / product.id.rsplit(":", 1)[1]
        for file in product.data + product.related + product.previews + product.alternates:
            written = folder / os.path.basename(file.href)
            assert written.is_file()
            if file.length is not None:
                assert written.stat().st_size == file.length
        # the real client also "downloads" the WMS link, to a file named after the end of its query string
        assert (folder / os.path.basename(product.previews[1].href)).stat().st_size > 0
        raster = gdal.Open(str(folder / os.path.basename(product.data[0].href)))
        assert raster is not None and raster.RasterXSize == 64
    downloads = emu.downloads()
    assert [r.method for r in downloads[:2]] == ["HEAD", "GET"]
    assert all(r.header("authorization", "").startswith("Bearer ") for r in downloads)
    assert all(r.header("authorization", "").startswith("Bearer ") for r in emu.recorded("^/catalogue/products$"))


def test_download_without_sign_in_is_refused(terrascope_emulator, catalogue, tmp_path):
    product = next(iter(catalogue.get_products(S2_TOC, bbox=AOI)))
    with pytest.raises(ProductDownloadException, match="not authorized"):
        catalogue.download_product(product, str(tmp_path))
    assert [r.method for r in terrascope_emulator.downloads()] == ["HEAD"]
    assert not any(Path(tmp_path).rglob("*.tif"))


def test_wrong_password_is_refused_by_the_token_endpoint(catalogue):
    catalogue.authenticate_non_interactive(DEMO_USER, "wrong")
    with pytest.raises(InvalidGrantRequest, match="invalid_grant"):
        catalogue.get_product_count(S2_TOC)


def test_short_lived_tokens_are_refreshed_with_the_refresh_grant(terrascope_emulator_factory, tmp_path):
    # requests-auth treats a token as expired 30 s early: with a 30 s lifetime it refreshes before every request
    emu = terrascope_emulator_factory(token_ttl=30)
    catalogue = catalogue_for(emu, tmp_path)
    catalogue.authenticate_non_interactive(DEMO_USER, DEMO_PASSWORD)
    assert (catalogue.get_product_count(S2_TOC), catalogue.get_product_count(S2_NDVI)) == (12000, 2400)
    grants = [dict(p.split("=", 1) for p in r.body.decode().split("&"))["grant_type"]
              for r in emu.recorded("/token$", "POST")]
    assert grants == ["password", "refresh_token"]


def _port_5000_free():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as requests-auth's HTTPServer does
        try:
            probe.bind(("", 5000))
            return True
        except OSError:
            return False


class _FollowingBrowser:
    """Stands in for the system browser: opens the authorization URL and follows its redirect to localhost:5000."""

    def __init__(self):
        self.opened = []

    def open(self, url, new=0, autoraise=True):
        self.opened.append(url)
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10}, daemon=True).start()
        return True


@pytest.mark.skipif(not _port_5000_free(), reason="requests-auth needs localhost:5000 for the redirect")
def test_interactive_sign_in_with_pkce(terrascope_emulator, catalogue, tmp_path):
    browser = _FollowingBrowser()
    with mock.patch("webbrowser.get", return_value=browser):
        catalogue.authenticate()
        product = next(iter(catalogue.get_products(S2_TOC, bbox=AOI)))
    catalogue.download_product(product, str(tmp_path), ProductFileType.DATA)
    (url,) = browser.opened
    (authorization,) = terrascope_emulator.recorded("/openid-connect/auth$", "GET")
    assert {k: v[0] for k, v in authorization.query.items()}.keys() == {
        "client_id", "response_type", "state", "redirect_uri", "code_challenge", "code_challenge_method"}
    assert authorization.arg("redirect_uri") == "http://localhost:5000/"
    assert authorization.arg("code_challenge_method") == "S256"
    (token_request,) = terrascope_emulator.recorded("/token$", "POST")
    form = dict(p.split("=", 1) for p in token_request.body.decode().split("&"))
    assert form["grant_type"] == "authorization_code" and form["code_verifier"] and form["code"]
    for file in product.data:
        assert (tmp_path / product.title / os.path.basename(file.href)).stat().st_size == file.length
