"""Writes resources/styles/<kind>.qml (building, tree, road, clutter, dtm) with QGIS itself, so the styles are
valid for the QGIS that loads them. Run once after changing a colour: .venv/bin/python tests/tools/make_styles.py"""

import os

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsHillshadeRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "resources", "styles")

VECTORS = {
    "building": ("Polygon", QgsFillSymbol, {"color": "231,113,72,200", "outline_color": "120,50,30,255",
                                            "outline_width": "0.2"}),
    "tree": ("Polygon", QgsFillSymbol, {"color": "76,153,58,170", "outline_color": "40,100,30,255",
                                        "outline_width": "0.1"}),
    "clutter": ("Polygon", QgsFillSymbol, {"color": "160,160,200,110", "outline_color": "100,100,140,255",
                                           "outline_width": "0.1"}),
    "road": ("LineString", QgsLineSymbol, {"line_color": "90,90,90,255", "line_width": "0.6"}),
    # Trees may come as crowns (polygons) or as stems (points): one style for each, see layers._style.
    "tree_point": ("Point", QgsMarkerSymbol, {"name": "circle", "color": "76,153,58,220", "outline_color": "40,100,30,255",
                                             "size": "2"}),
}


def main():
    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(OUT, exist_ok=True)
    for kind, (geometry, symbol_class, props) in VECTORS.items():
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326", kind, "memory")
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_class.createSimple(props)))
        layer.saveNamedStyle(os.path.join(OUT, f"{kind}.qml"))
    from osgeo import gdal

    path = "/vsimem/dtm.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(path, 2, 2, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((0, 1, 0, 2, 0, -1))
    dataset = None  # closes and flushes
    dtm = QgsRasterLayer(path, "dtm")
    renderer = QgsHillshadeRenderer(dtm.dataProvider(), 1, 315, 45)
    renderer.setMultiDirectional(True)
    dtm.setRenderer(renderer)
    dtm.saveNamedStyle(os.path.join(OUT, "dtm.qml"))
    print("styles written to", OUT)
    app.exitQgis()


if __name__ == "__main__":
    main()
