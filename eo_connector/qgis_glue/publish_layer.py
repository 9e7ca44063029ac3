"""A QGIS vector layer's features as the plain values a provider publishes (core.models.FeatureValues): id, GeoJSON
geometry in EPSG:4326, attributes, and an asset href per feature from a chosen field (or none)."""

import json
from typing import List

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsVectorLayer

from ..core.errors import InvalidInput
from ..core.i18n import tr
from ..core.models import FeatureValues as FeatureInput


def features_of_layer(layer: QgsVectorLayer, id_field: str = "", asset_field: str = "",
                      selected_only: bool = False) -> List[FeatureInput]:
    if layer is None or not layer.isValid():
        raise InvalidInput(tr("Choose a vector layer to publish."))
    if not layer.crs().isValid():
        raise InvalidInput(tr("The layer {name} has no coordinate reference system: set one first.",
                              name=layer.name()))
    names = layer.fields().names()
    for chosen in (id_field, asset_field):
        if chosen and chosen not in names:
            raise InvalidInput(tr("The layer {name} has no field {field}.", name=layer.name(), field=chosen))
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    features = layer.getSelectedFeatures() if selected_only and layer.selectedFeatureCount() else layer.getFeatures()
    found = []
    for feature in features:
        geometry = feature.geometry()
        shape = None
        if geometry is not None and not geometry.isEmpty():
            geometry.transform(transform)
            shape = json.loads(geometry.asJson(7))
        attributes = {}
        for name in names:
            value = feature[name]
            if value is None or (hasattr(value, "isNull") and value.isNull()):
                continue
            if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate / QDateTime
                value = value.toString("yyyy-MM-ddTHH:mm:ssZ") if hasattr(value, "time") else value.toString(
                    "yyyy-MM-dd")
            attributes[name] = value
        item_id = str(feature[id_field]) if id_field else f"{layer.name()}_{feature.id()}"
        item_id = "".join(c if c.isalnum() or c in "_.-" else "_" for c in item_id)
        asset = str(attributes.pop(asset_field, "") or "") if asset_field else ""
        found.append(FeatureInput(item_id, shape, {k: v for k, v in attributes.items() if k != id_field}, asset))
    return found
