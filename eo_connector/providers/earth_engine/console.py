"""The Earth Engine names of the Python console (eo_connector.api):

    ee_session = api.earth_engine("My EE")                 # default: the first Earth Engine connection
    ee = ee_session.ee                                     # earthengine-api, ready to build expressions
    ee_session.evaluate(ee.Number(5).add(3))               # value:compute with this connection's token -> 8
    ee_session.add_layer(ee.Image("USGS/SRTMGL1_003"), {"min": 0, "max": 3000, "palette": ["000000", "ffffff"]})
    ee_session.list_assets()                               # the Cloud project's root (or a folder, users/…)
    job = ee_session.download_pixels("USGS/SRTMGL1_003", api.aoi_from_layer(), scale=30, crs="EPSG:32632")
    job = ee_session.export(image, "drive", "ee_exports", aoi=aoi, scale=30)

Remote calls run as QGIS tasks while QGIS keeps responding; long ones are jobs (listed in the dock's Jobs).
"""

from typing import Any, Dict, List, Optional

from ...core.models import Connection
from .expressions import split_list, to_expression


def vis_values(vis: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """Map.addLayer's visualisation parameters as the layer operation's fields."""
    vis = dict(vis or {})
    values = {}
    for name in ("bands", "palette"):
        if vis.get(name):
            values[name] = ",".join(split_list(vis[name]))
    for name in ("min", "max", "gamma"):
        if vis.get(name) is not None:
            values[name] = vis[name][0] if isinstance(vis[name], (list, tuple)) else vis[name]
    return values


class EarthEngineSession:
    """One connection's Earth Engine session: its own token and Cloud project, no global state."""

    def __init__(self, runtime, connection: Connection):
        self.runtime, self.connection = runtime, connection

    def __repr__(self):
        return f"<EarthEngineSession {self.connection.name!r} project {self.connection.options.get('project')!r}>"

    def _call(self, description: str, call):
        return self.runtime.call(self.connection, description, call)

    @property
    def ee(self):
        """earthengine-api, ready to build expressions (its algorithm table loaded once, through this session)."""
        from .expressions import load_ee

        return self._call("Loading earthengine-api", lambda client: load_ee(client.algorithms))

    def evaluate(self, expression) -> Any:
        """The value of an ee object, an expression (JSON) or Python code using `ee` (value:compute)."""
        return self._call("Earth Engine evaluate", lambda client: client.compute_value(
            to_expression(expression, client.algorithms)))

    def add_layer(self, image, vis_params: Optional[Dict[str, Any]] = None, name: str = ""):
        """A live map layer of an image or collection (ee objects accepted, as Map.addLayer); returns the layer."""
        values = dict(vis_values(vis_params), image=image, name=name)
        return self.runtime.start(self.connection, "layer", values).wait()[0]

    def list_assets(self, parent: Optional[str] = None) -> List[dict]:
        """Every asset of a folder, collection or root (default: the Cloud project's), all pages."""
        from .assets import legacy_root, list_folder, project_root

        folder = parent or project_root(self.connection.options.get("project", ""))
        if folder.startswith("users/"):
            folder = legacy_root(folder)

        def listing(client):
            found, token = [], ""
            while True:
                items, token = list_folder(client, folder, token)
                found += [{"id": i.id, "type": i.properties["type"], "name": i.properties["name"]} for i in items]
                if not token:
                    return found

        return self._call("Earth Engine assets", listing)

    def download_pixels(self, image, aoi, scale: float = 30.0, crs: str = "EPSG:4326", bands=None,
                        output_dir: Optional[str] = None):
        """Pixels over the AOI as one Cloud-Optimised GeoTIFF (a job; .wait() returns its layer)."""
        values = {"image": image, "aoi": aoi, "scale": scale, "crs": crs, "bands": ",".join(split_list(bands))}
        if output_dir:
            values["output_dir"] = output_dir
        return self.runtime.start(self.connection, "pixels", values)

    def features(self, table, output_dir: Optional[str] = None):
        """A table or feature collection as a vector layer (a job)."""
        values = {"image": table}
        if output_dir:
            values["output_dir"] = output_dir
        return self.runtime.start(self.connection, "features", values)

    def export(self, image, destination: str = "drive", target: str = "", *, aoi=None, scale: float = 30.0,
               description: str = "", what: str = "IMAGE"):
        """An export to "drive" (a folder), "cloud_storage" (a bucket) or "asset" (an asset id), followed as a job;
        cancelling the job cancels the Earth Engine task."""
        return self.runtime.start(self.connection, "export", {
            "image": image, "destination": destination, "target": target, "aoi": aoi, "scale": scale,
            "description": description, "what": what.upper()})

    def tasks(self) -> list:
        """The account's Earth Engine tasks not finished yet: (operation name, description, state)."""
        from .exports import running_tasks

        return self._call("Earth Engine tasks", running_tasks)

    def follow_tasks(self) -> list:
        """Every running task of the account followed in the Jobs list (cancel there cancels it)."""
        return [self.runtime.start(self.connection, "task", {"operation": name, "description": description})
                for name, description, _state in self.tasks()]


def console_functions(platform, runtime) -> dict:
    def add_earth_engine_connection(name: str, project: str = "", *, credentials_file: Optional[str] = None,
                                    key_file: Optional[str] = None, sepal_url: Optional[str] = None,
                                    username: str = "", password: Optional[str] = None, browser: bool = False,
                                    url: str = "", **options) -> Connection:
        """Save an Earth Engine connection and sign in: with the credentials of `earthengine authenticate`
        (credentials_file, default ~/.config/earthengine/credentials), browser=True, a service-account key_file,
        or a SEPAL account (sepal_url, username, password). The Cloud project is checked; nothing is saved when the
        sign-in fails."""
        from .platform import BROWSER, CREDENTIALS, SEPAL, SERVICE_ACCOUNT, default_credentials_file

        method = SEPAL if sepal_url else SERVICE_ACCOUNT if key_file else BROWSER if browser else CREDENTIALS
        values = dict(options, sign_in=method, project=project)
        if method == CREDENTIALS:
            values["credentials_file"] = credentials_file or default_credentials_file()
        elif method == SERVICE_ACCOUNT:
            values["key_file"] = key_file
        elif method == SEPAL:
            values.update(sepal_url=sepal_url, username=username, password=password)
        if url:
            values["url"] = url
        connection = platform.connection_from_form(name, values)
        credentials = {"password": password} if password else {"sign_in": method}
        return runtime.add_connection(connection, credentials, browser=method == BROWSER)

    def earth_engine(connection=None) -> EarthEngineSession:
        """The Earth Engine session of a connection (default: the first Earth Engine connection saved)."""
        return EarthEngineSession(runtime, runtime.connection(connection, platform.id))

    return {"add_earth_engine_connection": add_earth_engine_connection, "earth_engine": earth_engine,
            "EarthEngineSession": EarthEngineSession}
