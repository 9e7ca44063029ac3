"""The download/urls answer: a nested dict mirroring the storage tree, or one zip. Flattened to
relative paths here; paths are checked for safety by the downloader before anything is written."""

from typing import Dict

from ...core.errors import ProtocolError
from ...core.i18n import tr

CONTINUATION_KEY = "NextContinuationToken"


def flatten_url_tree(tree: dict, prefix: str = "") -> Dict[str, str]:
    """{"0": {"EXPORT": {"building": {"shapefile": {"building.shp": url}}}}} -> {"0/EXPORT/.../building.shp": url}."""
    files = {}
    for key, value in tree.items():
        if not prefix and key == CONTINUATION_KEY:
            continue
        path = f"{prefix}/{key}" if prefix else key
        if isinstance(value, str):
            files[path] = value
        elif isinstance(value, dict):
            files.update(flatten_url_tree(value, path))
        else:
            raise ProtocolError(tr("The server sent an unexpected list of result files."), details=f"entry {path!r}")
    return files


def is_single_zip(files: Dict[str, str]) -> bool:
    return len(files) == 1 and next(iter(files)).lower().endswith(".zip") and "/" not in next(iter(files))
