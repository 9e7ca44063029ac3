"""Plugin settings in QgsSettings (nothing secret here) and the plugin's files in the QGIS profile."""

import json
import os
from typing import List

from qgis.core import QgsApplication, QgsSettings

from ..core.models import Connection

PREFIX = "eo_connector/"


def get(key: str, default=None):
    return QgsSettings().value(PREFIX + key, default)


def set_value(key: str, value):
    QgsSettings().setValue(PREFIX + key, value)


def load_connections() -> List[Connection]:
    raw = get("connections", "[]")
    try:
        return [Connection.from_dict(d) for d in json.loads(raw or "[]")]
    except (TypeError, ValueError):
        return []


def save_connections(connections: List[Connection]):
    set_value("connections", json.dumps([c.to_dict() for c in connections]))


def plugin_data_dir() -> str:
    path = os.path.join(QgsApplication.qgisSettingsDirPath(), "eo_connector")
    os.makedirs(path, exist_ok=True)
    return path


def jobs_file() -> str:
    return os.path.join(plugin_data_dir(), "jobs.json")


def default_output_root() -> str:
    return get("output_root", "") or os.path.join(os.path.expanduser("~"), "EO Connector")
