"""One module or package per platform: its client and its mapping to core models. No qgis or Qt import."""
