"""Result files -> map layers, in one group per job, styled from resources/styles/<kind>.qml.

Each layer carries custom properties (job id, platform, kind) so it is recognised after a project reload.
"""

import os
from collections import defaultdict
from typing import Callable, Dict, List, Optional

from qgis.core import QgsLayerTreeGroup, QgsMapLayer, QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from ..core.log import logger
from .gdal_files import open_vector
from .resources import resource_path

VECTOR_EXTENSIONS = (".gpkg", ".shp", ".geojson", ".json")
RASTER_EXTENSIONS = (".tif", ".tiff", ".jp2", ".vrt")
PROPERTY = "eo_connector/"


def _folder_of(path: str, root: str) -> str:
    """The first folder of `path` under `root` ("" for a file directly in root)."""
    rel = os.path.relpath(path, root).replace("\\", "/").split("/")
    return rel[0] if len(rel) > 1 else ""


def _tile_of(path: str, root: str) -> str:
    folder = _folder_of(path, root)
    return folder if folder.isdigit() else ""


def choose_files(files: List[str]) -> List[str]:
    """One format per result: GeoPackage when present, else the shapefile, so layers are not loaded twice."""
    by_layer: Dict[tuple, Dict[str, str]] = defaultdict(dict)
    chosen = []
    for path in files:
        ext = os.path.splitext(path)[1].lower()
        if ext in RASTER_EXTENSIONS:
            chosen.append(path)
        elif ext in VECTOR_EXTENSIONS:
            key = (os.path.dirname(os.path.dirname(path)), os.path.splitext(os.path.basename(path))[0])
            by_layer[key].setdefault(ext, path)
    for variants in by_layer.values():
        chosen.append(variants.get(".gpkg") or next(iter(variants.values())))
    return sorted(chosen)


def _vector_uris(path: str) -> List[tuple]:
    """(uri, sublayer name) for every layer of a GeoPackage; the file itself otherwise."""
    if not path.lower().endswith(".gpkg"):
        return [(path, "")]
    source = open_vector(path)
    if source is None:
        return []
    names = [source.GetLayerByIndex(i).GetName() for i in range(source.GetLayerCount())]
    return [(f"{path}|layername={name}", name) for name in names]


def _style(layer: QgsMapLayer, kind: str):
    """resources/styles/<kind>_<geometry>.qml if there is one (e.g. tree_point), else <kind>.qml."""
    candidates = [f"{kind}.qml"]
    if isinstance(layer, QgsVectorLayer):
        geometry = QgsWkbTypes.geometryDisplayString(layer.geometryType()).lower()
        candidates.insert(0, f"{kind}_{geometry}.qml")
    qml = next((resource_path("styles", name) for name in candidates
                if os.path.exists(resource_path("styles", name))), "")
    if kind and qml:
        _message, ok = layer.loadNamedStyle(qml)
        if not ok:
            logger.info("style %s not applied to %s", qml, layer.name())


def load_results(files: List[str], group_name: str, *, root_dir: str = "", job_id: str = "", platform: str = "",
                 group_per_folder: bool = False, project: Optional[QgsProject] = None,
                 kind_of: Optional[Callable[[str], str]] = None) -> List[QgsMapLayer]:
    """Add every vector and raster result as a layer under a new group named `group_name` (top of the tree).
    `kind_of(path)` names a file's kind, which chooses its style (resources/styles/<kind>.qml) and its drawing order
    (lines over polygons over rasters). With group_per_folder, each first-level folder under root_dir (a catalogue
    product) gets its own subgroup."""
    project = project or QgsProject.instance()
    result_kind = kind_of or (lambda path: "")
    chosen = choose_files(files)
    root_dir = root_dir or (os.path.commonpath(chosen) if chosen else "")
    if group_per_folder:
        return _load_per_folder(chosen, group_name, root_dir, job_id, platform, project)
    tiles = {_tile_of(p, root_dir) for p in chosen} - {""}
    group = project.layerTreeRoot().insertGroup(0, group_name)
    subgroups: Dict[str, QgsLayerTreeGroup] = {}
    opened = []
    for path in chosen:
        kind = result_kind(path)
        tile = _tile_of(path, root_dir)
        base = kind or os.path.splitext(os.path.basename(path))[0]
        for layer in _open(path, base):
            if not layer.isValid():
                logger.warning("result file %s could not be opened as a layer", path)
                continue
            if len(tiles) > 1 and tile:
                layer.setName(f"{layer.name()} (tile {tile})")
            opened.append((_draw_rank(layer), path, layer, kind, base))
    layers = []
    for _rank, path, layer, kind, base in sorted(opened, key=lambda entry: entry[:2]):
        _style(layer, kind)
        _add(project, layer, group, subgroups, base if len(tiles) > 1 else "",
             {"job_id": job_id, "platform": platform, "kind": kind, "source": path})
        layers.append(layer)
    if not layers:
        project.layerTreeRoot().removeChildNode(group)
    return layers


def _draw_rank(layer: QgsMapLayer) -> int:
    """Drawing order, top first: points, lines, polygons, then rasters (so nothing hides what is thinner)."""
    if isinstance(layer, QgsVectorLayer):
        order = ("point", "line", "polygon")
        geometry = QgsWkbTypes.geometryDisplayString(layer.geometryType()).lower()
        return order.index(geometry) if geometry in order else 3
    return 4


def _add(project, layer, group, subgroups: Dict[str, QgsLayerTreeGroup], subgroup: str, properties: dict):
    """Mark the layer as ours (found again after a project reload), then add it to the group or its subgroup."""
    for key, value in properties.items():
        layer.setCustomProperty(PROPERTY + key, value)
    project.addMapLayer(layer, False)
    target = group
    if subgroup:
        target = subgroups.get(subgroup) or subgroups.setdefault(subgroup, group.addGroup(subgroup))
    target.addLayer(layer)


def _load_per_folder(chosen, group_name, root_dir, job_id, platform, project) -> List[QgsMapLayer]:
    group = project.layerTreeRoot().insertGroup(0, group_name)
    subgroups: Dict[str, QgsLayerTreeGroup] = {}
    layers = []
    for path in chosen:
        folder = _folder_of(path, root_dir)
        for layer in _open(path, os.path.splitext(os.path.basename(path))[0]):
            if not layer.isValid():
                logger.warning("downloaded file %s could not be opened as a layer", path)
                continue
            _add(project, layer, group, subgroups, folder,
                 {"job_id": job_id, "platform": platform, "product": folder, "source": path})
            layers.append(layer)
    if not layers:
        project.layerTreeRoot().removeChildNode(group)
    return layers


def _open(path: str, base: str) -> List[QgsMapLayer]:
    ext = os.path.splitext(path)[1].lower()
    if ext in RASTER_EXTENSIONS:
        return [QgsRasterLayer(path, base)]
    opened = []
    for uri, sublayer in _vector_uris(path):
        name = base if not sublayer or sublayer == base else f"{base} — {sublayer}"
        opened.append(QgsVectorLayer(uri, name, "ogr"))
    return opened


def remove_layers_of_connection(connection_id: str, project: Optional[QgsProject] = None,
                                kinds=("search_results", "preview")) -> int:
    """Take off the map the layers a connection's searches put there (footprints, previews): they stand for its
    catalogue, which is gone with it. Downloaded and processed results stay (they are the user's files)."""
    if not connection_id:
        return 0
    project = project or QgsProject.instance()
    gone = [layer.id() for layer in project.mapLayers().values()
            if layer.customProperty(PROPERTY + "connection_id") == connection_id
            and layer.customProperty(PROPERTY + "kind") in kinds]
    if gone:
        project.removeMapLayers(gone)
        logger.info("%d layers of a removed connection taken off the map", len(gone))
    return len(gone)

