"""Text on the event panel's labels and buttons, shared by its parts.

Codebook names and span text are shown literally (plain-text labels, ``&`` doubled on buttons),
bilingual in the English interface and in Arabic alone in the Arabic one
(``core.names.display_name(item, bilingual=True)``), and wrapped only where a narrow dock can
afford it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.codebook import RoleDef
from annotator.core.names import display_name

EMPTY = "—"
CHIP_CHARS = 28  # span text longer than this is cut in a chip (the tooltip has all of it)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` as it is: codebook names and span text are never markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def role_title(role: RoleDef, required: bool) -> str:
    """``"[1] Actor 1 · الفاعل الأول *"``: key, bilingual name, required mark."""
    key = f"[{role.key}] " if role.key else ""
    return f"{key}{display_name(role, bilingual=True)}" + (" *" if required else "")


def keep_parts(text: str) -> str:
    """Let a label wrap only between its English and Arabic parts (at ``" · "``).

    A narrow dock otherwise breaks "الفاعل الأول" in the middle; no-break spaces keep each part
    whole.
    """
    return " · ".join(part.replace(" ", "\u00a0") for part in text.split(" · "))


def clip(text: str, limit: int = CHIP_CHARS) -> str:
    """One line of at most ``limit`` characters (line breaks become spaces)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def button_text(text: str) -> str:
    """Text for a button label: ``&`` would become a mnemonic, so it is doubled."""
    return text.replace("&", "&&")
