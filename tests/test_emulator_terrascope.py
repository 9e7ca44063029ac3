"""The Terrascope emulator's OpenSearch side is strict and speaks protocols/terrascope.md (plain requests).

Auth, downloads, files, WMS and faults: test_emulator_terrascope_files.py. The real client: test_terrascope_contract.py.
"""

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from shapely.geometry import box, shape

from tests.emulators.terrascope import CGLS_NDVI, DEMO_BBOX, S1_GAMMA0, S2_NDVI, S2_TOC, TerrascopeEmulator

TIMEOUT = 10
AOI = ",".join(str(v) for v in DEMO_BBOX)


def get(emu, what="products", headers=None, **params):
    return requests.get(emu.catalogue_url + what, params=params, headers=headers, timeout=TIMEOUT)


def ok(emu, what="products", **params):
    answer = get(emu, what, **params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def ids(emu, **params):
    return [f["id"] for f in ok(emu, count=10000, **params)["features"]]


def start_index(link):
    assert len(link) == 1 and link[0]["href"].startswith("http://127.0.0.1:")
    return int(parse_qs(urlsplit(link[0]["href"]).query)["startIndex"][0])


def refused(emu, status=400, **params):
    answer = get(emu, **params)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["type"] == "ExceptionReport" and body["exceptions"]
    return body["exceptions"]


def ms(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000


def acquisition(feature):
    return next(i["acquisitionParameters"] for i in feature["properties"]["acquisitionInformation"]
                if "acquisitionParameters" in i)


def cloud(feature):
    return feature["properties"]["productInformation"].get("cloudCover")


# --- collections --------------------------------------------------------------------------------------------------
def test_collections_answer_every_collection_with_valid_geojson(terrascope_emulator):
    body = ok(terrascope_emulator, "collections")
    assert body["type"] == "FeatureCollection" and body["totalResults"] == body["itemsPerPage"] == 4
    assert [f["id"] for f in body["features"]] == [S2_TOC, S2_NDVI, S1_GAMMA0, CGLS_NDVI]
    for feature in body["features"]:
        assert shape(feature["geometry"]).is_valid and len(feature["bbox"]) == 4
        assert feature["properties"]["title"] and feature["properties"]["abstract"]
        assert feature["properties"]["date"].count("/") == 1
    assert start_index(body["properties"]["links"]["first"]) == start_index(body["properties"]["links"]["last"]) == 1
    assert "next" not in body["properties"]["links"]


@pytest.mark.parametrize("params, expected", [
    ({"platform": "Sentinel-2"}, [S2_TOC, S2_NDVI]),
    ({"platform": "S1A"}, [S1_GAMMA0]),
    ({"bbox": "-150,-10,-140,0"}, [CGLS_NDVI]),  # the Pacific: only the global collection
    ({"geometry": "POINT (7.03 43.62)", "start": "2016-01-01", "end": "2016-12-31"}, [S2_TOC, S2_NDVI, CGLS_NDVI]),
    ({"start": "2030-01-01"}, []),
])
def test_collection_filters(terrascope_emulator, params, expected):
    assert [f["id"] for f in ok(terrascope_emulator, "collections", **params)["features"]] == expected


def test_collections_refuse_product_parameters(terrascope_emulator):
    answer = get(terrascope_emulator, "collections", cloudCover="10]")
    assert answer.status_code == 400 and answer.json()["exceptions"][0]["locator"] == "cloudCover"


# --- paging -------------------------------------------------------------------------------------------------------
def test_first_page_has_absolute_links_keeping_the_query(terrascope_emulator):
    body = ok(terrascope_emulator, collection=S2_TOC, bbox=AOI)
    assert (body["totalResults"], body["startIndex"], body["itemsPerPage"]) == (6000, 1, 100)  # half of 12000
    links = body["properties"]["links"]
    assert "previous" not in links
    assert (start_index(links["first"]), start_index(links["next"]), start_index(links["last"])) == (1, 101, 5901)
    query = parse_qs(urlsplit(links["next"][0]["href"]).query)
    assert query["collection"] == [S2_TOC] and query["bbox"] == [AOI]
    assert body["id"].startswith(terrascope_emulator.url + "/catalogue/products?")
    assert links["search"][0]["href"].startswith(terrascope_emulator.url)


def test_following_next_links_visits_every_product_once(terrascope_emulator_factory):
    emu = terrascope_emulator_factory(products={S2_NDVI: 530})
    url, seen, pages = emu.catalogue_url + f"products?collection={S2_NDVI}&count=100", [], []
    while url:
        body = requests.get(url, timeout=TIMEOUT).json()
        pages.append((body["startIndex"], body["itemsPerPage"]))
        seen += [f["id"] for f in body["features"]]
        url = body["properties"]["links"].get("next", [{}])[0].get("href")
    assert pages == [(1, 100), (101, 100), (201, 100), (301, 100), (401, 100), (501, 30)]
    assert len(seen) == len(set(seen)) == 530
    dates = [ms(acquisition(f)["beginningDateTime"]) for f in ok(emu, collection=S2_NDVI, count=530)["features"]]
    assert dates == sorted(dates)  # index order is date order
    second = ok(emu, collection=S2_NDVI, startIndex=101, count=100)["properties"]["links"]
    assert start_index(second["previous"]) == 1


def test_count_zero_answers_only_the_total(terrascope_emulator):
    body = ok(terrascope_emulator, collection=S2_TOC, bbox=AOI, count=0)
    assert (body["totalResults"], body["itemsPerPage"], body["features"]) == (6000, 0, [])
    assert "next" not in body["properties"]["links"]


def test_a_page_past_the_end_is_empty(terrascope_emulator):
    body = ok(terrascope_emulator, collection=CGLS_NDVI, startIndex=400)
    assert (body["totalResults"], body["itemsPerPage"], body["features"]) == (360, 0, [])
    links = body["properties"]["links"]
    assert "next" not in links and start_index(links["previous"]) == 300 and start_index(links["last"]) == 301


def test_depth_cap_limits_links_and_refuses_deeper_pages(terrascope_emulator_factory):
    emu = terrascope_emulator_factory(products={S2_TOC: 250_000})
    body = ok(emu, collection=S2_TOC, count=0)
    assert body["totalResults"] == 250_000  # the total is never capped
    assert start_index(ok(emu, collection=S2_TOC)["properties"]["links"]["last"]) == 99_901
    assert start_index(ok(emu, collection=S2_TOC, count=30)["properties"]["links"]["last"]) == 99_971
    links = ok(emu, collection=S2_TOC, startIndex=99_801)["properties"]["links"]
    assert start_index(links["next"]) == 99_901
    deepest = ok(emu, collection=S2_TOC, startIndex=99_901)
    assert deepest["itemsPerPage"] == 100 and "next" not in deepest["properties"]["links"]
    (error,) = refused(emu, collection=S2_TOC, startIndex=99_902)
    assert error["locator"] == "startIndex" and "100000" in error["exceptionText"]


def test_count_sets_the_page_size_and_stays_in_the_links(terrascope_emulator):
    body = ok(terrascope_emulator, collection=S2_TOC, count=20)
    assert body["itemsPerPage"] == 20
    assert parse_qs(urlsplit(body["properties"]["links"]["next"][0]["href"]).query)["count"] == ["20"]
    assert start_index(body["properties"]["links"]["next"]) == 21


# --- refusals -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("params, locator", [
    ({"foo": "bar"}, "foo"),
    ({"orbitDirection": "SIDEWAYS"}, "orbitDirection"),
    ({"cloudCover": "120]"}, "cloudCover"),
    ({"cloudCover": "cloudy"}, "cloudCover"),
    ({"cloudCover": "[50,10]"}, "cloudCover"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "0,50,10,40"}, "bbox"),
    ({"bbox": "0,0,200,10"}, "bbox"),
    ({"geometry": "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"}, "geometry"),  # self-intersecting
    ({"geometry": "CIRCLE (1 2)"}, "geometry"),
    ({"start": "2021-13-45"}, "start"),
    ({"end": "yesterday"}, "end"),
    ({"startIndex": "0"}, "startIndex"),
    ({"count": "-1"}, "count"),
    ({"count": "10001"}, "count"),
    ({"count": "ten"}, "count"),
    ({"relativeOrbitNumber": "999"}, "relativeOrbitNumber"),
    ({"publicationDate": "[2021-03-01,2021-02-01]"}, "publicationDate"),
    ({"accessedFrom": "FTP"}, "accessedFrom"),
    ({"sortKeys": "colour"}, "sortKeys"),
    ({"title": ""}, "title"),
    ({"collection": "urn:eop:VITO:NOPE"}, "collection"),
])
def test_bad_parameters_get_an_exception_report(terrascope_emulator, params, locator):
    (error,) = refused(terrascope_emulator, **{"collection": S2_TOC, **params})
    assert error["locator"] == locator and error["exceptionCode"] == "InvalidParameterValue"
    assert error["exceptionText"]


def test_every_problem_is_reported_and_the_collection_is_required(terrascope_emulator):
    errors = refused(terrascope_emulator, orbitDirection="UP", cloudCover="x")
    assert [(e["exceptionCode"], e["locator"]) for e in errors] == [
        ("MissingParameterValue", "collection"), ("InvalidParameterValue", "orbitDirection"),
        ("InvalidParameterValue", "cloudCover")]
    answer = requests.get(terrascope_emulator.catalogue_url + f"products?collection={S2_TOC}&bbox={AOI}&bbox={AOI}",
                          timeout=TIMEOUT)
    assert answer.status_code == 400 and answer.json()["exceptions"][0]["locator"] == "bbox"


def test_an_empty_interval_is_no_filter(terrascope_emulator):
    assert ok(terrascope_emulator, collection=CGLS_NDVI, cloudCover="", count=0)["totalResults"] == 360


def test_bearer_tokens_are_optional_on_search_but_checked(terrascope_emulator):
    emu = terrascope_emulator
    token = emu.issue_tokens()["access_token"]
    assert get(emu, collection=S2_TOC, count=0).status_code == 200
    assert get(emu, headers={"Authorization": f"Bearer {token}"}, collection=S2_TOC, count=0).status_code == 200
    for bad in ("not-a-jwt", token[:-4] + "AAAA"):
        answer = get(emu, headers={"Authorization": f"Bearer {bad}"}, collection=S2_TOC)
        assert answer.status_code == 401 and answer.json()["type"] == "ExceptionReport"
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    emu.advance(301)
    answer = get(emu, headers={"Authorization": f"Bearer {token}"}, collection=S2_TOC)
    assert answer.status_code == 401 and "expired" in answer.json()["exceptions"][0]["exceptionText"]
    assert get(emu, headers={"Accept": "application/atom+xml"}, collection=S2_TOC).status_code == 406


# --- filters honoured ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small():
    """One emulator for the read-only filter checks, with every product of two small collections."""
    with TerrascopeEmulator(products={S2_TOC: 600, S1_GAMMA0: 300}) as emu:
        yield emu, {c: ok(emu, collection=c, count=10000)["features"] for c in (S2_TOC, S1_GAMMA0)}
    assert not emu.errors, "\n".join(emu.errors)


def _published(f):
    return ms(f["properties"]["published"])


S2_CASES = [
    ({"bbox": AOI}, lambda f: shape(f["geometry"]).intersects(box(*DEMO_BBOX))),
    ({"geometry": "POLYGON ((4 50.5, 5 50.5, 5 51, 4 51, 4 50.5))"},
     lambda f: shape(f["geometry"]).intersects(box(4, 50.5, 5, 51))),
    ({"start": "2020-01-01"}, lambda f: ms(acquisition(f)["beginningDateTime"]) >= ms("2020-01-01T00:00:00Z")),
    ({"end": "2016-06-30T12:00:00Z"}, lambda f: ms(acquisition(f)["beginningDateTime"]) <= ms("2016-06-30T12:00:00Z")),
    ({"cloudCover": "30]"}, lambda f: cloud(f) <= 30),
    ({"cloudCover": "[10,20["}, lambda f: 10 <= cloud(f) < 20),
    ({"cloudCover": "]90"}, lambda f: cloud(f) > 90),
    ({"relativeOrbitNumber": "108"}, lambda f: acquisition(f)["relativeOrbitNumber"] == 108),
    ({"relativeOrbitNumber": "[50,100]"}, lambda f: 50 <= acquisition(f)["relativeOrbitNumber"] <= 100),
    ({"tileId": "31UFS"}, lambda f: acquisition(f)["tileId"] == "31UFS"),
    ({"productType": "TOC"}, lambda f: True),
    ({"productType": "NDVI"}, lambda f: False),
    ({"platform": "S2B"}, lambda f: f["properties"]["acquisitionInformation"][0]["platform"]
        ["platformSerialIdentifier"] == "S2B"),
    ({"resolution": "20"}, lambda f: False),
    ({"publicationDate": "[2018-01-01,2019-01-01]"},
     lambda f: ms("2018-01-01T00:00:00Z") <= _published(f) <= ms("2019-01-01T00:00:00Z")),
    ({"modificationDate": "2017-01-01T00:00:00Z]"},
     lambda f: ms(f["properties"]["updated"]) <= ms("2017-01-01T00:00:00Z")),
    ({"bbox": AOI, "cloudCover": "[5,60]", "start": "2019-01-01", "end": "2021-01-01"},
     lambda f: shape(f["geometry"]).intersects(box(*DEMO_BBOX)) and 5 <= cloud(f) <= 60
     and ms("2019-01-01T00:00:00Z") <= ms(acquisition(f)["beginningDateTime"]) <= ms("2021-01-01T00:00:00Z")),
]


@pytest.mark.parametrize("params, keep", S2_CASES)
def test_sentinel2_filters_match_a_brute_force_check(small, params, keep):
    emu, everything = small
    expected = [f["id"] for f in everything[S2_TOC] if keep(f)]
    assert ids(emu, collection=S2_TOC, **params) == expected
    assert emu.count(S2_TOC, **params) == len(expected)


def test_geometry_is_intersected_exactly_not_by_bounding_box(small):
    emu, everything = small
    swath = shape(everything[S1_GAMMA0][0]["geometry"])  # slanted: its bbox corners lie outside it
    corner = box(5.65, 42.75, 5.75, 42.85)
    assert corner.intersects(box(*swath.bounds)) and not corner.intersects(swath)
    assert ids(emu, collection=S1_GAMMA0, geometry=corner.wkt) == []
    assert ids(emu, collection=S1_GAMMA0, bbox="5.65,42.75,5.75,42.85") == []
    inside = ids(emu, collection=S1_GAMMA0, geometry="POINT (7.03 43.62)")
    assert inside == [f["id"] for f in everything[S1_GAMMA0] if shape(f["geometry"]).intersects(swath.centroid)]


def test_sentinel1_specifics(small):
    emu, everything = small
    ascending = [f["id"] for f in everything[S1_GAMMA0] if acquisition(f)["orbitDirection"] == "ASCENDING"]
    assert 0 < len(ascending) < 300 and ids(emu, collection=S1_GAMMA0, orbitDirection="ASCENDING") == ascending
    assert ids(emu, collection=S1_GAMMA0, cloudCover="100]") == []  # radar products have no cloud cover
    assert ids(emu, collection=S1_GAMMA0, tileId="32TLP") == []
    feature = everything[S1_GAMMA0][0]  # its acquisitionParameters sit in their own list element
    assert "acquisitionParameters" not in feature["properties"]["acquisitionInformation"][0]
    duration = ms(acquisition(feature)["endingDateTime"]) - ms(acquisition(feature)["beginningDateTime"])
    assert duration == 25_000


def test_title_and_product_group_select_products(small):
    emu, everything = small
    feature = everything[S2_TOC][123]
    assert ids(emu, collection=S2_TOC, title=feature["properties"]["title"]) == [feature["id"]]
    assert ids(emu, collection=S2_TOC, title="S2A_20200101T000000_32TLP_TOC_V210") == []
    group = feature["properties"]["productInformation"]["productGroupId"]
    expected = [f["id"] for f in everything[S2_TOC] if f["properties"]["productInformation"]["productGroupId"] == group]
    assert feature["id"] in expected and ids(emu, collection=S2_TOC, productGroupId=group) == expected


def test_sort_keys(small):
    emu, everything = small
    by_cloud = ok(emu, collection=S2_TOC, count=600, sortKeys="cloudCover")["features"]
    assert [cloud(f) for f in by_cloud] == sorted(cloud(f) for f in everything[S2_TOC])
    descending = ok(emu, collection=S2_TOC, count=600, sortKeys="cloudCover,,0")["features"]
    assert [cloud(f) for f in descending] == sorted((cloud(f) for f in everything[S2_TOC]), reverse=True)
    titles = [f["properties"]["title"] for f in ok(emu, collection=S2_TOC, count=600, sortKeys="title")["features"]]
    assert titles == sorted(titles)


def test_products_carry_what_the_client_reads(terrascope_emulator):
    (feature,) = ok(terrascope_emulator, collection=S2_TOC, bbox=AOI, count=1)["features"]
    links = feature["properties"]["links"]
    assert [len(links[role]) for role in ("data", "related", "previews", "alternates")] == [2, 1, 2, 1]
    files = links["data"] + links["related"] + links["previews"][:1] + links["alternates"]
    basenames = [link["href"].rsplit("/", 1)[1] for link in files]
    assert len(set(basenames)) == len(basenames) and all(link["length"] > 0 for link in files)
    assert all(link["href"].startswith(terrascope_emulator.url + "/download/") for link in files)
    assert links["related"][0]["category"] == "QUALITY" and links["previews"][0]["type"] == "image/jpeg"
    wms = links["previews"][1]
    assert wms["title"] == "WMS" and "length" not in wms and wms["href"].startswith(terrascope_emulator.url + "/wms?")
    assert feature["id"] == f"{S2_TOC}:{feature['properties']['title']}"
    assert shape(feature["geometry"]).contains(box(*DEMO_BBOX))
    assert feature["properties"]["productInformation"]["cloudCover"] is not None


def test_accessed_from_mep_gives_file_paths(terrascope_emulator):
    (feature,) = ok(terrascope_emulator, collection=S2_TOC, count=1, accessedFrom="MEP")["features"]
    assert feature["properties"]["links"]["data"][0]["href"].startswith("file:///data/MTDA/TERRASCOPE_S2_TOC_V2/")


def test_the_benchmark_query_matches_exactly_5000_products_in_50_pages(terrascope_emulator_factory):
    emu = terrascope_emulator_factory(products={S2_TOC: 10_000})
    url, pages, seen = emu.catalogue_url + f"products?collection={S2_TOC}&geometry={box(*DEMO_BBOX).wkt}", 0, set()
    session = requests.Session()
    while url:
        body = session.get(url, timeout=TIMEOUT).json()
        pages += 1
        seen.update(f["id"] for f in body["features"])
        url = body["properties"]["links"].get("next", [{}])[0].get("href")
    assert (pages, len(seen)) == (50, 5000)


def test_generation_is_deterministic(terrascope_emulator_factory):
    first, second = terrascope_emulator_factory(), terrascope_emulator_factory()
    def strip(emu):
        return [{**f, "properties": {**f["properties"], "links": None}}
                for f in ok(emu, collection=S1_GAMMA0, count=50, start="2020-01-01")["features"]]
    assert strip(first) == strip(second)
