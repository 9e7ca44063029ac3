"""Fill untranslated messages of a .ts file from a Python dict file {source: translation}.

    .venv/bin/python tests/tools/fill_translations.py i18n/eo_connector_fr.ts my_translations.py

For sessions that add many strings at once; `make translations` keeps what is filled. Placeholders must match.
"""

import re
import runpy
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def main(ts_path: str, dict_path: str) -> int:
    wanted = runpy.run_path(dict_path)["FR"]
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in wanted and translation is not None and translation.get("type") == "unfinished":
            text = wanted[source]
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                raise SystemExit(f"placeholders differ: {source!r} -> {text!r}")
            translation.text = text
            del translation.attrib["type"]
            filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"{filled} translations filled")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
