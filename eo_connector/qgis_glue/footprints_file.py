"""Where footprints layers live: one GeoPackage each in the plugin's data folder (kept with a saved project, no
"temporary layer" warning when QGIS quits), written with SQLite's flush per commit off for these files only."""

import contextlib
import os
import threading
import uuid
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFields,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.log import logger
from . import settings


@contextlib.contextmanager
def unsynchronised_sqlite():
    """GeoPackages opened here skip SQLite's flush to disk at each commit (one per page of results): five times
    faster, and only these files, which a search can write again, would lose their last pages in a power cut."""
    from osgeo import gdal

    previous = gdal.GetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", None)
    gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", previous)


def footprints_dir() -> str:
    path = os.path.join(settings.plugin_data_dir(), "footprints")
    os.makedirs(path, exist_ok=True)
    return path


def new_geopackage(fields: QgsFields) -> str:
    """An empty GeoPackage of multi-polygons in EPSG:4326 with these fields; its layer's source."""
    path = os.path.join(footprints_dir(), f"{uuid.uuid4().hex}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", "footprints", "UTF-8"
    writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Type.MultiPolygon,
                                        QgsCoordinateReferenceSystem("EPSG:4326"),
                                        QgsCoordinateTransformContext(), options)  # no transform: any thread
    error = writer.hasError()
    message = writer.errorMessage()
    del writer  # closes the file
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise EOError(tr("The layer of the search results could not be created in {folder}.",
                         folder=footprints_dir()), details=message)
    return f"{path}|layername=footprints"


def open_geopackage_layer(source: str, name: str):
    """The layer of a new footprints GeoPackage, opened for writing (QGIS reads its fields as layer_fields())."""
    from qgis.core import QgsVectorLayer

    with unsynchronised_sqlite():
        layer = QgsVectorLayer(source, name, "ogr")
        if layer.isValid():
            layer.dataProvider().enterUpdateMode()  # opened for writing now, with the option above
    if not layer.isValid():
        raise EOError(tr("The layer of the search results could not be created in {folder}.",
                         folder=footprints_dir()), details=layer.source())
    return layer


class GeoPackageInAdvance:
    """A footprints GeoPackage created (and opened once) in a thread of its own while a search's first page is on its
    way: created on the GUI thread with the first results, it stalled QGIS for 50-70 ms. take() hands its layer source
    over once, or None while it is not ready (the caller then creates one itself); discard() removes an unused one."""

    def __init__(self, fields: QgsFields):
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._source: Optional[str] = None
        self._discarded = False
        threading.Thread(target=self._create, args=(QgsFields(fields),), name="eo-footprints-file",
                         daemon=True).start()

    def _create(self, fields: QgsFields):
        try:
            source = new_geopackage(fields)
            open_geopackage_layer(source, "footprints")  # and closed: QGIS's first GeoPackage layer costs twice more
            with self._lock:
                self._source = source
                discarded = self._discarded
            if discarded:  # discarded while it was being made
                self.discard()
        except EOError as err:  # the GUI thread tries again and tells the user why it failed
            logger.info("footprints file not prepared ahead: %s", err)
        finally:
            self._ready.set()

    def take(self) -> Optional[str]:
        """The new GeoPackage's layer source, once; None when not ready, failed or taken."""
        if not self._ready.is_set():
            return None
        with self._lock:
            source, self._source = self._source, None
        return source

    @property
    def used(self) -> bool:
        """Taken, or failed: a new search prepares another."""
        return self._ready.is_set() and self._source is None

    def discard(self) -> None:
        """Remove the file if it was not taken; one still being created is removed by its thread when done."""
        with self._lock:
            self._discarded = True
            source, self._source = self._source, None
        if source:
            with contextlib.suppress(OSError):
                os.remove(source.split("|", 1)[0])
