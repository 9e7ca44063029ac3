"""The EO Connector Processing provider."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..qgis_glue.resources import resource_path
from .brightearth_algorithm import BrightEarthScenarioAlgorithm


class EOConnectorProvider(QgsProcessingProvider):
    def id(self):
        return "eo_connector"

    def name(self):
        return "EO Connector"

    def icon(self):
        return QIcon(resource_path("icons", "eo_connector.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS's name)
        self.addAlgorithm(BrightEarthScenarioAlgorithm())
