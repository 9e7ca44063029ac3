"""Translation hook for user-visible strings.

core/ cannot import Qt, so the plugin installs Qt's translate function here when it loads;
until then (plain Python, tests of the core) strings pass through untranslated.
Every user-visible literal in the code is written as tr("...") so tests/tools/update_translations.py finds it.
"""

CONTEXT = "EOConnector"
_translate = None


def set_translator(translate):
    """Install a function (context, text) -> text, e.g. QCoreApplication.translate."""
    global _translate
    _translate = translate


def tr(text: str, **values) -> str:
    """Translate `text`, then fill its {placeholders} with `values`."""
    translated = _translate(CONTEXT, text) if _translate else text
    return translated.format(**values) if values else translated
