"""The Terrascope emulator's sign-in (Keycloak-style OIDC), downloads, product files, WMS and fault injection,
checked with plain requests, GDAL and QGIS's WMS provider. The search side: test_emulator_terrascope.py.
"""

import base64
import hashlib
import json
import secrets
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
import requests
import urllib3
from osgeo import gdal, osr
from shapely.geometry import shape

from tests.emulators.terrascope import CGLS_NDVI, DEMO_PASSWORD, DEMO_USER, S2_TOC

TIMEOUT = 10
CLIENT = {"client_id": "terracatalogueclient", "client_secret": ""}
REDIRECT = "http://localhost:5000/"


def token_request(emu, **form):
    return requests.post(emu.token_endpoint, data={**CLIENT, **form}, timeout=TIMEOUT)


def password_grant(emu, password=DEMO_PASSWORD):
    return token_request(emu, grant_type="password", username=DEMO_USER, password=password)


def claims(jwt):
    payload = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def pkce():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize(emu, challenge, **overrides):
    params = {"client_id": "terracatalogueclient", "response_type": "code", "redirect_uri": REDIRECT,
              "state": "s-42", "code_challenge": challenge, "code_challenge_method": "S256", **overrides}
    params = {k: v for k, v in params.items() if v is not None}
    return requests.get(emu.authorization_endpoint, params=params, allow_redirects=False, timeout=TIMEOUT)


def redirected(answer):
    assert answer.status_code == 302, answer.text
    location = answer.headers["Location"]
    assert location.startswith(REDIRECT)
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def files_of(emu, collection=S2_TOC, index=0):
    links = emu.product(collection, index)["properties"]["links"]
    return {link["href"].rsplit("/", 1)[1]: link
            for role in ("data", "related", "previews", "alternates") for link in links[role] if "length" in link}


# --- token endpoint -----------------------------------------------------------------------------------------------
def test_password_grant_gives_expiring_jwt_shaped_tokens(terrascope_emulator_factory):
    emu = terrascope_emulator_factory(token_ttl=120, refresh_ttl=900)
    answer = password_grant(emu)
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    body = answer.json()
    assert (body["token_type"], body["expires_in"], body["refresh_expires_in"]) == ("Bearer", 120, 900)
    access, refresh = claims(body["access_token"]), claims(body["refresh_token"])
    assert access["preferred_username"] == DEMO_USER and access["exp"] - access["iat"] == 120
    assert refresh["exp"] - refresh["iat"] == 900 and body["access_token"].count(".") == 2


@pytest.mark.parametrize("form, headers, status, error", [
    ({"grant_type": "password", "username": DEMO_USER, "password": "wrong"}, {}, 401, "invalid_grant"),
    ({"grant_type": "password", "username": "nobody", "password": DEMO_PASSWORD}, {}, 401, "invalid_grant"),
    ({"grant_type": "password", "username": DEMO_USER, "password": DEMO_PASSWORD, "client_id": "other"}, {}, 401,
     "invalid_client"),
    ({"grant_type": "client_credentials"}, {}, 400, "unsupported_grant_type"),
    ({"username": DEMO_USER, "password": DEMO_PASSWORD}, {}, 400, "invalid_request"),
    ({"grant_type": "refresh_token"}, {}, 400, "invalid_request"),
    ({"grant_type": "refresh_token", "refresh_token": "abc.def.ghi"}, {}, 400, "invalid_grant"),
    ({"grant_type": "authorization_code", "code": "made-up", "redirect_uri": REDIRECT, "code_verifier": "x" * 43},
     {}, 400, "invalid_grant"),
    # requests-auth's default Basic header carries the USER's credentials: Keycloak takes them for a client
    ({"grant_type": "password", "username": DEMO_USER, "password": DEMO_PASSWORD},
     {"Authorization": "Basic " + base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()}, 401,
     "invalid_client"),
])
def test_token_endpoint_refusals_look_like_keycloak(terrascope_emulator, form, headers, status, error):
    answer = requests.post(terrascope_emulator.token_endpoint, data={**CLIENT, **form}, headers=headers,
                           timeout=TIMEOUT)
    assert answer.status_code == status and answer.json()["error"] == error
    assert answer.json()["error_description"]


def test_token_endpoint_wants_a_form(terrascope_emulator):
    answer = requests.post(terrascope_emulator.token_endpoint, json={"grant_type": "password"}, timeout=TIMEOUT)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_request"


def test_refresh_tokens_outlive_access_tokens_until_their_own_end(terrascope_emulator):
    emu = terrascope_emulator
    first = password_grant(emu).json()
    url = next(iter(files_of(emu).values()))["href"]
    emu.advance(300)
    assert requests.head(url, headers=bearer(first["access_token"]), timeout=TIMEOUT).status_code == 401
    refreshed = token_request(emu, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert refreshed.status_code == 200
    assert requests.head(url, headers=bearer(refreshed.json()["access_token"]), timeout=TIMEOUT).status_code == 200
    wrong_kind = token_request(emu, grant_type="refresh_token", refresh_token=first["access_token"])
    assert wrong_kind.json()["error_description"] == "Invalid refresh token"
    emu.advance(1800)
    late = token_request(emu, grant_type="refresh_token", refresh_token=refreshed.json()["refresh_token"])
    assert (late.status_code, late.json()["error_description"]) == (400, "Token is not active")


def test_expire_tokens_and_end_sessions(terrascope_emulator):
    emu = terrascope_emulator
    tokens = password_grant(emu).json()
    url = next(iter(files_of(emu).values()))["href"]
    emu.expire_tokens()
    assert requests.head(url, headers=bearer(tokens["access_token"]), timeout=TIMEOUT).status_code == 401
    fresh = token_request(emu, grant_type="refresh_token", refresh_token=tokens["refresh_token"]).json()
    assert requests.head(url, headers=bearer(fresh["access_token"]), timeout=TIMEOUT).status_code == 200
    emu.end_sessions()
    assert requests.head(url, headers=bearer(fresh["access_token"]), timeout=TIMEOUT).status_code == 401
    assert token_request(emu, grant_type="refresh_token", refresh_token=fresh["refresh_token"]).status_code == 400


# --- authorization code with PKCE ---------------------------------------------------------------------------------
def test_authorization_code_with_pkce(terrascope_emulator):
    emu = terrascope_emulator
    verifier, challenge = pkce()
    answer = redirected(authorize(emu, challenge))
    assert answer["state"] == "s-42" and answer["session_state"]

    def exchange(code, **form):
        return token_request(emu, **{"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                                     "code_verifier": verifier, **form})

    assert exchange(answer["code"], code_verifier=pkce()[0]).json()["error_description"] == \
        "PKCE verification failed: Code mismatch"
    second = redirected(authorize(emu, challenge))["code"]
    assert exchange(second, redirect_uri="http://localhost:5001/").json()["error_description"] == \
        "Incorrect redirect_uri"
    third = redirected(authorize(emu, challenge))["code"]
    tokens = exchange(third, response_type="code")  # requests-auth adds response_type: ignored, as by Keycloak
    assert tokens.status_code == 200 and claims(tokens.json()["access_token"])["preferred_username"] == DEMO_USER
    assert exchange(third).json()["error_description"] == "Code not valid"  # a code serves once
    late = redirected(authorize(emu, challenge))["code"]
    emu.advance(61)
    assert exchange(late).json()["error_description"] == "Code not valid"


@pytest.mark.parametrize("overrides, error", [
    ({"code_challenge": None, "code_challenge_method": None}, "invalid_request"),
    ({"code_challenge_method": "plain"}, "invalid_request"),
    ({"code_challenge": "short"}, "invalid_request"),
    ({"response_type": "token"}, "unsupported_response_type"),
    ({"state": None}, "invalid_request"),
])
def test_authorization_refusals_go_back_to_the_client(terrascope_emulator, overrides, error):
    answer = redirected(authorize(terrascope_emulator, pkce()[1], **overrides))
    assert answer["error"] == error and "code" not in answer


@pytest.mark.parametrize("overrides", [{"client_id": "evil"}, {"redirect_uri": "https://attacker.example/"},
                                       {"redirect_uri": None}])
def test_unknown_client_or_redirect_is_never_redirected_to(terrascope_emulator, overrides):
    answer = authorize(terrascope_emulator, pkce()[1], **overrides)
    assert answer.status_code == 400 and "Location" not in answer.headers
    assert answer.headers["Content-Type"].startswith("text/html")


def test_browser_denial(terrascope_emulator_factory):
    emu = terrascope_emulator_factory(browser_denies=True)
    assert redirected(authorize(emu, pkce()[1]))["error"] == "access_denied"


def test_login_page_when_no_browser_user(terrascope_emulator_factory):
    emu = terrascope_emulator_factory(browser_user=None)
    verifier, challenge = pkce()
    page = authorize(emu, challenge)
    assert page.status_code == 200 and "<form" in page.text
    action = page.text.split("action='")[1].split("'")[0].replace("&amp;", "&")
    wrong = requests.post(action, data={"username": DEMO_USER, "password": "nope"}, allow_redirects=False,
                          timeout=TIMEOUT)
    assert wrong.status_code == 200 and "Invalid username or password." in wrong.text
    right = requests.post(action, data={"username": DEMO_USER, "password": DEMO_PASSWORD}, allow_redirects=False,
                          timeout=TIMEOUT)
    code = redirected(right)["code"]
    tokens = token_request(emu, grant_type="authorization_code", code=code, redirect_uri=REDIRECT,
                           code_verifier=verifier)
    assert tokens.status_code == 200


# --- downloads ----------------------------------------------------------------------------------------------------
def test_downloads_need_a_valid_bearer(terrascope_emulator):
    emu = terrascope_emulator
    (name, link), *_ = files_of(emu).items()
    for headers in ({}, bearer("nonsense"), {"Authorization": f"Basic {base64.b64encode(b'a:b').decode()}"}):
        for method in ("HEAD", "GET"):
            answer = requests.request(method, link["href"], headers=headers, timeout=TIMEOUT)
            assert answer.status_code == 401 and answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert not emu.files.root.joinpath("TERRASCOPE_S2_TOC_V2").exists()  # nothing generated for strangers


def test_head_get_and_ranges(terrascope_emulator):
    emu = terrascope_emulator
    headers = bearer(emu.issue_tokens()["access_token"])
    for link in files_of(emu, index=7).values():
        head = requests.head(link["href"], headers=headers, timeout=TIMEOUT)
        assert head.status_code == 200 and int(head.headers["Content-Length"]) == link["length"] and not head.content
        whole = requests.get(link["href"], headers=headers, timeout=TIMEOUT)
        assert len(whole.content) == link["length"] and whole.headers["ETag"] == head.headers["ETag"]
        assert whole.headers["Content-Type"] == link["type"]
    size, data = link["length"], whole.content
    for wanted, status, expected, content_range in [
        ("bytes=0-99", 206, data[:100], f"bytes 0-99/{size}"),
        ("bytes=100-", 206, data[100:], f"bytes 100-{size - 1}/{size}"),
        ("bytes=-10", 206, data[-10:], f"bytes {size - 10}-{size - 1}/{size}"),
        (f"bytes={size}-", 416, None, f"bytes */{size}"),
        ("bytes=0-1,5-6", 200, data, None),
    ]:
        answer = requests.get(link["href"], headers={**headers, "Range": wanted}, timeout=TIMEOUT)
        assert answer.status_code == status and answer.headers.get("Content-Range") == content_range
        if expected is not None:
            assert answer.content == expected
    stale = requests.get(link["href"], headers={**headers, "Range": "bytes=10-", "If-Range": '"old"'}, timeout=TIMEOUT)
    assert stale.status_code == 200 and stale.content == data
    for href in (link["href"].replace("V210.xml", "V999.xml"), link["href"].replace("S2", "S3", 1) + "x"):
        assert requests.get(href, headers=headers, timeout=TIMEOUT).status_code == 404


def test_files_are_real_and_open_with_gdal(terrascope_emulator, tmp_path):
    emu = terrascope_emulator
    headers = bearer(emu.issue_tokens()["access_token"])
    feature = emu.product(S2_TOC, 0)
    for name, link in files_of(emu).items():
        (tmp_path / name).write_bytes(requests.get(link["href"], headers=headers, timeout=TIMEOUT).content)
    data, classes, quicklook = (gdal.Open(str(next(tmp_path.glob(pattern)))) for pattern in
                                ("*TOC-B04*.tif", "*SCENECLASSIFICATION*.tif", "*QUICKLOOK*.jpg"))
    assert (data.RasterXSize, data.RasterYSize, data.GetRasterBand(1).DataType) == (64, 64, gdal.GDT_UInt16)
    srs = osr.SpatialReference(wkt=data.GetProjection())
    assert srs.GetAuthorityCode(None) == "32632"  # tile 32TLP: UTM zone 32 north
    assert data.GetRasterBand(1).ReadAsArray().min() > 0
    assert classes.GetRasterBand(1).GetColorTable() is not None
    assert (quicklook.RasterCount, quicklook.RasterXSize) == (3, 256)
    metadata = ElementTree.parse(next(tmp_path.glob("*.xml")))
    identifier = metadata.find(".//{http://www.isotc211.org/2005/gmd}fileIdentifier/")
    assert identifier.text == feature["id"]
    cgls = next(link for name, link in files_of(emu, CGLS_NDVI).items() if name.endswith("_NDVI_V2.0.1.tif"))
    (tmp_path / "cgls.tif").write_bytes(requests.get(cgls["href"], headers=headers, timeout=TIMEOUT).content)
    global_file = gdal.Open(str(tmp_path / "cgls.tif"))
    assert osr.SpatialReference(wkt=global_file.GetProjection()).GetAuthorityCode(None) == "4326"


def test_generated_files_are_removed_at_stop(terrascope_emulator_factory):
    emu = terrascope_emulator_factory()
    link = next(iter(files_of(emu).values()))
    requests.get(link["href"], headers=bearer(emu.issue_tokens()["access_token"]), timeout=TIMEOUT)
    assert any(emu.files.root.rglob("*.tif"))
    emu.stop()
    assert not emu.files.root.exists()


# --- WMS ----------------------------------------------------------------------------------------------------------
def test_wms_capabilities_and_the_preview_link(terrascope_emulator, tmp_path):
    emu = terrascope_emulator
    capabilities = requests.get(emu.url + "/wms", params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"},
                                timeout=TIMEOUT)
    root = ElementTree.fromstring(capabilities.content)
    names = [e.text for e in root.iter("{http://www.opengis.net/wms}Name")]
    assert root.get("version") == "1.3.0" and "CGS_S2_RADIOMETRY" in names and "CGLS_NDVI300" in names
    feature = emu.product(S2_TOC, 0)
    preview = requests.get(feature["properties"]["links"]["previews"][1]["href"], timeout=TIMEOUT)
    assert preview.status_code == 200 and preview.headers["Content-Type"] == "image/png"
    (tmp_path / "preview.png").write_bytes(preview.content)
    image = gdal.Open(str(tmp_path / "preview.png"))
    assert (image.RasterXSize, image.RasterYSize, image.RasterCount) == (512, 512, 4)
    assert image.GetRasterBand(4).ReadAsArray().min() == 255  # the footprint is all inside the coverage
    assert shape(feature["geometry"]).bounds == tuple(feature["bbox"])


@pytest.mark.parametrize("change, code", [({"LAYERS": "NOPE"}, "LayerNotDefined"), ({"CRS": "EPSG:2154"}, "InvalidCRS"),
                                          ({"FORMAT": "image/gif"}, "InvalidFormat"),
                                          ({"BBOX": "1,2,3"}, "MissingOrInvalidParameter")])
def test_wms_errors_are_service_exception_reports(terrascope_emulator, change, code):
    params = {"SERVICE": "WMS", "REQUEST": "GetMap", "VERSION": "1.3.0", "LAYERS": "CGS_S2_RADIOMETRY", "STYLES": "",
              "CRS": "EPSG:4326", "BBOX": "43,6,44,8", "WIDTH": "64", "HEIGHT": "64", "FORMAT": "image/png", **change}
    answer = requests.get(terrascope_emulator.url + "/wms", params=params, timeout=TIMEOUT)
    assert answer.status_code == 400 and f'code="{code}"' in answer.text


def test_qgis_adds_the_wms_preview_as_a_layer(terrascope_emulator, qgis_app):
    from qgis.core import QgsRasterLayer, QgsRectangle

    uri = f"crs=EPSG:4326&format=image/png&layers=CGS_S2_RADIOMETRY&styles=&url={terrascope_emulator.url}/wms"
    layer = QgsRasterLayer(uri, "preview", "wms")
    assert layer.isValid()
    block = layer.dataProvider().block(1, QgsRectangle(6.5, 43.3, 7.7, 44.1), 32, 32)
    assert block.isValid() and block.image().pixelColor(16, 16).alpha() == 255
    assert terrascope_emulator.recorded("^/wms$")[-1].arg("REQUEST") == "GetMap"


# --- faults -------------------------------------------------------------------------------------------------------
def test_faults_apply_to_search_and_downloads(terrascope_emulator):
    emu = terrascope_emulator
    emu.faults.add("^/catalogue/products$", "status", status=429, retry_after=3)
    limited = requests.get(emu.catalogue_url + "products", params={"collection": S2_TOC}, timeout=TIMEOUT)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "3"
    assert requests.get(emu.catalogue_url + "products", params={"collection": S2_TOC}, timeout=TIMEOUT).ok
    emu.faults.add("^/catalogue/collections$", "status", status=503)
    assert requests.get(emu.catalogue_url + "collections", timeout=TIMEOUT).status_code == 503
    emu.faults.add("^/catalogue/collections$", "reset")
    with pytest.raises(requests.ConnectionError):
        requests.get(emu.catalogue_url + "collections", timeout=TIMEOUT)
    headers = bearer(emu.issue_tokens()["access_token"])
    link = next(iter(files_of(emu).values()))
    emu.faults.add("^/download/", "truncate", method="GET", after_bytes=100)
    assert len(requests.get(link["href"], headers=headers, timeout=TIMEOUT).content) == 100 < link["length"]
    emu.faults.add("^/download/", "drop", method="GET", after_bytes=100)
    dropped = requests.get(link["href"], headers=headers, stream=True, timeout=TIMEOUT)
    assert dropped.headers["Content-Length"] == str(link["length"])
    with pytest.raises(urllib3.exceptions.ProtocolError):  # urllib3 1.26's iter_content would not notice
        dropped.raw.read()
    emu.faults.add("^/download/", "slow", delay=0.05)
    assert len(requests.get(link["href"], headers=headers, timeout=TIMEOUT).content) == link["length"]
    assert emu.faults.hits("^/download/") == 3
