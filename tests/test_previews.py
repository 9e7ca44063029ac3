"""Previews: quicklooks decoded (PNG, JPEG, TIFF through GDAL), fetched in background tasks with and without an
auth header, cached; WMS GetMap links turned into real QGIS WMS layers against a local WMS server."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor, QImage

from eo_connector.core.errors import EOError, InvalidInput, ProtocolError
from eo_connector.core.progress import Progress
from eo_connector.qgis_glue.layers import PROPERTY
from eo_connector.qgis_glue.previews import (
    QuicklookLoader,
    add_preview_layer,
    build_wms_layer,
    decode_image,
    fetch_quicklook,
    wms_uri,
)
from eo_connector.qgis_glue.tasks import OperationTask, start_task

WAIT_MS = 20000
TOKEN = "quicklook-token-123"
WMS_COLOR = QColor(20, 160, 60)


def encoded_image(fmt: str, color=QColor(200, 30, 30), size=(40, 30)) -> bytes:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(color)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    return bytes(data)


def float_tiff(width=60, height=40) -> bytes:
    """A Float32 GeoTIFF (reflectances 0..0.3): Qt cannot read 32-bit samples, GDAL can."""
    path = "/vsimem/test_quicklook.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(path, width, height, 3, gdal.GDT_Float32)
    dataset.SetGeoTransform((7.0, 0.001, 0, 43.6, 0, -0.001))
    ramp = np.linspace(0, 0.3, width * height, dtype="float32").reshape(height, width)
    for index in range(3):
        dataset.GetRasterBand(index + 1).WriteArray(ramp * (index + 1))
    dataset = None
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return bytes(data)


CAPABILITIES = """<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink">
 <Service><Name>WMS</Name><Title>Test WMS</Title><OnlineResource xlink:href="{url}"/></Service>
 <Capability>
  <Request>
   <GetCapabilities><Format>text/xml</Format>
    <DCPType><HTTP><Get><OnlineResource xlink:href="{url}?"/></Get></HTTP></DCPType></GetCapabilities>
   <GetMap><Format>image/png</Format>
    <DCPType><HTTP><Get><OnlineResource xlink:href="{url}?"/></Get></HTTP></DCPType></GetMap>
  </Request>
  <Exception><Format>XML</Format></Exception>
  <Layer><Title>Previews</Title><CRS>EPSG:3857</CRS><CRS>EPSG:4326</CRS>
   <EX_GeographicBoundingBox><westBoundLongitude>-10</westBoundLongitude><eastBoundLongitude>20</eastBoundLongitude>
    <southBoundLatitude>35</southBoundLatitude><northBoundLatitude>60</northBoundLatitude></EX_GeographicBoundingBox>
   {layers}
  </Layer>
 </Capability>
</WMS_Capabilities>"""
LAYER = """<Layer queryable="0"><Name>{name}</Name><Title>{name}</Title><CRS>EPSG:3857</CRS>
   <EX_GeographicBoundingBox><westBoundLongitude>6.5</westBoundLongitude><eastBoundLongitude>7.5</eastBoundLongitude>
    <southBoundLatitude>43.2</southBoundLatitude><northBoundLatitude>44.0</northBoundLatitude></EX_GeographicBoundingBox>
   <BoundingBox CRS="EPSG:3857" minx="723583" miny="5346000" maxx="834900" maxy="5465000"/></Layer>"""
WMS_LAYERS = ("CGS_S2_RADIOMETRY", "CGS_S2_NDVI")


class PreviewServer:
    """127.0.0.1 server of quicklook files (those under /protected/ need `Bearer TOKEN`) and a tiny WMS 1.3.0 at
    /wms (GetCapabilities, GetMap answering a plain PNG). Records (path, headers) of every request."""

    def __init__(self):
        self.files = {}
        self.requests = []
        self.wms_png = encoded_image("PNG", WMS_COLOR, (256, 256))
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append((self.path, dict(self.headers)))
                path = urlsplit(self.path).path
                if path == "/wms":
                    return self._wms()
                if path.startswith("/protected/") and self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._answer(401, "application/json", b'{"error": "unauthorized"}')
                if path not in owner.files:
                    return self._answer(404, "text/plain", b"not found")
                return self._answer(200, *owner.files[path])

            def _wms(self):
                query = {k.upper(): v for k, v in parse_qsl(urlsplit(self.path).query)}
                request = query.get("REQUEST", "").lower()
                if request == "getcapabilities":
                    layers = "".join(LAYER.format(name=name) for name in WMS_LAYERS)
                    text = CAPABILITIES.format(url=owner.url + "/wms", layers=layers)
                    return self._answer(200, "text/xml", text.encode())
                if request == "getmap":
                    return self._answer(200, "image/png", owner.wms_png)
                return self._answer(400, "text/xml", b"<ServiceExceptionReport/>")

            def _answer(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def add(self, path, body, content_type="image/png") -> str:
        self.files[path] = (content_type, body)
        return self.url + path

    def paths(self, prefix=""):
        return [p for p, _h in self.requests if p.startswith(prefix)]

    def getmap_url(self, layers="CGS_S2_RADIOMETRY", time="2022-02-11"):
        return (f"{self.url}/wms?SERVICE=WMS&REQUEST=getMap&VERSION=1.3.0&CRS=EPSG:3857&LAYERS={layers}"
                f"&TIME={time}&BBOX=723583,5346000,834900,5465000&WIDTH=256&HEIGHT=256&FORMAT=image/png")

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def preview_server():
    server = PreviewServer()
    yield server
    server.stop()


# -- decoding

@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_png_and_jpeg_are_decoded_by_qt(qgis_app, fmt):
    image = decode_image(encoded_image(fmt))
    assert (image.width(), image.height()) == (40, 30)
    assert abs(QColor(image.pixel(5, 5)).red() - 200) < 8


def test_a_float_tiff_is_decoded_by_gdal_with_a_stretch(qgis_app):
    data = float_tiff()
    assert QImage.fromData(data).isNull()  # what makes the GDAL path necessary
    image = decode_image(data)
    assert (image.width(), image.height()) == (60, 40)
    first, last = QColor(image.pixel(0, 0)), QColor(image.pixel(59, 39))
    assert first.red() < 20 and last.red() > 235  # stretched to the whole 0..255 range, not black
    assert last.alpha() == 255


def test_big_quicklooks_are_scaled_down(qgis_app):
    image = decode_image(encoded_image("PNG", size=(3000, 1500)), max_side=500)
    assert (image.width(), image.height()) == (500, 250)


def test_garbage_is_refused_in_words(qgis_app):
    with pytest.raises(ProtocolError, match="could not be read"):
        decode_image(b"<html>not an image</html>")


# -- fetching

def test_fetch_sends_the_auth_header_and_reports_401_in_words(qgis_app, preview_server):
    from eo_connector.core.http import HttpSession

    url = preview_server.add("/protected/q.png", encoded_image("PNG"))
    with HttpSession(retries=0) as http:
        image = fetch_quicklook(http, url, lambda: {"Authorization": f"Bearer {TOKEN}"}, Progress())
        assert image.width() == 40
        with pytest.raises(EOError) as refused:
            fetch_quicklook(http, url, None, Progress())
    assert "Traceback" not in str(refused.value) and str(refused.value)
    assert "Authorization" not in preview_server.requests[-1][1]


def test_loader_fetches_in_tasks_off_the_gui_thread_and_caches(qgis_app, qtbot, preview_server):
    urls = [preview_server.add(f"/protected/{i}.png", encoded_image("PNG")) for i in range(6)]
    urls.append(preview_server.add("/q.tif", float_tiff(), "image/tiff"))
    threads = []

    def headers():
        threads.append(threading.current_thread())
        return {"Authorization": f"Bearer {TOKEN}"}

    loader = QuicklookLoader(parallel=2)
    loader.set_headers_provider(headers)
    loaded = {}
    loader.loaded.connect(lambda url, image: loaded.setdefault(url, image))
    loader.want(urls)
    assert len(loader._running) == 2 and loader.pending() == len(urls)  # a few at a time
    qtbot.waitUntil(lambda: loader.pending() == 0, timeout=WAIT_MS)
    assert set(loaded) == set(urls)
    assert loaded[urls[-1]].width() == 60  # the TIFF quicklook
    assert threads and threading.main_thread() not in threads
    fetched = len(preview_server.requests)
    loader.want(urls)  # all cached: nothing fetched again
    assert loader.pending() == 0 and len(preview_server.requests) == fetched
    assert loader.cached(urls[0]).width() == 40


def test_loader_reports_a_failure_once_and_retries_after_new_headers(qgis_app, qtbot, preview_server):
    url = preview_server.add("/protected/a.png", encoded_image("PNG"))
    loader = QuicklookLoader()
    failures = []
    loader.failed.connect(lambda u, message: failures.append((u, message)))
    loader.want([url])
    qtbot.waitUntil(lambda: loader.pending() == 0, timeout=WAIT_MS)
    assert failures and failures[0][0] == url and loader.error(url)
    loader.want([url])  # a known failure is not fetched again while scrolling
    assert loader.pending() == 0
    loader.set_headers_provider(lambda: {"Authorization": f"Bearer {TOKEN}"})
    with qtbot.waitSignal(loader.loaded, timeout=WAIT_MS):
        loader.want([url])


def test_retain_drops_rows_scrolled_away(qgis_app, qtbot, preview_server):
    urls = [preview_server.add(f"/{i}.png", encoded_image("PNG")) for i in range(8)]
    loader = QuicklookLoader(parallel=1)
    loader.want(urls)
    running = set(loader._running)
    loader.retain({urls[-1]})
    assert loader.pending() == 2  # the running one and the one still wanted
    qtbot.waitUntil(lambda: loader.pending() == 0, timeout=WAIT_MS)
    assert {loader.cached(u) is not None for u in urls[1:-1]} == {False}
    assert loader.cached(urls[-1]) is not None and all(loader.cached(u) is not None for u in running)


# -- WMS previews

def test_wms_uri_keeps_time_and_vendor_parameters():
    uri = wms_uri("https://services.terrascope.be/wms/v2?SERVICE=WMS&REQUEST=getMap&VERSION=1.3.0&CRS=EPSG:3857"
                  "&LAYERS=CGS_S2_RADIOMETRY&TIME=2022-02-11&BBOX=1,2,3,4&WIDTH=100&HEIGHT=100&FORMAT=image/jpeg"
                  "&vendor=a%26b")
    assert "layers=CGS_S2_RADIOMETRY" in uri and "crs=EPSG:3857" in uri and "format=image/jpeg" in uri
    assert "url=https://services.terrascope.be/wms/v2?TIME%3D2022-02-11%26vendor%3Da%2526b" in uri
    assert "BBOX" not in uri and "WIDTH" not in uri and "IgnoreGetMapUrl=1" in uri


@pytest.mark.parametrize("bad", ["", "ftp://host/wms?LAYERS=a", "https://host/wms?SERVICE=WMS"])
def test_wms_uri_refuses_bad_links(bad):
    with pytest.raises(InvalidInput):
        wms_uri(bad)


def run_task(qtbot, operation):
    task = OperationTask("test", operation)
    outcome = []
    task.done.connect(lambda result, error: outcome.append((result, error)))
    start_task(task)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    return outcome[0]


def render(qtbot, layer):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(64, 64))
    job = QgsMapRendererParallelJob(settings)
    with qtbot.waitSignal(job.finished, timeout=WAIT_MS):
        job.start()
    return job.renderedImage()


def test_wms_preview_layer_is_built_in_a_task_and_draws_with_time(qgis_app, qtbot, preview_server, project):
    url = preview_server.getmap_url(layers="CGS_S2_NDVI,CGS_S2_RADIOMETRY")
    layer, error = run_task(qtbot, lambda progress: build_wms_layer(url, "S2 2022-02-11", progress))
    assert error is None and layer.isValid() and layer.providerType() == "wms"
    assert layer.thread() == qgis_app.thread() and layer.dataProvider().thread() == qgis_app.thread()
    add_preview_layer(layer, "urn:item:1", project)
    group = project.layerTreeRoot().findGroup("Previews")
    assert group is not None and [n.layer() for n in group.findLayers()] == [layer]
    assert layer.customProperty(PROPERTY + "item_id") == "urn:item:1"
    image = render(qtbot, layer)
    assert QColor(image.pixel(32, 32)).green() == WMS_COLOR.green()
    getmaps = [dict(parse_qsl(urlsplit(p).query)) for p in preview_server.paths("/wms")]
    getmaps = [q for q in getmaps if q.get("REQUEST", "").lower() == "getmap"]
    assert getmaps and getmaps[-1]["TIME"] == "2022-02-11"
    assert getmaps[-1]["LAYERS"] == "CGS_S2_NDVI,CGS_S2_RADIOMETRY"  # the link's order


def test_a_second_preview_goes_in_the_same_group(qgis_app, qtbot, preview_server, project):
    for day in ("2022-02-11", "2022-02-14"):
        layer, error = run_task(qtbot, lambda p, day=day: build_wms_layer(preview_server.getmap_url(time=day), day, p))
        add_preview_layer(layer, day, project)
    group = project.layerTreeRoot().findGroup("Previews")
    assert [n.layer().name() for n in group.findLayers()] == ["2022-02-14", "2022-02-11"]
    assert len(project.layerTreeRoot().children()) == 1


def test_a_link_to_something_else_than_a_wms_is_an_error_in_words(qgis_app, qtbot, preview_server):
    url = preview_server.url + "/nothing?LAYERS=a&CRS=EPSG:3857"
    layer, error = run_task(qtbot, lambda progress: build_wms_layer(url, "x", progress))
    assert layer is None and isinstance(error, EOError) and "WMS" in str(error)
