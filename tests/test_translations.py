"""Every user-visible string has a French translation that keeps its {placeholders}, and the plugin's
translator really turns them into French."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.tools.update_translations import code_strings, ui_strings

TS = Path(__file__).resolve().parent.parent / "i18n" / "eo_connector_fr.ts"


def messages():
    tree = ET.parse(TS)
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            yield context.findtext("name"), message.findtext("source"), translation


def test_every_string_in_the_code_is_in_the_ts_file():
    known = {(context, source) for context, source, _t in messages()}
    missing = set(code_strings()) | set(ui_strings())
    assert not sorted(missing - known), "run make translations"


def test_every_string_is_translated_and_keeps_its_placeholders():
    untranslated, broken = [], []
    for _context, source, translation in messages():
        if translation.get("type") == "obsolete":
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            untranslated.append(source)
        elif sorted(re.findall(r"\{(\w+)\}", source)) != sorted(re.findall(r"\{(\w+)\}", translation.text)):
            broken.append(source)
    assert not untranslated, f"{len(untranslated)} strings without translation, e.g. {untranslated[:3]}"
    assert not broken, f"placeholders changed in {broken[:3]}"


def test_the_compiled_translation_is_used(qgis_app, tmp_path):
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from eo_connector.core import errors, i18n

    qm = tmp_path / "fr.qm"
    subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    i18n.set_translator(QCoreApplication.translate)
    try:
        english = "The disk is full: free some space or choose another output folder, then resume."
        assert str(errors.DiskFull()) not in ("", english)
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.set_translator(None)
    assert str(errors.DiskFull()) == english
