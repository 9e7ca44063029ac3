"""QGIS glue: open a file with GDAL/OGR (shipped with QGIS) the same way on every GDAL.

Whether GDAL raises RuntimeError or returns None for a file it cannot read depends on the exception mode the
process has set (QGIS 3.40 with GDAL 3.10 raises, 3.22 with GDAL 3.6 returns None); here both mean None.
Imported where needed, so plugin start stays light.
"""


def open_raster(path: str):
    from osgeo import gdal

    try:
        return gdal.Open(path)
    except RuntimeError:
        return None


def open_vector(path: str):
    from osgeo import ogr

    try:
        return ogr.Open(path)
    except RuntimeError:
        return None
