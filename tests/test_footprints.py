"""The footprints layer of catalogue results: fields and attributes from neutral Items, page by page, outline style,
custom properties, item id <-> feature id mapping (also after a reload), selection and zoom."""

import math

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsPointXY,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt

from eo_connector.core.models import Asset, Item
from eo_connector.qgis_glue.footprints import FootprintsLayer, is_footprints_layer, items_extent, zoom_to_items
from eo_connector.qgis_glue.layers import PROPERTY

FIELDS = ["id", "title", "date", "cloud", "tile", "orbit", "platform", "size"]


def make_items(count, start=0, **extra_props):
    """Synthetic neutral Items: small squares in a grid around Sophia Antipolis, one per day."""
    items = []
    for n in range(start, start + count):
        lon, lat = 6.5 + (n % 100) * 0.01, 43.2 + (n // 100) * 0.01
        ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]
        day = f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}"
        props = {"title": f"S2A_PRODUCT_{n:05d}", "datetime": f"{day}T10:56:29Z", "cloud_cover": (n * 7) % 100 + 0.5,
                 "size": 1_000_000 * (n + 1), "tile": f"31T{n % 7}", "orbit": n % 143, "platform": "SENTINEL-2A",
                 "product_type": "L2A", "short_id": f"P{n:05d}", **extra_props}
        items.append(Item(id=f"urn:eop:TEST:{n:05d}", geometry={"type": "Polygon", "coordinates": [ring]},
                          datetime=props["datetime"], properties=props, collection="urn:eop:TEST",
                          assets={"data-1": Asset(href=f"http://127.0.0.1/data/{n}.tif", roles=["data"])}))
    return items


def test_a_page_becomes_features_with_neutral_attributes(project):
    footprints = FootprintsLayer.create("Terrascope: S2 TOC", project, platform="terrascope")
    layer = footprints.layer
    items = make_items(20)
    fids = footprints.add_items(items)
    assert len(fids) == 20 and layer.featureCount() == 20
    assert layer.name() == "Terrascope: S2 TOC" and layer.crs().authid() == "EPSG:4326"
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    assert [f.name() for f in layer.fields()] == ["fid"] + FIELDS  # a GeoPackage numbers its features first
    feature = layer.getFeature(fids[3])
    assert feature["id"] == items[3].id and feature["title"] == "S2A_PRODUCT_00003"
    assert feature["date"].toString("yyyy-MM-dd HH:mm:ss") == "2022-04-04 10:56:29"
    assert feature["cloud"] == pytest.approx(21.5) and feature["tile"] == "31T3" and feature["orbit"] == 3
    assert feature["platform"] == "SENTINEL-2A" and feature["size"] == 4_000_000
    assert feature.geometry().boundingBox().toString(4) == "6.5300,43.2000 : 6.5400,43.2100"
    # on top of the layer tree, recognisable, outline only
    assert project.layerTreeRoot().children()[0].layer() is layer
    assert is_footprints_layer(layer) and layer.customProperty(PROPERTY + "platform") == "terrascope"
    symbol_layer = layer.renderer().symbol().symbolLayer(0)
    assert symbol_layer.brushStyle() == Qt.BrushStyle.NoBrush and symbol_layer.strokeColor().alpha() == 255


def test_missing_values_and_bad_geometries_are_kept_as_nulls(project):
    items = [Item(id="a", geometry=None, properties={}),
             Item(id="b", geometry={"type": "Polygon", "coordinates": "garbage"}, properties={"cloud_cover": "n/a"}),
             Item(id="c", geometry={"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]},
                  datetime="2023-05-01", properties={"title": "C", "orbit": None})]
    footprints = FootprintsLayer.create("x", project, add_to_project=False)
    fids = footprints.add_items(items)
    a, b, c = (footprints.layer.getFeature(fid) for fid in fids)
    assert a["title"] == "a" and not a.hasGeometry() and a["cloud"] == NULL and a["date"] == NULL
    assert not b.hasGeometry() and b["cloud"] == NULL
    assert c.hasGeometry() and c["title"] == "C" and c["date"].date().year() == 2023


def test_5000_items_page_by_page_and_the_mapping_both_ways(project):
    footprints = FootprintsLayer.create("big", project)
    items = make_items(5000)
    for start in range(0, 5000, 100):
        footprints.add_items(items[start:start + 100])
    assert footprints.layer.featureCount() == 5000
    wanted = [items[i].id for i in (0, 17, 4999)]
    fids = footprints.feature_ids(wanted)
    assert footprints.item_ids(fids) == wanted
    footprints.select(wanted)
    assert sorted(footprints.layer.selectedFeatureIds()) == sorted(fids)
    assert sorted(footprints.selected_item_ids()) == sorted(wanted)
    assert footprints.layer.extent().contains(QgsRectangle(6.5, 43.2, 7.49, 43.69))


def test_features_added_by_other_means_and_a_reloaded_layer_map_by_their_id_attribute(project):
    footprints = FootprintsLayer.create("x", project)
    footprints.add_items(make_items(3))
    feature = QgsFeature(footprints.layer.fields())
    feature.setAttribute("id", "urn:added:by:hand")
    _ok, (added,) = footprints.layer.dataProvider().addFeatures([feature])
    assert footprints.item_ids([added.id()]) == ["urn:added:by:hand"]
    reloaded = FootprintsLayer(footprints.layer)  # e.g. the plugin found it in a project
    assert sorted(reloaded.fid_by_item) == sorted(["urn:added:by:hand"] + [i.id for i in make_items(3)])


def test_reset_empties_and_renames_for_a_new_search(project):
    footprints = FootprintsLayer.create("first search", project)
    footprints.add_items(make_items(10))
    footprints.select([make_items(1)[0].id])
    footprints.reset("second search")
    assert footprints.layer.featureCount() == 0 and footprints.layer.name() == "second search"
    assert not footprints.fid_by_item and footprints.layer.selectedFeatureCount() == 0
    footprints.add_items(make_items(2, start=50))
    assert footprints.layer.featureCount() == 2


def test_a_deleted_layer_is_forgotten_without_errors(project):
    footprints = FootprintsLayer.create("gone", project)
    footprints.add_items(make_items(2))
    project.removeMapLayer(footprints.layer.id())
    assert not footprints.alive() and footprints.layer is None
    assert footprints.add_items(make_items(2, start=5)) == []
    footprints.select(["x"])
    footprints.reset("again")
    assert footprints.selected_item_ids() == []


def mercator(lon, lat):
    return QgsPointXY(lon * 20037508.34 / 180, math.log(math.tan((90 + lat) * math.pi / 360)) * 6378137.0)


def test_zoom_to_items_in_the_canvas_crs(qgis_iface, project):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    items = make_items(3, start=10)
    assert items_extent(items).toString(2) == "6.60,43.20 : 6.63,43.21"
    assert zoom_to_items(canvas, items)
    extent = canvas.extent()
    assert extent.contains(QgsRectangle(mercator(6.60, 43.20), mercator(6.63, 43.21)))
    assert extent.width() < 10_000  # zoomed in, not the world
    assert not zoom_to_items(canvas, [Item(id="no geometry")])
