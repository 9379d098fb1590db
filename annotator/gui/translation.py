"""The window in the coder's language: Qt's translators over the project's ``.ts`` catalogue,
the layout mirrored for a right-to-left language, and the tool that keeps the ``.ts`` files
current with the source.

``install(app, language)`` sets ``annotator.i18n``'s language (what ``tr`` returns), installs
a translator answering from the same catalogue and Qt's own translation of its standard
dialogs (``qtbase_<lang>.qm``, shipped with PySide6), and mirrors the layout for Arabic. The
``.ts`` files are read as they are: nothing is compiled at build time.

    python -m annotator.gui.translation update   # add new tr() texts to every .ts file
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

from annotator import i18n
from annotator.gui import preferences as prefs
from annotator.storage.atomic import atomic_write

PACKAGE = Path(__file__).resolve().parents[1]
_installed: list[QTranslator] = []


class CatalogueTranslator(QTranslator):
    """Answers Qt's ``tr`` lookups from ``annotator.i18n``'s catalogue."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None is Qt's null string, "not found here": an empty string would be taken for a
        # translation, and Qt's own texts would lose their %1 arguments.
        return i18n.lookup(context, source)

    def isEmpty(self) -> bool:
        return False


def system_language() -> str:
    return i18n.language_for_locale(QLocale.system().name())


def install(app: QApplication, language: str) -> str:
    """Speak ``language`` ("auto": the system's) in ``app``; returns the language in force."""
    if language == "auto":
        language = system_language()
    language = i18n.set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        qt = QTranslator(app)
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", path):
            app.installTranslator(qt)
            _installed.append(qt)
        ours = CatalogueTranslator(app)
        app.installTranslator(ours)
        _installed.append(ours)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if i18n.is_right_to_left()
                           else Qt.LayoutDirection.LeftToRight)
    return language


class LanguageSwitch:
    """View > Language in one window: the choice is remembered and, once the open document
    is closed (its work saved or left, as the coder says), the window announces
    ``languageChanged`` so it is built again in that language (``gui.app.rebuild_window``),
    reopening the document ``reopen`` names."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.reopen: str | None = None

    def request(self, language: str) -> None:
        w = self.window
        w.preferences.set(prefs.LANGUAGE, language)
        w.preferences.sync()
        doc_id = w.doc.id if w.doc is not None else None
        if not w.close_document():
            return
        self.reopen = doc_id
        w.languageChanged.emit(language)


# -- keeping the .ts files current -----------------------------------------------------------
def texts_in_source(root: Path = PACKAGE) -> Iterator[tuple[str, str, str]]:
    """(context, text, "file:line") of every text the interface translates: each
    ``tr("context", "text")`` call with literal arguments, the texts of the action table
    (``ActionSpec``: text, help, submenu, icon text; context "actions") and its menus."""
    from annotator.gui.actions import MENUS

    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(root.parent).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if _is_tr(node.func) and len(node.args) >= 2:
                context, text = node.args[0], node.args[1]
                if _literal(context) and _literal(text):
                    yield context.value, text.value, f"{where}:{node.lineno}"  # type: ignore
            elif isinstance(node.func, ast.Name) and node.func.id == "ActionSpec":
                texts = [node.args[1]] if len(node.args) > 1 else []
                texts += [k.value for k in node.keywords
                          if k.arg in ("help", "submenu", "icon_text")]
                for text in texts:
                    if _literal(text) and text.value:  # type: ignore[attr-defined]
                        yield "actions", text.value, f"{where}:{node.lineno}"  # type: ignore
    for menu in MENUS:
        yield "menu", f"&{menu}", "annotator/gui/actions.py:0"


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_tr(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "tr") or (
        isinstance(func, ast.Attribute) and func.attr == "tr"
        and isinstance(func.value, ast.Name) and func.value.id == "i18n")


def update_ts(path: Path, texts: list[tuple[str, str, str]]) -> tuple[int, int]:
    """Add the texts ``path`` lacks (unfinished) and mark those no longer in the source
    vanished; returns (added, vanished). Existing translations are kept."""
    if path.is_file():
        tree = ET.parse(path)
        root = tree.getroot()
    else:
        root = ET.Element("TS", {"version": "2.1", "language": path.stem.split("_")[-1]})
        tree = ET.ElementTree(root)
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    wanted: dict[str, dict[str, str]] = {}
    for context, text, where in texts:
        wanted.setdefault(context, {}).setdefault(text, where)
    added = vanished = 0
    for name in sorted(wanted):
        node = contexts.get(name)
        if node is None:
            node = ET.SubElement(root, "context")
            ET.SubElement(node, "name").text = name
            contexts[name] = node
        have = {m.findtext("source") for m in node.iter("message")}
        for text, where in wanted[name].items():
            if text in have:
                continue
            message = ET.SubElement(node, "message")
            file, _, line = where.rpartition(":")
            ET.SubElement(message, "location", {"filename": file, "line": line})
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", {"type": "unfinished"})
            added += 1
    for name, node in contexts.items():
        for message in node.iter("message"):
            translation = message.find("translation")
            if message.findtext("source") not in wanted.get(name or "", {}) \
                    and translation is not None and translation.get("type") != "vanished":
                translation.set("type", "vanished")
                vanished += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body
                        + "\n").encode("utf-8"), backup=False)
    return added, vanished


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] != ["update"]:
        print("usage: python -m annotator.gui.translation update", file=sys.stderr)
        return 2
    texts = list(texts_in_source())
    for lang in i18n.LANGUAGES:
        if lang != "en":
            added, vanished = update_ts(i18n.ts_path(lang), texts)
            print(f"{i18n.ts_path(lang)}: {added} new text(s) to translate, "
                  f"{vanished} no longer used")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
