"""Translation hook for user-visible strings.

core/ cannot import Qt, so the plugin installs Qt's translate function here when it loads;
until then (plain Python, tests of the core) strings pass through untranslated.
Every user-visible literal in the code is written as tr("...") so tests/tools/update_translations.py finds it.
"""

CONTEXT = "EOConnector"
_translate = None
_format_number = None


def set_translator(translate):
    """Install a function (context, text) -> text, e.g. QCoreApplication.translate."""
    global _translate
    _translate = translate


def tr(text: str, **values) -> str:
    """Translate `text`, then fill its {placeholders} with `values`."""
    translated = _translate(CONTEXT, text) if _translate else text
    return translated.format(**values) if values else translated


def set_number_format(format_number):
    """Install a function int -> text in the user's locale, e.g. QLocale().toString."""
    global _format_number
    _format_number = format_number


def number(value: int) -> str:
    """A whole number grouped as the user's locale does it (12,345 in English, 12 345 in French)."""
    return _format_number(int(value)) if _format_number else f"{int(value):,}"


def amount(value) -> str:
    """A balance as the user reads it (credits): whole numbers grouped, others with two decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return number(value) if isinstance(value, int) and not isinstance(value, bool) else str(value)
