"""Earth Engine expressions (the Cloud API's serialised graphs, protocols/earth-engine_rest.md B.4).

Most of what the dock does needs no library at all: an asset id is `Image.load`, a collection is its mosaic, a
table is `Collection.loadTable`, and visualisation wraps any expression in `Image.visualize`, all written here as
plain JSON; so a live layer saved in a project is renewed from its JSON alone. earthengine-api (`ee`) is imported
only for what the user writes with it (ee.Image objects in the console, Python expressions): its algorithm table
is loaded once per process through a session (never through ee.Initialize's own credentials or network), and
`ee.serializer.encode` does the rest.
"""

import copy
import importlib.util
import json
import threading
from typing import Any, Dict, List, Optional

from ...core.errors import InvalidInput, MissingDependency
from ...core.i18n import tr
from ...core.log import get_logger

log = get_logger("earth_engine.expressions")

_ee_lock = threading.Lock()
_ee_ready = False
IMAGE, IMAGE_COLLECTION, TABLE = "IMAGE", "IMAGE_COLLECTION", "TABLE"


def has_ee() -> bool:
    """earthengine-api is installed (found without importing it)."""
    try:
        return importlib.util.find_spec("ee") is not None
    except (ImportError, ValueError):
        return False


def constant(value) -> dict:
    return {"constantValue": value}


def invocation(function: str, **arguments) -> dict:
    return {"functionInvocationValue": {"functionName": function, "arguments": arguments}}


def single(value: dict) -> dict:
    return {"result": "0", "values": {"0": value}}


def asset_expression(asset_id: str, kind: str = IMAGE) -> dict:
    """An asset as an expression: an image, a collection's mosaic (what a map shows of it) or a table."""
    asset_id = asset_id.strip()
    if kind == TABLE:
        return single(invocation("Collection.loadTable", tableId=constant(asset_id)))
    if kind == IMAGE_COLLECTION:
        return single(invocation("ImageCollection.mosaic",
                                 collection=invocation("ImageCollection.load", id=constant(asset_id))))
    return single(invocation("Image.load", id=constant(asset_id)))


def wrap(expression: dict, function: str, argument: str, **arguments) -> dict:
    """`function(argument=<expression>, **arguments)`: the expression's values are kept (their keys unchanged)
    and the new call becomes the result."""
    values = copy.deepcopy(expression.get("values") or {})
    result = str(expression.get("result"))
    key = str(max([int(k) for k in values if str(k).isdigit()] + [-1]) + 1)
    values[key] = invocation(function, **{argument: {"valueReference": result}}, **arguments)
    return {"result": key, "values": values}


def select_bands(expression: dict, bands: List[str]) -> dict:
    return wrap(expression, "Image.select", "input", bandSelectors=constant(list(bands))) if bands else expression


def visualize(expression: dict, vis: Dict[str, Any]) -> dict:
    """Image.visualize with bands, min, max, palette, gamma (as Image.getMapId folds them in)."""
    arguments = {}
    for name in ("bands", "min", "max", "palette", "gamma", "opacity"):
        value = vis.get(name)
        if value in (None, "", [], ()):
            continue
        arguments[name] = constant(list(value) if isinstance(value, (list, tuple)) else value)
    return wrap(expression, "Image.visualize", "image", **arguments)


def parse_vis(bands="", minimum=None, maximum=None, palette="", gamma=None) -> Dict[str, Any]:
    """Visualisation parameters from what a form gives (comma-separated bands and palette, numbers, a gamma)."""
    vis: Dict[str, Any] = {}
    band_list = split_list(bands)
    if band_list:
        if len(band_list) not in (1, 3):
            raise InvalidInput(tr("Show one band (with a palette) or three bands (red, green, blue), not {count}.",
                                  count=len(band_list)))
        vis["bands"] = band_list
    if minimum not in (None, "") and maximum not in (None, ""):
        if float(minimum) >= float(maximum):
            raise InvalidInput(tr("The minimum of the stretch must be below its maximum."))
    for name, value in (("min", minimum), ("max", maximum), ("gamma", gamma)):
        if value not in (None, ""):
            vis[name] = float(value)
    colours = [c.lstrip("#") for c in split_list(palette)]
    if colours:
        if vis.get("bands") and len(vis["bands"]) == 3:
            raise InvalidInput(tr("A palette colours one band; choose one band or no palette."))
        vis["palette"] = colours
    return vis


def split_list(value) -> List[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").replace(";", ",").split(",") if part.strip()]


# -- earthengine-api, for what users write with it
def load_ee(fetch_algorithms):
    """The `ee` module, ready to build and serialise expressions. The first call in the process loads the
    algorithm table with `fetch_algorithms()` (a session's GET …/algorithms); ee keeps no credentials of ours."""
    global _ee_ready
    if not has_ee():
        raise MissingDependency(tr("This needs the Python package earthengine-api: install it from the Earth "
                                   "Engine panel (or with pip), then restart QGIS."))
    import ee

    with _ee_lock:
        if not _ee_ready:
            table = fetch_algorithms()
            from ee import _cloud_api_utils, deprecation

            converted = _cloud_api_utils.convert_algorithms(table)
            ee.data.getAlgorithms = lambda: converted  # the table we fetched, not a call of ee's own
            ee.data._install_cloud_api_resource = lambda: None  # no discovery document: ee makes no REST call
            deprecation._FetchDataCatalogStac = lambda: {}  # no catalogue fetch at initialisation
            ee.Initialize(None, "", project="eo-connector")
            _ee_ready = True
            log.info("earthengine-api %s ready (%d algorithms)", getattr(ee, "__version__", "?"), len(converted))
    return ee


def ee_ready() -> bool:
    return _ee_ready


def is_ee_object(value) -> bool:
    """An ee.ComputedObject (ee.Image, ee.Number…), recognised without importing ee."""
    return any(cls.__name__ == "ComputedObject" and cls.__module__.startswith("ee")
               for cls in type(value).__mro__)


def encode(value) -> dict:
    import ee

    return ee.serializer.encode(value, for_cloud_api=True)


def to_expression(value, fetch_algorithms=None, kind: str = IMAGE) -> dict:
    """An expression from what the user gave: an ee object, an expression (dict or its JSON text), an asset id,
    or Python code using `ee` (e.g. "ee.Image('USGS/SRTMGL1_003').select('elevation')")."""
    if isinstance(value, dict):
        if "result" in value and "values" in value:
            return value
        raise InvalidInput(tr("This is not an Earth Engine expression."))
    if is_ee_object(value):
        return encode(value)
    text = str(value or "").strip()
    if not text:
        raise InvalidInput(tr("Give an Earth Engine asset id or an expression."))
    if text.startswith("{"):
        try:
            return to_expression(json.loads(text))
        except ValueError:
            raise InvalidInput(tr("The expression is not valid JSON.")) from None
    if "(" not in text and " " not in text:
        return asset_expression(text, kind)
    if fetch_algorithms is None:
        raise InvalidInput(tr("Python expressions need a connection to Earth Engine."))
    ee = load_ee(fetch_algorithms)
    try:
        built = eval(compile(text, "<expression>", "eval"), {"__builtins__": {}, "ee": ee})  # noqa: S307 (the user's own code)
    except Exception as err:  # the user's code: its error in words, never a traceback
        raise InvalidInput(tr("The expression could not be built: {error}", error=f"{type(err).__name__}: {err}")) from None
    if not is_ee_object(built):
        raise InvalidInput(tr("The expression must give an Earth Engine object (e.g. an ee.Image)."))
    return encode(built)


def describe(expression: dict) -> Optional[str]:
    """The asset id an expression loads, when it is a plain asset (for layer names), else None."""
    try:
        node = expression["values"][str(expression["result"])]["functionInvocationValue"]
        while node["functionName"] in ("ImageCollection.mosaic", "Image.visualize", "Image.select"):
            inner = next(node["arguments"][name] for name in ("image", "input", "collection")
                         if name in node["arguments"])
            key = inner.get("valueReference")
            node = (expression["values"][key] if key else inner)["functionInvocationValue"]
        arguments = node["arguments"]
        return (arguments.get("id") or arguments.get("tableId"))["constantValue"]
    except (KeyError, TypeError, StopIteration, AttributeError):
        return None
