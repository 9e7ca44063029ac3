"""EO Connector: Earth-observation platforms in one QGIS dock panel.

QGIS calls classFactory(iface) to load the plugin. The console API is `from eo_connector import api`.
Nothing heavy and nothing remote happens on import.
"""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import EOConnectorPlugin

    return EOConnectorPlugin(iface)
