"""Pure-Python core of EO Connector: no qgis or Qt import here, so it is reused by the dock,
Processing and the console alike and is tested without QGIS."""
