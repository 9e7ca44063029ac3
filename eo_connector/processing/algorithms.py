"""Processing algorithms generated from the platforms' operations: each Operation with a `processing_name` becomes
one algorithm (usable in models and in batch mode) whose parameters are the operation's fields.

It runs through the shared job manager, so a run from the toolbox is listed in the dock's Jobs list while it runs
and is remembered like any job; the shared services are created on the GUI thread (prepareAlgorithm), never on a
Processing worker thread. Files results are loaded as layers on the main thread afterwards (postProcessAlgorithm);
items results are written to the output footprints layer.
"""

from typing import Any, Dict, List

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.platform import Field, FieldKind, Operation
from ..providers import registry
from ..qgis_glue import services, settings
from ..qgis_glue.resources import resource_path
from .feedback import FeedbackProgress

CONNECTION = "CONNECTION"
LOAD_LAYERS = "LOAD_LAYERS"
FOLDER = "OUTPUT_FOLDER"
OUTPUT = "OUTPUT"
LAYERS = "LAYERS"


def parameter_name(field: Field) -> str:
    return FOLDER if field.kind == FieldKind.FOLDER else field.name.upper()


def _parameter(field: Field):
    name, label, optional = parameter_name(field), field.label, not field.required
    kind = field.kind
    if kind == FieldKind.AOI:
        return QgsProcessingParameterFeatureSource(name, label, [QgsProcessing.SourceType.TypeVectorPolygon],
                                                   optional=optional)
    if kind == FieldKind.ITEMS:
        return QgsProcessingParameterFeatureSource(name, label, [QgsProcessing.SourceType.TypeVectorAnyGeometry],
                                                   optional=optional)
    if kind in (FieldKind.CHOICE, FieldKind.CHOICES):
        values = field.choice_values()
        several = kind == FieldKind.CHOICES
        chosen = field.default if several else [field.default]
        default = [values.index(v) for v in (chosen or ()) if v in values]
        return QgsProcessingParameterEnum(name, label, [label for _v, label in field.choices], allowMultiple=several,
                                          defaultValue=default if several else (default[0] if default else 0),
                                          optional=optional or several)
    if kind == FieldKind.BOOL:
        return QgsProcessingParameterBoolean(name, label, bool(field.default))
    if kind in (FieldKind.INT, FieldKind.FLOAT):
        number_type = (QgsProcessingParameterNumber.Type.Integer if kind == FieldKind.INT
                       else QgsProcessingParameterNumber.Type.Double)
        parameter = QgsProcessingParameterNumber(name, label, number_type, field.default, optional)
        if field.minimum is not None:
            parameter.setMinimum(field.minimum)
        if field.maximum is not None:
            parameter.setMaximum(field.maximum)
        return parameter
    if kind == FieldKind.FOLDER:
        return QgsProcessingParameterFolderDestination(name, label, optional=optional)
    if kind == FieldKind.FILE:
        return QgsProcessingParameterFile(name, label, optional=optional)
    return QgsProcessingParameterString(name, label, field.default or None, optional=optional)


class OperationAlgorithm(QgsProcessingAlgorithm):
    """One platform operation as a Processing algorithm."""

    def __init__(self, platform_id: str, kind: str):
        super().__init__()
        self.platform_id, self.kind = platform_id, kind
        self._record = None
        self._result = None
        self._load = False

    # -- what QGIS asks
    @property
    def platform(self):
        return registry.get(self.platform_id)

    @property
    def op(self) -> Operation:
        return self.platform.operation(self.kind)

    def createInstance(self):  # noqa: N802 (QGIS's names below)
        return OperationAlgorithm(self.platform_id, self.kind)

    def name(self):
        return self.op.processing_name

    def displayName(self):
        return self.op.title

    def group(self):
        return self.platform.title

    def groupId(self):
        return self.platform_id

    def shortHelpString(self):
        return self.op.help + "\n\n" + tr("Uses a connection saved in the EO Connector panel (its name).")

    def icon(self):
        return QIcon(resource_path("icons", "eo_connector.svg"))

    def initAlgorithm(self, config=None):  # noqa: N802
        # Read the saved names only: building the services here would slow QGIS's start.
        names = [c.name for c in settings.load_connections() if c.platform == self.platform_id]
        self.addParameter(QgsProcessingParameterString(CONNECTION, tr("Connection name"),
                                                       defaultValue=names[0] if names else ""))
        for field in self.op.fields():
            parameter = _parameter(field)
            if field.help:
                parameter.setHelp(field.help)
            if field.advanced:
                parameter.setFlags(parameter.flags() | parameter.Flag.FlagAdvanced)
            self.addParameter(parameter)
        if self.op.output == "items":
            self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Products found"),
                                                                QgsProcessing.SourceType.TypeVectorPolygon))
        else:
            self.addParameter(QgsProcessingParameterBoolean(LOAD_LAYERS, tr("Load the results as layers"), True))
            self.addOutput(QgsProcessingOutputMultipleLayers(LAYERS, tr("Result files")))
        for name, label, _key in self.op.outputs:
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString("JOB_ID", tr("Job id")))

    # -- running
    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (runs on the main thread)
        services.jobs()  # the shared services are built here, on the GUI thread, never in a worker
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            connection = services.connections().get(self.parameterAsString(parameters, CONNECTION, context))
            values = self._values(parameters, context)
            record, result = services.jobs().run_here(connection, self.kind, values, FeedbackProgress(feedback))
        except EOError as err:
            feedback.reportError(err.message, fatalError=True)
            raise QgsProcessingException(err.message) from None
        self._record, self._result = record, result
        answer: Dict[str, Any] = {"JOB_ID": record.id}
        for name, _label, key in self.op.outputs:
            answer[name] = record.remote.get(key)
        if self.op.output == "items":
            answer[OUTPUT] = self._write_items(parameters, context, result or [])
        else:
            self._load = self.parameterAsBool(parameters, LOAD_LAYERS, context)
            answer[LAYERS] = list(result or []) if self.op.output == "files" else []  # live layers: added after
            answer[FOLDER] = record.output_dir
        return answer

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (runs on the main thread)
        if self._record is not None and self._load:
            layers = services.jobs().load_results_of(self._record, self._result)
            feedback.pushInfo(tr("1 layer loaded") if len(layers) == 1
                              else tr("{count} layers loaded", count=len(layers)))
        return {}

    def _values(self, parameters, context) -> Dict[str, Any]:
        from ..qgis_glue.footprints import item_from_feature
        from ..qgis_glue.layer_aoi import aoi_from_features

        values: Dict[str, Any] = {}
        for field in self.op.fields():
            name = parameter_name(field)
            if field.kind in (FieldKind.AOI, FieldKind.ITEMS):
                source = self.parameterAsSource(parameters, name, context)
                if source is None:
                    if field.required:
                        raise QgsProcessingException(tr("The layer of “{label}” cannot be read.", label=field.label))
                    continue
                if field.kind == FieldKind.AOI:
                    values[field.name] = aoi_from_features(source.getFeatures(), source.sourceCrs(),
                                                           source.sourceName())
                else:
                    values[field.name] = [item_from_feature(f) for f in source.getFeatures()]
            elif field.kind == FieldKind.CHOICE:
                options = field.choice_values()
                values[field.name] = options[self.parameterAsEnum(parameters, name, context)] if options else None
            elif field.kind == FieldKind.CHOICES:
                options = field.choice_values()
                values[field.name] = tuple(options[i] for i in self.parameterAsEnums(parameters, name, context))
            elif field.kind == FieldKind.BOOL:
                values[field.name] = self.parameterAsBool(parameters, name, context)
            elif field.kind == FieldKind.INT:
                values[field.name] = self.parameterAsInt(parameters, name, context)
            elif field.kind == FieldKind.FLOAT:
                values[field.name] = self.parameterAsDouble(parameters, name, context)
            elif field.kind == FieldKind.FOLDER:
                values[field.name] = self.parameterAsString(parameters, name, context)
            elif field.kind == FieldKind.FILE:
                values[field.name] = self.parameterAsFile(parameters, name, context)
            else:
                values[field.name] = self.parameterAsString(parameters, name, context)
        return values

    def _write_items(self, parameters, context, items: List) -> str:
        from ..qgis_glue.footprints import footprint_fields, item_features

        fields = footprint_fields(with_assets=True)
        sink, destination = self.parameterAsSink(parameters, OUTPUT, context, fields,
                                                 QgsWkbTypes.parseType("MultiPolygon"), _wgs84())
        if sink is None:
            raise QgsProcessingException(tr("The output layer cannot be written."))
        for feature in item_features(items, fields):
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return destination


def _wgs84():
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem("EPSG:4326")


def generated_algorithms() -> List[OperationAlgorithm]:
    """One algorithm per Processing-enabled operation of every platform."""
    found = []
    for platform in registry.platforms():
        for kind, operation in sorted(platform.operations().items()):
            if operation.processing_name:
                found.append(OperationAlgorithm(platform.id, kind))
    return found
