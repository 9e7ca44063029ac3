def test_qgis(qgis_app, qgis_iface, qtbot):
    from qgis.core import QgsVectorLayer, QgsProject
    lyr = QgsVectorLayer("Polygon?crs=EPSG:4326", "x", "memory")
    QgsProject.instance().addMapLayer(lyr)
    assert qgis_iface.mapCanvas() is not None
