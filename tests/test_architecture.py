"""The shape of the house (DESIGN.md): imports go down the layers, shared code never names a platform, the pure
layers import no QGIS or Qt, no module grows past 400 lines, and no import cycle."""

import ast
import os
import re
from typing import Dict, List, Set

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "eo_connector")
# Top first: a module may import its own layer and the ones below it, never one above.
LAYERS = ("plugin", "gui", "processing", "api", "qgis_glue", "providers", "core")
MAX_LINES = 400


def modules() -> Dict[str, str]:
    """module name -> path, for every .py file of the plugin."""
    found = {}
    for folder, _dirs, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
                found[rel[: -len(".__init__")] if rel.endswith(".__init__") else rel] = path
    return found


def layer_of(module: str) -> int:
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "plugin"  # eo_connector/__init__.py wires the plugin
    return LAYERS.index(name)


def imports(module: str, path: str, top_level_only: bool = False) -> Set[str]:
    """The eo_connector modules `module` imports (relative imports resolved)."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    is_package = path.endswith("__init__.py")
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("eo_connector")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("eo_connector"):
                continue
            found.add(target)
            for alias in node.names:  # "from . import settings" imports a module
                found.add(f"{target}.{alias.name}")
    known = modules()
    return {name for name in found if name in known}


def test_imports_only_go_down_the_layers():
    wrong = []
    for module, path in modules().items():
        for target in imports(module, path):
            if layer_of(target) < layer_of(module):
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_import_cycle_at_module_level():
    graph = {module: imports(module, path, top_level_only=True) for module, path in modules().items()}
    visiting: List[str] = []
    done: Set[str] = set()
    cycles = []

    def visit(module):
        if module in done:
            return
        if module in visiting:
            cycles.append(visiting[visiting.index(module):] + [module])
            return
        visiting.append(module)
        for target in sorted(graph.get(module, ())):
            if target != module and not module.startswith(target + "."):  # a package's own __init__
                visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
    assert cycles == []


def platform_ids() -> List[str]:
    providers = os.path.join(PACKAGE, "providers")
    return sorted(name for name in os.listdir(providers)
                  if os.path.isfile(os.path.join(providers, name, "platform.py")))


def test_shared_modules_never_name_a_platform():
    """A platform is named only in its own modules: providers/<id>/ and gui/platforms/<id>*.py. An id that is also
    the name of a standard ("stac": the plain STAC API platform) is matched as the lower-case identifier only, so the
    shared modules may still say "STAC" (the one item model is STAC-like)."""
    ids = platform_ids()
    assert len(ids) >= 2
    standards = {"stac"}
    names = [p for p in ids if p not in standards]
    words = re.compile("|".join(names), re.IGNORECASE)
    identifiers = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(standards & set(ids))) + r")(?![A-Za-z])")
    offenders = []
    for module, path in modules().items():
        own = [p for p in ids if module.startswith((f"eo_connector.providers.{p}", f"eo_connector.gui.platforms.{p}"))]
        if own:
            continue
        for number, line in enumerate(open(path, encoding="utf-8"), start=1):
            if words.search(line) or identifiers.search(line):
                offenders.append(f"{os.path.relpath(path, ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_pure_layers_import_no_qgis_or_qt():
    offenders = []
    pattern = re.compile(r"^\s*(from|import)\s+(qgis|PyQt5|PyQt6|osgeo)\b")
    for module, path in modules().items():
        if layer_of(module) >= LAYERS.index("providers"):
            for number, line in enumerate(open(path, encoding="utf-8"), start=1):
                if pattern.match(line):
                    offenders.append(f"{module}:{number}: {line.strip()}")
    assert offenders == []


def test_no_module_is_over_400_lines():
    long = {}
    for module, path in modules().items():
        with open(path, encoding="utf-8") as handle:
            count = sum(1 for _ in handle)
        if count > MAX_LINES:
            long[module] = count
    assert long == {}
