"""The EO Connector Processing provider: one algorithm per Processing-enabled operation of every platform
(processing/algorithms.py), refreshed when a platform is registered or removed."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..providers import registry
from ..qgis_glue.resources import resource_path


class EOConnectorProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        registry.on_change(self.refreshAlgorithms)

    def unload(self):
        registry.remove_listener(self.refreshAlgorithms)
        super().unload()

    def id(self):
        return "eo_connector"

    def name(self):
        return "EO Connector"

    def icon(self):
        return QIcon(resource_path("icons", "eo_connector.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS's name)
        from .algorithms import generated_algorithms

        for algorithm in generated_algorithms():
            self.addAlgorithm(algorithm)
