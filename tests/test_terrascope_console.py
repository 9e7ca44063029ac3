"""Terrascope from the QGIS Python console, as a user scripts it, against the emulator: sign in, collections, count,
search, download as a background job, layers grouped per product; and the failures a script meets."""

import os

import pytest
from qgis.core import QgsProject

from eo_connector import api
from eo_connector.core.aoi import aoi_from_bbox
from eo_connector.core.errors import AuthenticationError
from eo_connector.providers.terrascope.client import SearchRefused, TooManyResults
from tests.emulators.terrascope import DEMO_BBOX, DEMO_PASSWORD, DEMO_USER, S2_TOC


@pytest.fixture
def console(memory_keyring, terrascope_emulator_factory, fresh_services, tmp_path):
    """Fresh services as in a new QGIS session, and a Terrascope emulator with a small S2 collection."""
    emulator = terrascope_emulator_factory(products={S2_TOC: 240})
    ini = tmp_path / "emulator.ini"
    emulator.write_ini(ini)
    emulator.ini = str(ini)
    yield emulator


def demo_aoi():
    return aoi_from_bbox(*DEMO_BBOX, "demo box")


def test_console_search_download_and_layers_per_product(console, memory_keyring, tmp_path):
    connection = api.add_terrascope_connection("ts", DEMO_USER, DEMO_PASSWORD, config_file=console.ini)
    assert connection.url == console.catalogue_url
    # Only the refresh token is kept, in the keyring; never the password.
    stored = " ".join(str(v) for v in memory_keyring.passwords.values())
    assert "refresh_token" in stored and DEMO_PASSWORD not in stored

    catalogue = api.terrascope()
    titles = [c.title for c in catalogue.get_collections()]
    assert len(titles) >= 3 and all(titles)
    filters = dict(geometry=demo_aoi(), start="2022-01-01", end="2022-12-31", cloudCover=60)
    count = catalogue.get_product_count(S2_TOC, **filters)
    assert count == console.count(S2_TOC, geometry=demo_aoi().wkt(), start="2022-01-01", end="2022-12-31",
                                  cloudCover="60]")
    products = list(catalogue.get_products(S2_TOC, limit=3, **filters))
    assert len(products) == 3
    assert all(p.properties["cloud_cover"] <= 60 for p in products)

    target = tmp_path / "s2"
    job = catalogue.download_products(products, str(target), file_types="data")
    layers = job.wait(timeout=60)
    assert job.state == "succeeded"
    # terracatalogueclient's layout: <folder>/<product id after the last ':'>/<file>, sizes as advertised.
    for product in products:
        folder = target / product.properties["short_id"]
        data = [a for a in product.assets.values() if "data" in a.roles]
        assert sorted(os.listdir(folder)) == sorted(a.path for a in data)
        assert all(os.path.getsize(folder / a.path) == a.size for a in data)
    assert len(layers) == sum(1 for p in products for a in p.assets.values() if "data" in a.roles)
    assert all(layer.isValid() for layer in layers)
    group = QgsProject.instance().layerTreeRoot().findGroup(job.record.title)
    assert sorted(g.name() for g in group.children()) == sorted(p.properties["short_id"] for p in products)
    # HEAD then GET for each file, as the real client does, with the bearer token.
    heads, gets = console.downloads("HEAD"), console.downloads("GET")
    assert len(heads) == len(gets) == len(layers)
    assert all(r.header("authorization", "").startswith("Bearer ") for r in heads + gets)


def test_token_expiring_during_a_long_download_is_renewed_silently(console, tmp_path):
    api.add_terrascope_connection("ts", DEMO_USER, DEMO_PASSWORD, config_file=console.ini)
    catalogue = api.terrascope("ts")
    products = list(catalogue.get_products(S2_TOC, bbox=demo_aoi(), limit=6))
    handle, seen = console.handle, []

    def handle_and_age(request):
        # After the first file's HEAD and GET, every access token handed out so far has expired.
        if request.path.startswith("/download/"):
            seen.append(request.method)
            if len(seen) == 3:
                console.advance(301)
        return handle(request)

    console.handle = handle_and_age
    job = catalogue.download_products(products, str(tmp_path / "long"), file_types=("data", "related"))
    job.wait(timeout=60)
    assert job.state == "succeeded"
    refreshes = [r for r in console.recorded("/token$", "POST") if b"grant_type=refresh_token" in r.body]
    assert refreshes, "the expired access token was not renewed with the refresh token"
    files = [f for f in job.record.outputs]
    planned = [a for p in products for a in p.assets.values() if {"data", "related"} & set(a.roles)]
    assert len(files) == len(planned) and all(os.path.getsize(f) > 0 for f in files)


def test_console_failures_are_sentences(console):
    with pytest.raises(AuthenticationError, match="(?i)wrong username or password"):
        api.add_terrascope_connection("bad", DEMO_USER, "wrong", config_file=console.ini)
    assert api.connections() == []  # a failed sign-in saves nothing

    api.add_terrascope_connection("ts", DEMO_USER, DEMO_PASSWORD, config_file=console.ini)
    catalogue = api.terrascope()
    with pytest.raises(SearchRefused) as refused:
        list(catalogue.get_products(S2_TOC, orbitDirection="SIDEWAYS"))
    assert str(refused.value).startswith("orbitDirection - ")
    with pytest.raises(SearchRefused, match="^colour - "):
        catalogue.get_product_count(S2_TOC, colour="blue")


def test_too_many_results_are_refused_before_any_product_is_fetched(console, terrascope_emulator_factory,
                                                                    tmp_path):
    huge = terrascope_emulator_factory(products={S2_TOC: 150_000})
    ini = tmp_path / "huge.ini"
    huge.write_ini(ini)
    api.add_terrascope_connection("huge", DEMO_USER, DEMO_PASSWORD, config_file=str(ini))
    with pytest.raises(TooManyResults, match="narrow"):
        next(iter(api.terrascope("huge").get_products(S2_TOC)))
    searches = huge.recorded("/products$", "GET")
    assert [r.query.get("count") for r in searches] == [["0"]]  # the count only: no page of products
