"""The bundled Arabic font is shipped with its licence and used by the text view."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo

from annotator.gui.fonts import ARABIC_FAMILY, FALLBACK_FAMILY, arabic_font, load_bundled_fonts
from annotator.paths import resource


def test_font_and_licence_are_bundled() -> None:
    font = resource("fonts", "NotoNaskhArabic-Variable.ttf")
    assert font.stat().st_size > 200_000
    licence = resource("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Copyright 2022 The Noto Project Authors" in licence
    assert "OFL" in resource("fonts", "README.md").read_text(encoding="utf-8")


def test_loaded_once_and_resolved(qapp) -> None:
    first = load_bundled_fonts()
    assert first == [ARABIC_FAMILY]
    assert load_bundled_fonts() == first  # registering twice would add a second font id
    assert ARABIC_FAMILY in QFontDatabase.families()
    font = arabic_font(16)
    assert font.families() == [ARABIC_FAMILY, FALLBACK_FAMILY]
    assert font.pointSizeF() == 16
    assert QFontInfo(font).family() == ARABIC_FAMILY
