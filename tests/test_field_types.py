"""QgsField types that suit the running QGIS: QVariant.Type before 3.38, QMetaType.Type from 3.38 on (deprecated
QVariant form) and on QGIS 4, where the QVariant form is gone."""

import warnings

from qgis.core import QgsField
from qgis.PyQt.QtCore import QMetaType, QVariant

from eo_connector.qgis_glue import field_types
from eo_connector.qgis_glue.footprints import footprint_fields

NAMES = ("string", "int", "long_long", "double", "date_time")


def test_each_qgis_gets_the_form_it_accepts():
    before = field_types.field_types(33600)
    since = field_types.field_types(33800)
    assert set(before) == set(since) == set(NAMES)
    assert before["string"] == QVariant.String and before["date_time"] == QVariant.DateTime
    assert since["string"] == QMetaType.Type.QString and since["date_time"] == QMetaType.Type.QDateTime
    assert since["long_long"] == QMetaType.Type.LongLong and since["double"] == QMetaType.Type.Double
    # both enums number the types alike, so a field keeps its type whichever form built it
    assert [int(before[n]) for n in NAMES] == [int(since[n]) for n in NAMES]
    assert field_types.field_types(40000) == since


def test_the_running_qgis_builds_its_fields_without_deprecation():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # QGIS 3.38+ warns on QgsField(name, QVariant.Type)
        fields = [QgsField(name, getattr(field_types, name.upper())) for name in NAMES]
        footprints = footprint_fields()
    assert [int(f.type()) for f in fields] == [int(QVariant.String), int(QVariant.Int), int(QVariant.LongLong),
                                               int(QVariant.Double), int(QVariant.DateTime)]
    assert [int(footprints.field(n).type()) for n in ("id", "date", "cloud", "orbit", "size")] == \
        [int(QVariant.String), int(QVariant.DateTime), int(QVariant.Double), int(QVariant.Int), int(QVariant.LongLong)]
