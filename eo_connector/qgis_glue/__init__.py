"""The QGIS glue: what ties the pure layers (core, providers) to QGIS. Tasks (QgsTask adapters), the job manager,
saved connections and settings, map layers and footprints, the AOI from layers, QGIS's proxy and authentication
database, the plugin's resources and Python dependencies. Imports core and providers; never gui or processing."""
