"""Document text: hashing, ids and the text policy applied once at import.

Offsets everywhere are ``[start, end)`` in Python code points of the *stored* text. The policy
below decides what the stored text is; after import the text is never changed again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import ClassVar, Literal

BOM = "\ufeff"
# Proclitics a coder may leave out of a span (Arabic conjunctions and prepositions).
PROCLITICS = ("و", "ف", "ب", "ل", "ك")
# Letters Arabic writers use interchangeably (hamza on alef or not, ى for ي, ة for ه, the
# Persian yeh and kaf): search and word lists treat each pair as one letter.
LETTER_VARIANTS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي",
                   "ې": "ي", "ک": "ك", "ە": "ه", "ھ": "ه"}
HARAKAT_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ID_BAD = re.compile(r"[^\w.-]+", re.UNICODE)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_safe_id(value: str) -> bool:
    """An id usable as a file name on every OS: no separators, no dot-only names, no controls."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= 120
        and value not in {".", ".."}
        and not value.startswith(".")
        and not value.endswith(".")  # Windows drops a trailing dot: "a." and "a" collide
        and _ID_BAD.sub("", value) == value
        and value.upper().split(".")[0] not in _WINDOWS_RESERVED
    )


# Windows also reserves COM and LPT with a superscript digit; \w accepts those digits.
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL",
                     *(f"{p}{d}" for p in ("COM", "LPT") for d in "123456789\u00b9\u00b2\u00b3")}


def sanitize_id(value: str, fallback: str = "doc") -> str:
    """Turn user input (a file stem, a title, ``../x``, ``a/b``) into a safe id."""
    value = unicodedata.normalize("NFC", str(value)).strip()
    # Combining marks (harakat) are not word characters to the regex: drop them rather than let
    # each become a hyphen ("مُحَمَّد" -> "محمد", not "م-ح-م-د").
    value = "".join(c for c in value if not unicodedata.category(c).startswith("M"))
    # Strip again after cutting, or a cut could leave a trailing "." or "-".
    value = _ID_BAD.sub("-", value).strip("-.")[:100].rstrip("-.")
    if not value or not is_safe_id(value):
        value = fallback
    return value


_NORMAL_FORMS: dict[str, Literal["NFC", "NFKC", "NFD", "NFKD"]] = {
    "NFC": "NFC", "NFKC": "NFKC", "NFD": "NFD", "NFKD": "NFKD"}


@dataclass(frozen=True)
class TextPolicy:
    """What import does to text before it is stored. Recorded in ``project.json``.

    - ``bom``: ``strip`` removes a leading U+FEFF (Qt drops it anyway, which would shift offsets).
    - ``newlines``: ``lf`` turns CRLF and lone CR into LF (Qt shows CRLF as one break); ``keep``.
    - ``normalization``: ``none`` keeps code points as written. NFC is not applied by default:
      it reorders stacked harakat and would change text coders and sources quote.
    - ``bidi_controls``: ``keep`` (U+200F and friends stay; they are part of the source text).
    """

    bom: str = "strip"
    newlines: str = "lf"
    normalization: str = "none"
    bidi_controls: str = "keep"

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {
        "bom": ("strip", "keep"), "newlines": ("lf", "keep"),
        "normalization": ("none", "NFC", "NFKC", "NFD", "NFKD"), "bidi_controls": ("keep",)}

    @classmethod
    def from_dict(cls, data: object) -> TextPolicy:
        """The policy recorded in project.json; ``ValueError`` naming what is not understood."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ValueError(f"text_policy must be an object, not {type(data).__name__}")
        values = {}
        for key, value in data.items():
            if key not in cls.CHOICES:
                continue  # a newer version's setting: the rest still applies
            if value not in cls.CHOICES[key]:
                raise ValueError(f"text_policy.{key}: {value!r} is not one of "
                                 f"{', '.join(cls.CHOICES[key])}")
            values[key] = value
        return cls(**values)

    def apply(self, text: str) -> str:
        if self.bom == "strip" and text.startswith(BOM):
            text = text[1:]
        if self.newlines == "lf":
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        form = _NORMAL_FORMS.get(self.normalization)
        if form:
            text = unicodedata.normalize(form, text)
        return text

    def offset_map(self, text: str) -> list[int]:
        """Map each code-point position of ``text`` (0..len) to its position after ``apply``.

        Lets importers of pre-annotated files move offsets with the text. Only BOM and newline
        changes are mapped; Unicode normalization changes lengths unpredictably and is refused.
        """
        if self.normalization != "none":
            raise ValueError("offsets cannot be mapped through Unicode normalization")
        mapping: list[int] = []
        pos = 0
        i = 0
        n = len(text)
        if self.bom == "strip" and text.startswith(BOM):
            mapping.append(0)
            i = 1
        while i < n:
            mapping.append(pos)
            if self.newlines == "lf" and text[i] == "\r" and i + 1 < n and text[i + 1] == "\n":
                mapping.append(pos)  # the LF of the pair maps onto the same new LF
                i += 2
            else:
                i += 1
            pos += 1
        mapping.append(pos)
        return mapping
