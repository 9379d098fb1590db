"""Arabic in terminals that cannot shape or reorder it (xterm, most CI logs).

Only here are ``arabic_reshaper`` and ``bidi.get_display`` used, one line at a time; never for
text that goes to Qt, files or pipes meant for programs.
"""

from __future__ import annotations

import os
from typing import TextIO

# Terminals that do bidi themselves: reshaped text there would be shown reversed.
_BIDI_TERMINALS = ("mlterm", "konsole")


def terminal_does_bidi() -> bool:
    if os.environ.get("ANNOTATOR_TERMINAL_BIDI") in ("1", "yes", "true"):
        return True
    term = (os.environ.get("TERM_PROGRAM", "") + " " + os.environ.get("TERM", "")).lower()
    if any(name in term for name in _BIDI_TERMINALS):
        return True
    vte = os.environ.get("VTE_VERSION", "")
    return vte.isdigit() and int(vte) >= 5800  # VTE 0.58 added bidi


def shaping_wanted(mode: str, stream: TextIO) -> bool:
    """``on``/``off`` as given; ``auto``: shape only for an interactive terminal without bidi."""
    if mode == "on":
        return True
    if mode == "off":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not terminal_does_bidi()


def visual(line: str) -> str:
    """One logical line -> reshaped, visually ordered text for a terminal without bidi."""
    import arabic_reshaper
    from bidi import get_display

    if not line.strip():
        return line
    return get_display(arabic_reshaper.reshape(line))


def render_lines(text: str, shaping: bool) -> list[str]:
    lines = text.split("\n")
    return [visual(line) for line in lines] if shaping else lines
