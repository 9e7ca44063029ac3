"""The jobs of an Earth Engine connection: a live map layer, pixels over the AOI as one GeoTIFF, a table's features
as a vector layer (exports and tasks are in exports.py). Each is also a Processing algorithm and a console call.

What the user names (an asset id, an expression as JSON, Python code using `ee`, or an ee object from the console)
is kept in the record as it was given and turned into an expression in the task (an asset's type, or Python code,
may need the service); nothing remote happens before the job starts.
"""

import json
import os
import re
from typing import TYPE_CHECKING, Any, Dict, List

from ...core.errors import InvalidInput, ProtocolError
from ...core.i18n import number, tr
from ...core.models import Connection, JobRecord
from ...core.platform import Field, FieldKind, Operation
from . import PLATFORM

if TYPE_CHECKING:  # shapely and the HTTP stack: imported when an operation is used, never when QGIS starts
    from ...core.aoi import AOI
    from .pixels import Grid
from .expressions import (
    IMAGE,
    IMAGE_COLLECTION,
    TABLE,
    asset_expression,
    describe,
    is_ee_object,
    parse_vis,
    split_list,
    to_expression,
    visualize,
)


def image_field(label: str = "") -> Field:
    return Field("image", label or tr("Image, collection or expression"), FieldKind.TEXT, "", required=True,
                 placeholder=tr("e.g. USGS/SRTMGL1_003"),
                 help=tr("An asset id (e.g. USGS/SRTMGL1_003), an expression as JSON, or Python code using ee (e.g. "
                         "ee.Image('USGS/SRTMGL1_003').select('elevation'))."))


def source_param(values: Dict[str, Any]):
    """The image as given, kept so it can be saved with the job (an ee object is serialised at once)."""
    value = values.get("image")
    if is_ee_object(value):
        return to_expression(value)
    if isinstance(value, dict):
        return to_expression(value)
    text = str(value or "").strip()
    if not text:
        raise InvalidInput(tr("Give an Earth Engine asset id or an expression."))
    return text


def resolve(client, params: Dict[str, Any], default_kind: str = IMAGE) -> dict:
    """The expression of the job's image, in the task: a plain asset id is looked up for its type (an image, a
    collection shown as its mosaic, a table); Python code is built with earthengine-api."""
    source = params["image"]
    if isinstance(source, dict):
        return source
    text = source.strip()
    plain = not text.startswith("{") and "(" not in text and " " not in text
    if plain:
        kind = params.get("asset_type") or ""
        if not kind:
            kind = str(client.get_asset(text).get("type") or default_kind)
        return asset_expression(text, kind if kind in (IMAGE, IMAGE_COLLECTION, TABLE) else default_kind)
    return to_expression(text, client.algorithms)


def file_stem(name: str) -> str:
    """A file name from a layer name: letters, digits, dots, dashes and underscores only."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:80] or "earth_engine"


def layer_name(params: Dict[str, Any]) -> str:
    if params.get("name"):
        return str(params["name"])
    source = params["image"]
    return (describe(source) if isinstance(source, dict) else None) or str(source)[:60] or "Earth Engine"


def vis_from_values(values: Dict[str, Any]) -> Dict[str, Any]:
    return parse_vis(values.get("bands") or "", values.get("min"), values.get("max"), values.get("palette") or "",
                     values.get("gamma"))


class LayerOperation(Operation):
    kind = "layer"
    output = "live_layers"
    processing_name = "earth_engine_layer"

    @property
    def title(self):
        return tr("Add Earth Engine layer")

    @property
    def help(self):
        return tr("Adds an image or collection (its mosaic) as a live map layer drawn by Earth Engine, with the "
                  "bands, stretch (min, max), palette and gamma given. The layer keeps its expression in the project "
                  "and gets a new map by itself when its map expires or the project is opened again.")

    def fields(self):
        return [image_field(), Field("name", tr("Layer name"), FieldKind.TEXT, ""),
                Field("bands", tr("Bands"), FieldKind.TEXT, "", placeholder=tr("e.g. B4,B3,B2")),
                Field("min", tr("Minimum"), FieldKind.TEXT, "", placeholder="0"),
                Field("max", tr("Maximum"), FieldKind.TEXT, "", placeholder="3000"),
                Field("palette", tr("Palette"), FieldKind.TEXT, "", placeholder=tr("e.g. 000000,ffffff")),
                Field("gamma", tr("Gamma"), FieldKind.TEXT, "", advanced=True)]

    def new_record(self, connection: Connection, values: Dict[str, Any]) -> JobRecord:
        try:
            vis = vis_from_values(values)
        except ValueError:
            raise InvalidInput(tr("The minimum, maximum and gamma must be numbers.")) from None
        params = {"image": source_param(values), "vis": vis, "name": str(values.get("name") or "").strip(),
                  "asset_type": values.get("asset_type") or ""}
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id, title=layer_name(params))
        record.params = params
        return record

    def describe(self, record):
        return tr("Earth Engine layer: {name}", name=record.title)

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        progress.report(0.1, tr("Asking Earth Engine for a map"))
        expression = resolve(client, record.params)
        state = {"expression": expression, "vis": record.params.get("vis") or {}, "name": record.title}
        url = client.create_map(visualize(expression, state["vis"]))
        record.remote["map"] = url.rsplit("/tiles/", 1)[0]
        return [{"name": record.title, "url": url, "state": state}]


class PixelsOperation(Operation):
    kind = "pixels"
    processing_name = "earth_engine_pixels"

    @property
    def title(self):
        return tr("Download pixels over an area")

    @property
    def help(self):
        return tr("Computes the image's pixels over the area of interest at the scale and in the CRS given "
                  "(image:computePixels), in tiles fetched in parallel and resumable, and assembles them into one "
                  "Cloud-Optimised GeoTIFF clipped to the area, loaded as a layer.")

    def fields(self):
        return [image_field(), Field("aoi", tr("Area of interest"), FieldKind.AOI, required=True),
                Field("scale", tr("Scale (metres per pixel)"), FieldKind.FLOAT, 30.0, minimum=0.01),
                Field("crs", tr("CRS"), FieldKind.TEXT, "EPSG:4326", required=True, placeholder="EPSG:32631"),
                Field("bands", tr("Bands (all when empty)"), FieldKind.TEXT, "", placeholder=tr("e.g. B4,B3,B2")),
                Field("output_dir", tr("Output folder"), FieldKind.FOLDER, required=True)]

    def new_record(self, connection, values):
        from ...core.aoi import AOI
        from .pixels import make_grid

        aoi = values.get("aoi")
        if not isinstance(aoi, AOI):
            raise InvalidInput(tr("Choose an area of interest first."))
        crs = str(values.get("crs") or "EPSG:4326").strip().upper()
        if not crs.startswith(("EPSG:", "CRS:")):
            raise InvalidInput(tr("Give the CRS as an EPSG code, e.g. EPSG:4326 or EPSG:32631."))
        scale = float(values.get("scale") or 0)
        make_grid(aoi.geometry.bounds, scale, "EPSG:4326")  # refuses a scale of zero in words
        folder = str(values.get("output_dir") or "").strip()
        if not folder:
            raise InvalidInput(tr("Choose an output folder."))
        params = {"image": source_param(values), "aoi_wkt": aoi.wkt(), "aoi_source": aoi.source, "scale": scale,
                  "crs": crs, "bands": split_list(values.get("bands")), "asset_type": values.get("asset_type") or "",
                  "pixel_bytes": values.get("pixel_bytes")}
        name = layer_name(params)
        params["file_name"] = file_stem(name) + ".tif"
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id,
                           title=tr("Pixels of {name}", name=name))
        record.output_dir = os.path.join(folder, record.id)
        record.params = params
        return record

    def describe(self, record):
        return tr("Earth Engine pixels: {name}", name=record.title)

    def estimate(self, values):
        """Uncompressed bytes in EPSG:4326 (the panel asks the service for the real band types first)."""
        from ...core.aoi import AOI
        from .pixels import estimate, make_grid

        aoi = values.get("aoi")
        if not isinstance(aoi, AOI) or not values.get("scale"):
            return 0, 0, 1
        grid = make_grid(aoi.geometry.bounds, float(values["scale"]), "EPSG:4326")
        bands = max(1, len(split_list(values.get("bands"))))
        return estimate(grid, int(values.get("pixel_bytes") or 8 * bands)), 1, 0

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        from .pixels import bytes_per_pixel, run_pixels

        params = record.params
        progress.report(0.0, tr("Reading the image's bands"))
        params["expression"] = resolve(client, params)
        if not params.get("pixel_bytes"):
            info = client.compute_value(params["expression"], progress=progress)
            bands, params["pixel_bytes"] = bytes_per_pixel(info if isinstance(info, dict) else {}, params["bands"])
            params["bands"] = bands
            on_change(record)
        return run_pixels(client, record, progress, on_change)

    def cancel_note(self, record):
        return tr("The download stops; the tiles already fetched are kept and Follow again fetches the others. No "
                  "GeoTIFF is made until all of them are there.")


def pixels_estimate(client, source, aoi: "AOI", scale: float, crs: str, bands, asset_type: str = "") -> dict:
    """For the confirmation before a download (in a task): bands, bytes per pixel, grid and uncompressed size."""
    from .pixels import bytes_per_pixel, estimate, make_grid

    params = {"image": source, "asset_type": asset_type}
    expression = resolve(client, params)
    info = client.compute_value(expression)
    band_ids, pixel_bytes = bytes_per_pixel(info if isinstance(info, dict) else {}, split_list(bands))
    bounds = aoi.geometry.bounds
    if crs.upper() != "EPSG:4326" and client.rasters is not None:
        bounds = client.rasters.transform_bounds(bounds, "EPSG:4326", crs)
    grid: "Grid" = make_grid(bounds, scale, crs)
    return {"bands": band_ids, "pixel_bytes": pixel_bytes, "width": grid.width, "height": grid.height,
            "bytes": estimate(grid, pixel_bytes)}


class FeaturesOperation(Operation):
    kind = "features"
    processing_name = "earth_engine_features"

    @property
    def title(self):
        return tr("Earth Engine features as a layer")

    @property
    def help(self):
        return tr("Computes a table or feature collection (an asset id or an expression) page by page "
                  "(table:computeFeatures) and loads its features as a vector layer.")

    def fields(self):
        return [Field("image", tr("Table or feature collection"), FieldKind.TEXT, "", required=True,
                      placeholder=tr("e.g. USDOS/LSIB_SIMPLE/2017")),
                Field("output_dir", tr("Output folder"), FieldKind.FOLDER, required=True)]

    def new_record(self, connection, values):
        params = {"image": source_param(values), "asset_type": values.get("asset_type") or TABLE}
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id, title=layer_name(params))
        record.output_dir = os.path.join(str(values.get("output_dir") or ""), record.id)
        record.params = params
        return record

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        expression = resolve(client, record.params, TABLE)
        features: List[dict] = []
        token = ""
        while True:
            progress.check()
            page, token = client.compute_features(expression, token, progress=progress)
            if not isinstance(page.get("features"), list):
                raise ProtocolError(details="computeFeatures: no features")
            features.extend(page["features"])
            progress.report(0.5 * (1 - 1 / (2 + len(features) / 1000)),
                            tr("{count} features read", count=number(len(features))))
            if not token:
                break
        if not features:
            raise InvalidInput(tr("The table has no features."))
        os.makedirs(record.output_dir, exist_ok=True)
        path = os.path.join(record.output_dir, file_stem(record.title) + ".geojson")
        with open(path + ".part", "w", encoding="utf-8") as handle:
            json.dump({"type": "FeatureCollection", "features": features}, handle)
        os.replace(path + ".part", path)
        record.remote["features"] = len(features)
        return [path]
