"""Word counts of a project's documents (no Qt): spelling variants count as one word."""

from __future__ import annotations

import pytest

from annotator.core.lexicon import Lexicon


def test_counts_words_whatever_their_spelling() -> None:
    lexicon = Lexicon.from_texts(["قال إنّ البلدة في ريف حلب", "قَالَ: إن ريفَ «حلب» واسع"])
    assert lexicon.count("قال") == 2
    assert lexicon.count("ان") == 2  # إنّ and إن
    assert lexicon.count("ريف") == 2
    assert lexicon.count("البلده") == 1  # ة and ه are one letter
    assert lexicon.count("لدة") == 0
    assert lexicon.total == 11


def test_round_trip_and_bad_data() -> None:
    lexicon = Lexicon.from_texts(["ريف حلب ريف"])
    again = Lexicon.from_dict(lexicon.to_dict())
    assert again.counts == {"ريف": 2, "حلب": 1} and again.total == 3
    for bad in (None, [], {"total": "3"}, {"total": 3, "counts": {"a": "1"}},
                {"total": 3, "counts": []}):
        with pytest.raises(ValueError):
            Lexicon.from_dict(bad)
