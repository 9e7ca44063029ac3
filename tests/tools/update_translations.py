"""Refresh i18n/*.ts from the code: every tr("literal") in eo_connector/ (context EOConnector) and every string of
the Qt Designer files in resources/ui/ (context = the form's class). Existing translations are kept; new strings are
added as unfinished; strings no longer in the code are dropped. `make translations` runs this, then lrelease.
"""

import ast
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGES = ("fr",)
CODE_CONTEXT = "EOConnector"


def code_strings():
    found = {}
    for folder, _dirs, files in os.walk(os.path.join(ROOT, "eo_connector")):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            tree = ast.parse(open(path, encoding="utf-8").read(), path)
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "tr"
                        and node.args and isinstance(node.args[0], ast.Constant)
                        and isinstance(node.args[0].value, str)):
                    found.setdefault((CODE_CONTEXT, node.args[0].value), os.path.relpath(path, ROOT))
    return found


def ui_strings():
    found = {}
    folder = os.path.join(ROOT, "resources", "ui")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".ui"):
            continue
        tree = ET.parse(os.path.join(folder, name))
        context = tree.getroot().findtext("class") or name[:-3]
        for element in tree.iter("string"):
            if element.text and element.get("notr") != "true" and element.text.strip():
                found.setdefault((context, element.text), f"resources/ui/{name}")
    return found


def update(language, strings):
    path = os.path.join(ROOT, "i18n", f"eo_connector_{language}.ts")
    known = {}
    if os.path.exists(path):
        for context in ET.parse(path).getroot().iter("context"):
            context_name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation.get("type") != "unfinished":
                    known[(context_name, message.findtext("source"))] = translation.text or ""
    root = ET.Element("TS", version="2.1", language=language)
    by_context = {}
    for key in sorted(strings):
        by_context.setdefault(key[0], []).append(key)
    missing = 0
    for context_name, keys in sorted(by_context.items()):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for key in keys:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "location", filename=strings[key])
            ET.SubElement(message, "source").text = key[1]
            text = known.get(key, "")
            translation = ET.SubElement(message, "translation")
            translation.text = text or None
            if not text:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(root, encoding="utf-8"))
        f.write(b"\n")
    return path, len(strings), missing


def main():
    strings = {**code_strings(), **ui_strings()}
    for language in LANGUAGES:
        path, total, missing = update(language, strings)
        print(f"{os.path.relpath(path, ROOT)}: {total} strings, {missing} without translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
