"""Area of interest tab: where the AOI comes from (active layer, a chosen polygon layer, the map extent), a summary
in words (area, vertices, source CRS, what was repaired, what the current platform cannot accept) and the AOI
outlined on the map. The source and the last AOI come back after a restart (QgsSettings: an outline is not
secret; a very detailed one is not kept)."""

import html
import json
from typing import Optional

from qgis.core import QgsMapLayerProxyModel, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QWidget

from ...core.aoi import AOI, aoi_from_wkt
from ...core.errors import AoiError, EOError
from ...core.i18n import tr
from ...core.log import logger
from ...qgis_glue import settings
from ...qgis_glue.layer_aoi import aoi_from_extent, aoi_from_layer, aoi_to_geometry
from .ui import ERROR_STYLE, breakable, fit_form_rows, icon, load_form

SOURCE_ACTIVE, SOURCE_LAYER, SOURCE_CANVAS = "active_layer", "chosen_layer", "canvas_extent"
OUTLINE = QColor(230, 90, 0, 220)
FILL = QColor(230, 90, 0, 45)
AOI_KEY = "aoi/last"
MAX_REMEMBERED_WKT = 200_000  # characters: a more detailed outline is read again from its layer


class AoiPanel(QWidget, load_form("aoi_panel")):
    aoiChanged = pyqtSignal(object)  # the AOI in use, or None

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.aoi: Optional[AOI] = None
        self.source_crs = ""  # authid of the layer or canvas the AOI was read from
        self.error = ""
        self.rubber_band: Optional[QgsRubberBand] = None
        self.platform = None  # the current connection's platform: it says what it cannot accept

        self.sourceLabel.setText(tr("From"))
        self.layerLabel.setText(tr("Layer"))
        for text, value, tip in (
                (tr("Active layer"), SOURCE_ACTIVE, tr("The layer selected in the Layers panel: its selected "
                                                       "features, else all of them")),
                (tr("A polygon layer"), SOURCE_LAYER, tr("The polygons of the layer chosen below (its selected "
                                                         "features, else all of them)")),
                (tr("Map extent"), SOURCE_CANVAS, tr("The rectangle the map shows now"))):
            self.sourceCombo.addItem(text, value)
            self.sourceCombo.setItemData(self.sourceCombo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.layerCombo.setToolTip(tr("The polygon layer to read the area from"))
        self.layerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layerCombo.setAllowEmptyLayer(True)
        self.useButton.setText(tr("Use as area of interest"))
        self.useButton.setIcon(icon("aoi"))
        self.useButton.setToolTip(tr("Read the area of interest again from the chosen source"))
        self.clearButton.setIcon(icon("remove"))
        self.clearButton.setToolTip(tr("Forget the area of interest"))

        index = self.sourceCombo.findData(settings.get("aoi/source", SOURCE_ACTIVE))
        self.sourceCombo.setCurrentIndex(max(index, 0))
        self.sourceCombo.currentIndexChanged.connect(self._source_changed)
        self.useButton.clicked.connect(self.use_source)
        self.clearButton.clicked.connect(self.clear)
        self.canvas.destinationCrsChanged.connect(self._redraw)
        self._source_changed()
        self._restore()
        self._show_summary()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        fit_form_rows(self.width(), self.sourceLayout)

    def source(self) -> str:
        return self.sourceCombo.currentData()

    def _source_changed(self, *_):
        chosen = self.source() == SOURCE_LAYER
        self.layerCombo.setEnabled(chosen)
        self.layerLabel.setEnabled(chosen)
        self.sourceCombo.setToolTip(self.sourceCombo.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        settings.set_value("aoi/source", self.source())

    def _restore(self):
        """The AOI of the last session, as it was sent (lon/lat), with where it came from."""
        try:
            saved = json.loads(settings.get(AOI_KEY, "") or "{}")
            if saved.get("wkt"):
                self.aoi = aoi_from_wkt(saved["wkt"], saved.get("source") or tr("the last session"))
                self.source_crs = saved.get("crs", "")
        except (TypeError, ValueError, AttributeError, EOError) as err:
            logger.info("the last AOI could not be read again: %s", err)

    def _remember(self):
        aoi = self.aoi
        wkt = aoi.wkt() if aoi is not None else ""
        saved = {"wkt": wkt, "source": aoi.source, "crs": self.source_crs} \
            if aoi is not None and len(wkt) <= MAX_REMEMBERED_WKT else {}
        settings.set_value(AOI_KEY, json.dumps(saved))

    # -- reading the AOI (local work only: no network)
    def use_source(self):
        try:
            aoi, crs = self._read()
        except EOError as err:
            self.set_aoi(None, error=str(err))
            return
        except Exception as err:  # an unexpected bug must not leave the user with nothing
            logger.exception("reading the AOI failed")
            self.set_aoi(None, error=tr("The area of interest could not be read: {reason}", reason=type(err).__name__))
            return
        self.set_aoi(aoi, crs)

    def _read(self):
        source = self.source()
        if source == SOURCE_CANVAS:
            crs = self.canvas.mapSettings().destinationCrs()
            return aoi_from_extent(self.canvas.extent(), crs), crs.authid()
        if source == SOURCE_LAYER:
            layer = self.layerCombo.currentLayer()
            if layer is None:
                raise AoiError(tr("Choose a polygon layer in the list first."))
        else:
            layer = self.iface.activeLayer()
            if layer is None:
                raise AoiError(tr("No active layer: select a polygon layer in the Layers panel first."))
        return aoi_from_layer(layer), layer.crs().authid()

    def set_aoi(self, aoi: Optional[AOI], crs: str = "", error: str = ""):
        self.clear_highlight()
        self.aoi, self.source_crs, self.error = aoi, crs, error
        self._remember()
        self._show_summary()
        self.highlight()
        self.aoiChanged.emit(aoi)

    def clear(self):
        self.set_aoi(None)

    def set_platform(self, platform):
        """The platform of the current connection (None without one): its AOI rules are shown in the summary."""
        self.platform = platform
        self._show_summary()

    def _show_summary(self):
        self.clearButton.setEnabled(self.aoi is not None)
        if self.error:
            self.summaryLabel.setText(html.escape(breakable(self.error)))
            self.summaryLabel.setStyleSheet(ERROR_STYLE)
            return
        self.summaryLabel.setStyleSheet("")
        if self.aoi is None:
            self.summaryLabel.setText(html.escape(tr("No area of interest yet: choose where it comes from and press "
                                                     "“Use as area of interest”.")))
            return
        aoi = self.aoi
        lines = [
            tr("<b>{area} km²</b>, {vertices} vertices", area=f"{aoi.area_km2:,.3f}", vertices=aoi.vertex_count),
            html.escape(tr("From {source}", source=breakable(aoi.source))),
            html.escape(tr("Source CRS: {crs}", crs=self.source_crs or tr("unknown"))),
        ]
        west, south, east, north = aoi.bounds
        lines.append(html.escape(tr("Extent (lon/lat): {west}, {south} — {east}, {north}", west=f"{west:.5f}",
                                    south=f"{south:.5f}", east=f"{east:.5f}", north=f"{north:.5f}")))
        problem = self.platform.aoi_problem(aoi) if self.platform is not None else ""
        if problem:
            lines.append("<span style='color:#b9770e'>" + html.escape(problem) + "</span>")
        elif aoi.is_multipart:
            lines.append(html.escape(tr("Several separate parts.")))
        if aoi.crosses_antimeridian:
            lines.append(html.escape(tr("Crosses the antimeridian (180°).")))
        for note in aoi.notes:
            lines.append("<i>" + html.escape(tr("Note: {note}", note=note)) + "</i>")
        if not aoi.notes and not aoi.is_multipart:
            lines.append(html.escape(tr("Valid polygon.")))
        self.summaryLabel.setText("<br>".join(lines))

    # -- the outline on the map
    def highlight(self):
        """Draw the AOI on the map canvas (in the canvas CRS)."""
        self.clear_highlight()
        if self.aoi is None:
            return
        try:
            geometry = aoi_to_geometry(self.aoi, self.canvas.mapSettings().destinationCrs())
        except EOError as err:
            logger.info("AOI not drawn: %s", err)
            return
        band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        band.setStrokeColor(OUTLINE)
        band.setFillColor(FILL)
        band.setWidth(2)
        band.setToGeometry(geometry, None)
        self.rubber_band = band

    def clear_highlight(self):
        if self.rubber_band is not None:
            self.canvas.scene().removeItem(self.rubber_band)
            self.rubber_band = None

    def _redraw(self):
        if self.rubber_band is not None:
            self.highlight()
