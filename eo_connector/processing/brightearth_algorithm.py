"""Processing algorithm: run a BrightEarth extraction scenario over the features of a polygon layer.

Same operation as the dock (providers.brightearth.workflow.run_scenario); the job is recorded in the shared job list
so it shows in the dock and can be followed again if QGIS closes. Results are loaded on the main thread afterwards.
"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.models import JobState
from ..providers.brightearth import PLATFORM
from ..providers.brightearth.options import (
    OUTPUT_CRS,
    RASTER_FORMATS,
    SCENARIO_TYPES,
    THREE_D_FORMATS,
    VECTOR_FORMATS,
    ScenarioOptions,
)
from ..providers.brightearth.workflow import new_scenario_record, run_scenario
from ..qgis_glue import services, settings
from ..qgis_glue.layer_aoi import aoi_from_features
from ..qgis_glue.layers import load_results
from .feedback import FeedbackProgress


class BrightEarthScenarioAlgorithm(QgsProcessingAlgorithm):
    def __init__(self):
        super().__init__()
        self._record = None

    def createInstance(self):  # noqa: N802 (QGIS's names below)
        return BrightEarthScenarioAlgorithm()

    def name(self):
        return "brightearth_scenario"

    def displayName(self):
        return tr("BrightEarth extraction scenario")

    def group(self):
        return tr("BrightEarth On Demand")

    def groupId(self):
        return "brightearth"

    def shortHelpString(self):
        return tr("Sends the polygons of the input layer (selected features if you tick the box) as the area of "
                  "interest to BrightEarth On Demand, runs an extraction scenario (buildings, trees, roads, clutter, "
                  "DTM), downloads the results and loads them as layers. Uses a connection saved in the EO Connector "
                  "panel. Credits are consumed on your account.")

    def initAlgorithm(self, config=None):  # noqa: N802
        # Read the saved names only: building the services here would slow QGIS's start.
        names = [c.name for c in settings.load_connections() if c.platform == PLATFORM]
        self.addParameter(QgsProcessingParameterString("CONNECTION", tr("Connection name"),
                                                       defaultValue=names[0] if names else ""))
        self.addParameter(QgsProcessingParameterFeatureSource("AOI", tr("Area of interest (polygons)"),
                                                              [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString("NAME", tr("Scenario name")))
        self.addParameter(QgsProcessingParameterEnum("SCENARIO_TYPE", tr("Scenario type"), list(SCENARIO_TYPES),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("SOURCE_IMAGE_ID", tr("Basemap id (1 = ESRI)"),
                                                       QgsProcessingParameterNumber.Type.Integer, 1, minValue=1))
        self.addParameter(QgsProcessingParameterBoolean("AUGMENTED", tr("Augmented buildings"), False))
        self.addParameter(QgsProcessingParameterEnum("OUTPUT_CRS", tr("Output CRS"),
                                                     [f"EPSG:{code}" for code in OUTPUT_CRS], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum("VECTOR_FORMATS", tr("Vector formats"), list(VECTOR_FORMATS),
                                                     allowMultiple=True, defaultValue=[0, 1], optional=True))
        self.addParameter(QgsProcessingParameterEnum("RASTER_FORMATS", tr("Raster formats"), list(RASTER_FORMATS),
                                                     allowMultiple=True, defaultValue=[0], optional=True))
        self.addParameter(QgsProcessingParameterEnum("THREE_D_FORMATS", tr("3D formats"), list(THREE_D_FORMATS),
                                                     allowMultiple=True, defaultValue=[0], optional=True))
        self.addParameter(QgsProcessingParameterString("DL_MODELS", tr("Deep-learning models (comma separated, "
                                                                       "empty = default)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber("PROJECT_ID", tr("Existing project id (0 = new project)"),
                                                       QgsProcessingParameterNumber.Type.Integer, 0, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean("LOAD_LAYERS", tr("Load the results as layers"), True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", tr("Result layers")))
        self.addOutput(QgsProcessingOutputNumber("CREDITS", tr("Credits left")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            connection = services.connections().get(self.parameterAsString(parameters, "CONNECTION", context))
            source = self.parameterAsSource(parameters, "AOI", context)
            if source is None:
                raise QgsProcessingException(tr("The area of interest layer cannot be read."))
            aoi = aoi_from_features(source.getFeatures(), source.sourceCrs(), source.sourceName())
            options = ScenarioOptions(
                name=self.parameterAsString(parameters, "NAME", context),
                scenario_type=SCENARIO_TYPES[self.parameterAsEnum(parameters, "SCENARIO_TYPE", context)],
                source_image_id=self.parameterAsInt(parameters, "SOURCE_IMAGE_ID", context),
                augmented=self.parameterAsBool(parameters, "AUGMENTED", context),
                output_crs=OUTPUT_CRS[self.parameterAsEnum(parameters, "OUTPUT_CRS", context)],
                vector_formats=self._choices(parameters, "VECTOR_FORMATS", VECTOR_FORMATS, context),
                raster_formats=self._choices(parameters, "RASTER_FORMATS", RASTER_FORMATS, context),
                three_d_formats=self._choices(parameters, "THREE_D_FORMATS", THREE_D_FORMATS, context),
                dl_models=[m.strip() for m in self.parameterAsString(parameters, "DL_MODELS", context).split(",")
                           if m.strip()],
            )
            folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
            project_id = self.parameterAsInt(parameters, "PROJECT_ID", context) or None
            store = services.jobs().store
            record = new_scenario_record(connection.id, aoi, options, folder, project_id=project_id)
            record.state = JobState.RUNNING
            store.save(record)
            self._record = record
            client = services.connections().client(connection)
            try:
                run_scenario(client, record, FeedbackProgress(feedback), on_change=store.save)
            except EOError as err:
                record.state, record.error = JobState.FAILED, err.message
                store.save(record)
                raise
            record.state, record.progress = JobState.SUCCEEDED, 1.0
            store.save(record)
        except EOError as err:
            feedback.reportError(err.message, fatalError=True)
            raise QgsProcessingException(err.message) from None
        self._load = self.parameterAsBool(parameters, "LOAD_LAYERS", context)
        return {"OUTPUT_FOLDER": record.output_dir, "LAYERS": list(record.outputs),
                "CREDITS": record.remote.get("credits_after")}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (runs on the main thread)
        record = self._record
        if record is not None and getattr(self, "_load", False):
            layers = load_results(record.outputs, record.title, root_dir=record.output_dir, job_id=record.id,
                                  platform=record.platform)
            feedback.pushInfo(tr("{count} layers loaded", count=len(layers)))
        return {}

    def _choices(self, parameters, name, values, context):
        return tuple(values[i] for i in self.parameterAsEnums(parameters, name, context))
