"""Where footprints layers live: one GeoPackage each in the plugin's data folder (kept with a saved project, no
"temporary layer" warning when QGIS quits), written with SQLite's flush per commit off for these files only."""

import contextlib
import os
import uuid

from qgis.core import QgsCoordinateReferenceSystem, QgsFields, QgsProject, QgsVectorFileWriter, QgsWkbTypes

from ..core.errors import EOError
from ..core.i18n import tr
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
                                        QgsProject.instance().transformContext(), options)
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

