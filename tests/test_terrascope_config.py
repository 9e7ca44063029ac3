"""Terrascope catalogue configuration (environments, .ini files) and the exact query encodings of
terracatalogueclient. No server needed."""

import datetime as dt

import pytest
from shapely.geometry import Point, box

from eo_connector.core.aoi import aoi_from_bbox
from eo_connector.core.errors import InvalidInput
from eo_connector.providers.terrascope import ENVIRONMENTS, PLATFORM
from eo_connector.providers.terrascope.client import encode_parameters
from eo_connector.providers.terrascope.config import CatalogueConfig, config_from_file, environment_config


# -- environments and files
def test_the_three_environments_of_terracatalogueclient():
    assert PLATFORM == "terrascope" and ENVIRONMENTS == ("terrascope", "hrvpp", "cgls")
    terrascope = environment_config("terrascope")
    assert terrascope.catalogue_url == "https://services.terrascope.be/catalogue/"
    assert terrascope.products_url == "https://services.terrascope.be/catalogue/products"
    assert terrascope.collections_url == "https://services.terrascope.be/catalogue/collections"
    assert terrascope.client_id == "terracatalogueclient" and terrascope.client_secret == ""
    assert terrascope.token_endpoint.endswith("/auth/realms/terrascope/protocol/openid-connect/token")
    assert terrascope.interactive_supported and terrascope.non_interactive_supported and terrascope.needs_sign_in
    assert terrascope.chunk_size == 2097152 and terrascope.name == "terrascope"

    hrvpp = environment_config("HRVPP")
    assert hrvpp.catalogue_url == "https://phenology.vgt.vito.be/"
    assert hrvpp.token_endpoint == "https://identity.prod.wekeo2.eu/oauth2/token"
    assert not hrvpp.interactive_supported and hrvpp.non_interactive_supported and hrvpp.needs_sign_in
    assert hrvpp.client_secret and hrvpp.client_secret not in repr(hrvpp)

    cgls = environment_config("cgls")
    assert cgls.catalogue_url == "https://globalland.vito.be/catalogue/"
    assert not cgls.needs_sign_in and cgls.token_endpoint == ""


def test_our_environments_match_the_ini_files_of_the_real_client():
    tcc_config = pytest.importorskip("terracatalogueclient.config")
    for name in ENVIRONMENTS:
        real = tcc_config.CatalogueConfig.from_environment(tcc_config.CatalogueEnvironment[name.upper()])
        ours = environment_config(name)
        assert (ours.catalogue_url, ours.client_id, ours.client_secret, ours.token_endpoint,
                ours.authorization_endpoint, ours.interactive_supported, ours.non_interactive_supported,
                ours.chunk_size) == (
            real.catalogue_url, real.oidc_client_id, real.oidc_client_secret, real.oidc_token_endpoint,
            real.oidc_authorization_endpoint, real.oidc_interactive_supported, real.oidc_non_interactive_supported,
            real.http_download_chunk_size)


def test_unknown_environment_is_refused_in_words():
    with pytest.raises(InvalidInput, match="Unknown Terrascope environment \"mars\""):
        environment_config("mars")


def test_a_file_overrides_the_terrascope_defaults_key_by_key(tmp_path):
    path = tmp_path / "local.ini"
    path.write_text("[Catalogue]\nURL = http://127.0.0.1:8080/catalogue\n\n[Auth]\n"
                    "TokenEndpoint = http://127.0.0.1:8080/token\nInteractiveSupported = false\n"
                    "[HTTP]\nChunkSize = 1024\n")
    config = config_from_file(str(path))
    assert config.catalogue_url == "http://127.0.0.1:8080/catalogue/"  # normalised with a trailing '/'
    assert config.products_url == "http://127.0.0.1:8080/catalogue/products"
    assert config.token_endpoint == "http://127.0.0.1:8080/token"
    assert config.authorization_endpoint.startswith("https://sso.terrascope.be/")  # default kept
    assert config.client_id == "terracatalogueclient"
    assert not config.interactive_supported and config.non_interactive_supported
    assert config.chunk_size == 1024 and config.name == "local.ini"


def test_a_file_matches_the_real_clients_reading(tmp_path):
    tcc_config = pytest.importorskip("terracatalogueclient.config")
    path = tmp_path / "override.ini"
    path.write_text("[Catalogue]\nURL = http://127.0.0.1:9/cat\n[Auth]\nClientId = other\n"
                    "AuthorizationEndpoint = http://127.0.0.1:9/auth\nNonInteractiveSupported = no\n")
    real = tcc_config.CatalogueConfig.from_file(str(path))
    ours = config_from_file(str(path))
    assert (ours.catalogue_url, ours.client_id, ours.authorization_endpoint, ours.non_interactive_supported) == (
        real.catalogue_url, real.oidc_client_id, real.oidc_authorization_endpoint, real.oidc_non_interactive_supported)


@pytest.mark.parametrize("content, words", [
    (None, "does not exist"),
    ("this is not an ini file\n", "is not a valid .ini file"),
    ("[Catalogue]\nURL = ftp://example.org/\n", "must be an http(s) address"),
    ("[Catalogue]\nURL =\n", "must be an http(s) address"),
    ("[Auth]\nInteractiveSupported = maybe\n", "must be True or False"),
    ("[HTTP]\nChunkSize = big\n", "must be a whole number"),
    ("[Auth]\nTokenEndpoint = sso.example.org/token\n", "TokenEndpoint must be an http(s) address"),
])
def test_a_bad_file_is_refused_with_a_sentence(tmp_path, content, words):
    path = tmp_path / "bad.ini"
    if content is not None:
        path.write_bytes(content.encode())
    with pytest.raises(InvalidInput) as caught:
        config_from_file(str(path))
    assert words in str(caught.value) and "bad.ini" in str(caught.value)


def test_a_dataclass_config_normalises_its_url():
    config = CatalogueConfig("http://host/cat//")
    assert config.catalogue_url == "http://host/cat/" and config.needs_sign_in is False


# -- encodings (protocols/terrascope.md D.3)
def test_dates_bbox_cloud_cover_as_the_real_client_sends_them():
    assert encode_parameters(start=dt.date(2021, 1, 1), end=dt.datetime(2021, 1, 31, 23, 59, 59),
                             bbox=[4, 50, 5, 51], cloudCover=60, tileId="31UFS") == {
        "start": "2021-01-01", "end": "2021-01-31T23:59:59Z", "bbox": "4,50,5,51", "cloudCover": "60]",
        "tileId": "31UFS"}


@pytest.mark.parametrize("value, sent", [
    (60, "60]"), (12.5, "12.5]"), (0, "0]"), ((1.0, 78), "[1.0,78]"), ((None, 60), "60]"), ((10, None), "[10"),
    ("[5,10[", "[5,10["),
])
def test_cloud_cover(value, sent):
    assert encode_parameters(cloudCover=value) == {"cloudCover": sent}


def test_an_interval_open_on_both_sides_filters_nothing_and_is_left_out():
    assert encode_parameters(cloudCover=(None, None), publicationDate=(None, None)) == {}


def test_publication_and_modification_date_intervals():
    assert encode_parameters(publicationDate=(dt.datetime(2021, 2, 20, 12, 34, 56), dt.date(2021, 3, 1)),
                             modificationDate=(None, "2021-05-01")) == {
        "publicationDate": "[2021-02-20T12:34:56Z,2021-03-01]", "modificationDate": "2021-05-01]"}
    assert encode_parameters(publicationDate="[2021-01-01") == {"publicationDate": "[2021-01-01"}


def test_aware_datetimes_are_sent_in_utc():
    paris = dt.timezone(dt.timedelta(hours=2))
    assert encode_parameters(start=dt.datetime(2021, 6, 1, 2, 0, 0, tzinfo=paris)) == {"start": "2021-06-01T00:00:00Z"}


def test_geometry_from_shapely_wkt_geojson_or_aoi():
    square = box(7.0, 43.6, 7.1, 43.7)
    assert encode_parameters(geometry=square)["geometry"] == "POLYGON ((7.1 43.6, 7.1 43.7, 7 43.7, 7 43.6, 7.1 43.6))"
    assert encode_parameters(geometry="POINT (7 43)") == {"geometry": "POINT (7 43)"}
    assert encode_parameters(geometry={"type": "Point", "coordinates": [7, 43]}) == {"geometry": "POINT (7 43)"}
    aoi = aoi_from_bbox(7.0, 43.6, 7.1, 43.7, "test")
    assert encode_parameters(geometry=aoi)["geometry"].startswith("POLYGON ((")
    # aoi= is a shortcut for geometry, unless a geometry or bbox is given
    assert encode_parameters(aoi=aoi)["geometry"] == encode_parameters(geometry=aoi.geometry)["geometry"]
    assert encode_parameters(aoi=aoi, bbox="1,2,3,4") == {"bbox": "1,2,3,4"}


def test_bbox_forms():
    assert encode_parameters(bbox={"west": 4.1, "south": 50, "east": 5.5, "north": 51}) == {"bbox": "4.1,50,5.5,51"}
    assert encode_parameters(bbox=(4.1, 50, 5.5, 51)) == {"bbox": "4.1,50,5.5,51"}
    assert encode_parameters(bbox="4,50,5,51") == {"bbox": "4,50,5,51"}


def test_none_dropped_limit_never_sent_extras_passed_through():
    assert encode_parameters(start=None, title=None, limit=5, resolution=20, sortKeys="title",
                             relativeOrbitNumber=37, orbitDirection="ASCENDING") == {
        "resolution": "20", "sortKeys": "title", "relativeOrbitNumber": "37", "orbitDirection": "ASCENDING"}


@pytest.mark.parametrize("filters, words", [
    ({"cloudCover": (1, 2, 3)}, "cloudCover"),
    ({"cloudCover": [object(), 3]}, "cloudCover"),
    ({"start": 2021}, "start"),
    ({"bbox": [1, 2, 3]}, "bbox"),
    ({"bbox": {"west": 1}}, "bbox"),
    ({"geometry": 42}, "geometry"),
    ({"publicationDate": ("2021-01-01",)}, "publicationDate"),
])
def test_bad_filter_values_are_refused_before_any_request(filters, words):
    with pytest.raises(InvalidInput, match=words):
        encode_parameters(**filters)


def test_encodings_equal_the_real_clients():
    client = pytest.importorskip("terracatalogueclient.client")
    cases = [
        dict(start=dt.date(2020, 5, 1), end=dt.datetime(2020, 5, 31, 12, 0, 1)),
        dict(bbox=[4.1, 50, 5.5, 51.25], cloudCover=(1.0, 78)),
        dict(bbox={"west": 1, "south": 2, "east": 3, "north": 4}, cloudCover=(None, 60.5)),
        dict(geometry=box(7.0, 43.6, 7.1, 43.7), cloudCover=(10, None)),
        dict(geometry=Point(7.05, 43.62).buffer(0.01), cloudCover=33),
        dict(publicationDate=(dt.date(2021, 1, 1), None), modificationDate=(None, dt.datetime(2021, 2, 2, 3, 4, 5))),
        dict(publicationDate=(dt.datetime(2021, 2, 20, 12, 34, 56), "2021-03-01"), tileId="31UFS", title="X"),
    ]
    for case in cases:
        real = client.Catalogue._convert_parameters(dict(case))
        assert encode_parameters(**case) == {k: str(v) for k, v in real.items()}, case
