"""The BrightEarth names of the Python console (eo_connector.api): add_brightearth_connection, run_brightearth, me.

`runtime` is the console's runtime (eo_connector.api): it finds connections, signs in and starts jobs in QGIS tasks
while QGIS keeps responding.
"""

from typing import Optional

from ...core.models import Connection
from . import DEFAULT_URL


def console_functions(platform, runtime) -> dict:
    def add_brightearth_connection(name: str, email: str, password: Optional[str] = None, url: str = DEFAULT_URL
                                   ) -> Connection:
        """Save a BrightEarth connection; with a password, sign in first (kept in memory for this session only):
        a connection whose sign-in fails is not saved."""
        connection = Connection(platform.id, name, url.rstrip("/"), email)
        return runtime.add_connection(connection, {"password": password} if password else None)

    def run_brightearth(aoi, name: str, *, connection=None, output_dir: Optional[str] = None,
                        project_id: Optional[int] = None, **options):
        """Start a BrightEarth extraction over `aoi` in the background and return its Job.

        options: scenario_type, source_image_type, source_image_id, augmented, output_crs (3857 or 4326),
        vector_formats, raster_formats, three_d_formats (tuples or comma strings), dl_models (list)."""
        values = dict(options, aoi=aoi, name=name, project_id=project_id or 0,
                      output_dir=output_dir or runtime.default_output_dir())
        return runtime.start(runtime.connection(connection, platform.id), "scenario", values)

    def me(connection=None) -> dict:
        """Your BrightEarth account, including the credit balance."""
        return runtime.sign_in(runtime.connection(connection, platform.id))

    return {"add_brightearth_connection": add_brightearth_connection, "run_brightearth": run_brightearth, "me": me}
