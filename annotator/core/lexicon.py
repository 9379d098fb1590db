"""Word frequencies of a project's own documents: is what is left after a proclitic a word?

«بلدة» starts with a letter that looks like the preposition ب, but «لدة» never occurs on its
own in the news, while «ريف» (from «بريف») is frequent. Counting the words of the documents a
project codes tells the two apart without a dictionary. Words are counted folded
(``core.arabic.fold``: no harakat, one alef, ى = ي, ة = ه), so spelling variants count as one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.arabic import fold, folded_words


@dataclass(frozen=True)
class Lexicon:
    """How often each folded word occurs on its own; ``total`` counts every running word."""

    counts: Mapping[str, int] = field(default_factory=dict)
    total: int = 0

    def count(self, word: str) -> int:
        """Occurrences of ``word`` (any spelling variant, with or without harakat)."""
        return self.counts.get(fold(word).strip(), 0)

    @classmethod
    def from_words(cls, words: Iterable[str]) -> Lexicon:
        """Count words already folded with ``core.arabic.fold`` (``folded_words``)."""
        counts = Counter(words)
        return cls(dict(counts), sum(counts.values()))

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Lexicon:
        return cls.from_words(w for t in texts for w in folded_words(fold(t)))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "counts": dict(self.counts)}

    @classmethod
    def from_dict(cls, data: Any) -> Lexicon:
        """The lexicon saved by ``to_dict``; ``ValueError`` for anything else."""
        if not isinstance(data, dict) or not isinstance(data.get("total"), int):
            raise ValueError("not a lexicon")
        counts = data.get("counts")
        if not isinstance(counts, dict) or not all(
                isinstance(n, int) for n in counts.values()):
            raise ValueError("not a lexicon")
        return cls(counts, data["total"])
