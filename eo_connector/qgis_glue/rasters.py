"""Raster tools the platforms get through their context (PlatformContext.rasters), done with the GDAL QGIS ships:
a box reprojected once, and tiles assembled into one Cloud-Optimised GeoTIFF clipped to the AOI.

The mosaic is streamed (a VRT of the tiles, warped through a VRT with the AOI as cutline, translated to COG), so
memory stays flat whatever the size; it is written to '<name>.part' and renamed when complete: a cancelled or
failed assembly never leaves a file that looks finished. Imports only GDAL (no QGIS): usable without QGIS too.
"""

import json
import os
import uuid
from typing import List, Sequence, Tuple

from ..core.errors import Cancelled, EOError
from ..core.i18n import tr
from ..core.log import logger
from ..core.safe_paths import discard


def _gdal():
    from osgeo import gdal, osr

    gdal.UseExceptions()
    return gdal, osr


def _srs(code: str):
    _gdal_module, osr = _gdal()
    srs = osr.SpatialReference()
    srs.SetFromUserInput(code)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


class GdalRasters:
    def transform_bounds(self, bounds: Sequence[float], source: str, target: str,
                         steps: int = 21) -> Tuple[float, float, float, float]:
        """The box in `target` that holds `bounds` (given in `source`), its edges densified so a curved
        reprojection is not cut short."""
        _gdal_module, osr = _gdal()
        transform = osr.CoordinateTransformation(_srs(source), _srs(target))
        west, south, east, north = bounds
        points = []
        for i in range(steps):
            t = i / (steps - 1)
            x, y = west + (east - west) * t, south + (north - south) * t
            points += [(x, south), (x, north), (west, y), (east, y)]
        moved = [transform.TransformPoint(px, py)[:2] for px, py in points]
        xs, ys = [p[0] for p in moved], [p[1] for p in moved]
        return min(xs), min(ys), max(xs), max(ys)

    def mosaic_cog(self, tiles: List[str], output: str, cutline_wkt: str, crs: str, progress) -> str:
        """One COG at `output` from the GeoTIFF tiles, clipped to the AOI (WKT in EPSG:4326)."""
        gdal, _osr = _gdal()
        token = uuid.uuid4().hex
        vrt, warped, cutline = (f"/vsimem/eo-{token}.vrt", f"/vsimem/eo-{token}-warped.vrt",
                                f"/vsimem/eo-{token}-aoi.geojson")
        part = output + ".part"

        def callback(fraction, _message, _data):
            if progress.cancelled():
                return 0
            progress.report(fraction, tr("Assembling the tiles into one Cloud-Optimised GeoTIFF"))
            return 1

        try:
            from shapely import wkt as shapely_wkt

            geometry = shapely_wkt.loads(cutline_wkt).__geo_interface__
            gdal.FileFromMemBuffer(cutline, json.dumps({"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {}, "geometry": geometry}]}))
            mosaic = gdal.BuildVRT(vrt, tiles)
            band = mosaic.GetRasterBand(1)
            nodata = band.GetNoDataValue()
            if nodata is None:
                floating = band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64)
                nodata = float("nan") if floating else 0
            mosaic = None
            gdal.Warp(warped, vrt, format="VRT", cutlineDSName=cutline, cropToCutline=True, dstSRS=crs,
                      dstNodata=nodata, multithread=True)
            progress.check()
            os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
            discard(part)
            result = gdal.Translate(part, warped, format="COG", callback=callback,
                                    creationOptions=["COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"])
            result = None  # noqa: F841 (closes the file)
            progress.check()
            os.replace(part, output)
            return output
        except Cancelled:
            discard(part)
            raise
        except RuntimeError as err:
            discard(part)
            if progress.cancelled():
                raise Cancelled() from None
            logger.warning("mosaic of %d tiles into %s failed: %s", len(tiles), output, err)
            raise EOError(tr("The tiles could not be assembled into one GeoTIFF ({reason}); run the download again "
                             "to retry.", reason=str(err)[:200]), details=str(err)) from None
        finally:
            for name in (vrt, warped, cutline):
                gdal.Unlink(name)
