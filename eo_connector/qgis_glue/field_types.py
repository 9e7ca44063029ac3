"""Attribute types for QgsField that suit the running QGIS, from 3.22 to 4.x.

QGIS 3.38 deprecated QgsField(name, QVariant.Type) for QgsField(name, QMetaType.Type), and QGIS 4 (Qt6) keeps only
the QMetaType form; QGIS before 3.38 accepts only the QVariant one. The QVariant names are spelled unscoped
(`QVariant.String`): that is the spelling QGIS's own Qt6 migration script (pyqt5to6) leaves as it is, and it is
only read on a QGIS older than 3.38, always Qt5.
"""

from qgis.core import Qgis
from qgis.PyQt.QtCore import QMetaType, QVariant

# First QGIS whose QgsField takes a QMetaType.Type.
METATYPE_SINCE = 33800


def field_types(qgis_version: int = Qgis.QGIS_VERSION_INT) -> dict:
    """{"string", "int", "long_long", "double", "date_time"} -> the type QgsField accepts on that QGIS."""
    if qgis_version >= METATYPE_SINCE:
        return {"string": QMetaType.Type.QString, "int": QMetaType.Type.Int, "long_long": QMetaType.Type.LongLong,
                "double": QMetaType.Type.Double, "date_time": QMetaType.Type.QDateTime}
    return {"string": QVariant.String, "int": QVariant.Int, "long_long": QVariant.LongLong,
            "double": QVariant.Double, "date_time": QVariant.DateTime}


_TYPES = field_types()
STRING = _TYPES["string"]
INT = _TYPES["int"]
LONG_LONG = _TYPES["long_long"]
DOUBLE = _TYPES["double"]
DATE_TIME = _TYPES["date_time"]
