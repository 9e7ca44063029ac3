"""Every module of the plugin imports on the Python running the tests (3.9 to 3.13); the pure layers (core,
providers) import without QGIS. `make lint` adds the static side (vermin: nothing newer than 3.9)."""

import importlib
import pkgutil
import sys

import pytest

import eo_connector

PURE_PACKAGES = ("eo_connector.core", "eo_connector.providers")


def plugin_modules():
    return sorted(info.name for info in pkgutil.walk_packages(eo_connector.__path__, "eo_connector."))


def test_every_module_imports_and_only_the_qgis_glue_needs_qgis():
    needs_qgis = []
    for name in plugin_modules():
        try:
            importlib.import_module(name)
        except pytest.skip.Exception:  # raised by tests/conftest.py where `import qgis` cannot work
            needs_qgis.append(name)
    assert not [name for name in needs_qgis if name.startswith(PURE_PACKAGES)]
    if "qgis" in sys.modules:
        assert needs_qgis == []


def test_the_pure_layers_are_a_real_part_of_the_plugin():
    pure = [name for name in plugin_modules() if name.startswith(PURE_PACKAGES)]
    assert len(pure) >= 25
