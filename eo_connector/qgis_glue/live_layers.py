"""Live map layers: XYZ layers drawn by a platform from a map it made (Capability.LIVE_LAYERS), that never break.

Each layer keeps, in its custom properties (saved with the project), the platform, the connection and the state the
platform needs to make the map again (e.g. a serialised expression and its visualisation; never a
token). When a project is opened, when such a layer is added from elsewhere, and when the map's tiles are refused
(an expired map), the keeper asks the platform for a fresh URL in a background task and points the layer at it,
saying so in the log. A layer whose connection is gone, or whose sign-in must be renewed, is marked in its name,
and the user is told in a sentence with a way to sign in.
"""

import json
import time
from typing import Callable, Dict, List, Optional

from qgis.core import QgsDataSourceUri, QgsNetworkAccessManager, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkReply

from ..core.errors import EOError, SessionExpired
from ..core.i18n import tr
from ..core.log import logger
from ..providers import registry
from .tasks import OperationTask, start_task

PROPERTY = "eo_connector/live"
NAME = "eo_connector/live_name"
PROBLEM = "eo_connector/live_problem"
RETRY_SECONDS = 30.0  # a layer's tiles refused again this soon after a refresh are not refreshed again
_current: Dict[str, str] = {}  # layer id -> the map URL it was given in this QGIS session


def xyz_uri(url: str, zmax: int = 20) -> str:
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", url)
    uri.setParam("zmin", "0")
    uri.setParam("zmax", str(zmax))
    return bytes(uri.encodedUri()).decode("utf-8")


def live_state(layer) -> Optional[dict]:
    try:
        value = json.loads(layer.customProperty(PROPERTY) or "")
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) and value.get("platform") and value.get("state") else None


def live_layers(project: Optional[QgsProject] = None) -> List[QgsRasterLayer]:
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values() if live_state(layer) is not None]


def add_live_layers(results: list, group_name: str, platform: str, connection_id: str, job_id: str = "",
                    project: Optional[QgsProject] = None) -> List[QgsRasterLayer]:
    """XYZ layers for what a live-layer operation returned ({"name", "url", "state"} each), on top of the tree."""
    project = project or QgsProject.instance()
    layers = []
    for result in results or []:
        layer = QgsRasterLayer(xyz_uri(result["url"]), result.get("name") or group_name, "wms")
        if not layer.isValid():
            logger.warning("live layer %s could not be created", result.get("name"))
            continue
        layer.setCustomProperty(PROPERTY, json.dumps({"platform": platform, "connection_id": connection_id,
                                                      "state": result["state"]}))
        layer.setCustomProperty(NAME, layer.name())
        layer.setCustomProperty("eo_connector/platform", platform)
        layer.setCustomProperty("eo_connector/job_id", job_id)
        _current[layer.id()] = result["url"]
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)
        layers.append(layer)
    return layers


def _map_prefix(url: str) -> str:
    return url.split("{z}", 1)[0]


class LiveLayerKeeper(QObject):
    """Keeps the project's live layers drawing. `connections()` gives the shared Connections (made on first use);
    `offer_sign_in(connection_id)` is what the "Sign in" button of a notice does (the plugin opens the dock on that
    connection); `notify(text, connection_id)` tells the user (QGIS's message bar by default)."""

    refreshed = pyqtSignal(str)  # layer id: it has a fresh map
    marked = pyqtSignal(str, str)  # layer id, the problem in words

    def __init__(self, connections: Callable, project: Optional[QgsProject] = None,
                 offer_sign_in: Optional[Callable[[str], None]] = None, parent=None):
        super().__init__(parent)
        self.connections = connections
        self.project = project or QgsProject.instance()
        self.offer_sign_in = offer_sign_in
        self.notify: Callable[[str, str], None] = self._message_bar
        self.running: Dict[str, OperationTask] = {}
        self._last: Dict[str, float] = {}
        self._installed = False

    def install(self):
        if not self._installed:
            self.project.readProject.connect(self._project_read)
            self.project.layersAdded.connect(self._layers_added)
            QgsNetworkAccessManager.instance().finished.connect(self._reply)
            self._installed = True

    def uninstall(self):
        if self._installed:
            self.project.readProject.disconnect(self._project_read)
            self.project.layersAdded.disconnect(self._layers_added)
            QgsNetworkAccessManager.instance().finished.disconnect(self._reply)
            self._installed = False

    # -- when to refresh
    def _project_read(self, *_):
        for layer in live_layers(self.project):
            self.refresh(layer, tr("the project was opened"))

    def _layers_added(self, layers):
        for layer in layers:
            if live_state(layer) is not None and layer.id() not in _current and layer.id() not in self.running:
                self.refresh(layer, tr("the layer was added"))

    def _reply(self, reply):
        """A refused tile of a live layer (an expired map): get a new map for it."""
        if reply.error() == QNetworkReply.NetworkError.NoError:
            return
        url = reply.request().url().toString()
        for layer in live_layers(self.project):
            current = _current.get(layer.id())
            if current and url.startswith(_map_prefix(current)):
                if time.monotonic() - self._last.get(layer.id(), float("-inf")) > RETRY_SECONDS:
                    self.refresh(layer, tr("its map expired"))
                return

    # -- refreshing
    def refresh(self, layer, reason: str = "") -> Optional[OperationTask]:
        """Ask the layer's platform for a new map in a task; the layer follows when it comes."""
        state = live_state(layer)
        if state is None or layer.id() in self.running:
            return None
        self._last[layer.id()] = time.monotonic()
        connections = self.connections()
        connection = connections.find(state.get("connection_id", ""))
        platform = registry.find(state["platform"])
        if connection is None or platform is None:
            self._mark(layer, tr("connection missing"), tr(
                "The layer {name} comes from a connection that is no longer saved: add the connection again to see "
                "it.", name=self._base_name(layer)), "")
            return None
        layer_id = layer.id()

        def operation(progress):
            return platform.refresh_live_layer(connections, connection, state["state"])

        task = OperationTask(tr("Refreshing the map of {name}", name=self._base_name(layer)), operation)
        task.done.connect(lambda url, error: self._refreshed(layer_id, connection.id, url, error, reason))
        self.running[layer_id] = task
        return start_task(task)

    def _refreshed(self, layer_id: str, connection_id: str, url, error: Optional[EOError], reason: str):
        self.running.pop(layer_id, None)
        layer = self.project.mapLayer(layer_id)
        if layer is None:
            return
        name = self._base_name(layer)
        if error is not None:
            if isinstance(error, SessionExpired):
                self._mark(layer, tr("sign in again"), tr("The layer {name} needs you to sign in again: {reason}",
                                                         name=name, reason=str(error)), connection_id)
            else:
                self._mark(layer, tr("not refreshed"), tr("The map of layer {name} could not be renewed: {reason}",
                                                         name=name, reason=str(error)), "")
            return
        _current[layer_id] = url
        layer.setDataSource(xyz_uri(url), name, "wms")
        layer.setName(name)
        layer.removeCustomProperty(PROBLEM)
        layer.triggerRepaint()
        logger.info("live layer %s: a new map was made because %s", name, reason)
        self.refreshed.emit(layer_id)

    def _base_name(self, layer) -> str:
        return layer.customProperty(NAME) or layer.name()

    def _mark(self, layer, problem: str, sentence: str, connection_id: str):
        """The layer's name says what is wrong (never silently blank); the user is told, with a sign-in offer."""
        if not layer.customProperty(NAME):
            layer.setCustomProperty(NAME, layer.name())
        layer.setName(tr("{name} ({problem})", name=self._base_name(layer), problem=problem))
        layer.setCustomProperty(PROBLEM, problem)
        logger.warning("live layer %s: %s", self._base_name(layer), sentence)
        self.marked.emit(layer.id(), sentence)
        self.notify(sentence, connection_id)

    def _message_bar(self, text: str, connection_id: str):
        from qgis.core import Qgis
        from qgis.PyQt.QtWidgets import QPushButton
        from qgis.utils import iface

        if iface is None or iface.messageBar() is None:
            return
        bar = iface.messageBar()
        widget = bar.createMessage(tr("EO Connector"), text)
        if connection_id and self.offer_sign_in is not None:
            button = QPushButton(tr("Sign in…"), widget)
            button.clicked.connect(lambda: self.offer_sign_in(connection_id))
            widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.MessageLevel.Warning, 0)
