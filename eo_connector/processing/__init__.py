"""QGIS Processing provider: the dock's operations as scriptable algorithms (processing.run, models, batch)."""
