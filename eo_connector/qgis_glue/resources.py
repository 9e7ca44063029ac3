"""Where the plugin's resources are: next to the code in the installed zip, one level up in the source tree."""

import os

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # eo_connector/


def _root(name):
    inside = os.path.join(_PACKAGE, name)
    return inside if os.path.isdir(inside) else os.path.join(os.path.dirname(_PACKAGE), name)


def resource_path(*parts) -> str:
    return os.path.join(_root("resources"), *parts)


def i18n_path(*parts) -> str:
    return os.path.join(_root("i18n"), *parts)



def doc_path(name: str) -> str:
    """A file shipped beside the code in the zip (README.md, metadata.txt), at the root of the source tree otherwise."""
    inside = os.path.join(_PACKAGE, name)
    return inside if os.path.isfile(inside) else os.path.join(os.path.dirname(_PACKAGE), name)
