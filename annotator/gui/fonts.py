"""The bundled Arabic font: registered with Qt once, handed out as ``QFont`` objects.

The machine fonts are DejaVu only (Arabic glyphs, plain look), so the text view uses the bundled
Noto Naskh Arabic (``resources/fonts``, OFL-1.1) and keeps DejaVu Sans as the fallback family.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.paths import resource

ARABIC_FAMILY = "Noto Naskh Arabic"
FALLBACK_FAMILY = "DejaVu Sans"
_FONT_FILES = ("NotoNaskhArabic-Variable.ttf",)

_loaded: list[str] | None = None


def load_bundled_fonts() -> list[str]:
    """Register the bundled fonts with Qt (once per process); return the families they provide.

    Needs a ``QGuiApplication``. A missing or unreadable font file is not fatal: the view falls
    back to DejaVu Sans, so the families actually registered are returned for callers to check.
    """
    global _loaded
    if _loaded is not None:
        return list(_loaded)
    families: list[str] = []
    for name in _FONT_FILES:
        try:
            path = resource("fonts", name)
        except FileNotFoundError:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _loaded = families
    return list(families)


def arabic_font(point_size: float = 14.0) -> QFont:
    """The text view's font: Noto Naskh Arabic at ``point_size``, DejaVu Sans behind it."""
    load_bundled_fonts()
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, FALLBACK_FAMILY])
    font.setPointSizeF(float(point_size))
    return font
