"""The interface's languages: English in the source, Arabic (and any other) in Qt's ``.ts``
translation files under ``resources/translations/``.

Text a person reads is written ``tr("context", "English text")`` (with ``str.format`` fields
for what varies: ``tr("window", "Saved {doc}").format(doc=...)``), in any layer: this module
has no Qt, so the application layer's messages are translated too. The window also installs a
``QTranslator`` over the same catalogue (``gui/translation.py``), so Qt's own ``tr`` calls and
standard dialogs speak the same language.

``python -m annotator.gui.translation update`` finds every ``tr(...)`` call in the package and
adds the new texts to each ``.ts`` file (marked unfinished, for a translator or Qt Linguist);
a test checks that every text has a translation, so no English is left in the Arabic
interface.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from annotator.paths import resource

LANGUAGES = {"en": "English", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})

_state: dict[str, object] = {"language": "en", "catalogue": {}}


def ts_path(language: str) -> Path:
    return resource("translations", f"annotator_{language}.ts")


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of a ``.ts`` file; unfinished ones left out."""
    catalogue: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                catalogue[(name, source)] = node.text
    return catalogue


def set_language(language: str) -> str:
    """Speak ``language`` from now on (an unknown one, or one without a file: English);
    returns the language in force."""
    catalogue: dict[tuple[str, str], str] = {}
    if language != "en" and language in LANGUAGES:
        try:
            catalogue = read_ts(ts_path(language))
        except (OSError, ET.ParseError):
            language = "en"
    else:
        language = "en"
    _state["language"] = language
    _state["catalogue"] = catalogue
    return language


def language() -> str:
    return str(_state["language"])


def is_right_to_left() -> bool:
    return language() in RIGHT_TO_LEFT


def lookup(context: str, text: str) -> str | None:
    """The translation of ``text`` in ``context``, or None."""
    catalogue: dict[tuple[str, str], str] = _state["catalogue"]  # type: ignore[assignment]
    return catalogue.get((context, text))


def tr(context: str, text: str) -> str:
    """``text`` in the interface's language (itself when there is no translation)."""
    return lookup(context, text) or text


def language_for_locale(name: str) -> str:
    """The interface language for a system locale name such as ``ar_SA`` or ``en_GB``."""
    code = name.split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else "en"

