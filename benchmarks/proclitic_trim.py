"""How well X (leave out a leading proclitic) tells proclitics from root letters.

Runs ``strip_proclitic`` on every word of ``tests/core/data/proclitic_words.tsv`` (words of
the SaudiNewsNet corpus labelled by hand) and prints precision and recall of the trim
(a trim offered on a word labelled "trim" is right; on "keep", wrong), for:

- before: the old rule, any leading و ف ب ل ك with two letters after it;
- the list of known root-letter words alone (what the window does without a lexicon);
- the lexicon of the corpus alone, and the lexicon with the list (what the window does).

``--write-lexicon`` also writes the corpus counts of every word the rule looks up for these
words, which the unit test uses instead of the 12 MB corpus.

    python benchmarks/proclitic_trim.py [--write-lexicon tests/core/data/proclitic_lexicon.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import corpus_articles

from annotator.core import selection
from annotator.core.arabic import fold
from annotator.core.lexicon import Lexicon

WORDS = Path(__file__).resolve().parents[1] / "tests/core/data/proclitic_words.tsv"
NOTICE = ("Counts of words in the SaudiNewsNet corpus (2015-07-21) by M. Alotaibi, licensed "
          "CC BY-NC-SA 4.0, for open scientific research in Arabic computing; article "
          "copyright stays with each newspaper. Keep this notice with it.")


def labelled_words(path: Path = WORDS) -> list[tuple[str, bool]]:
    """(word, True if its first letter is a proclitic) for every line of the fixture."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, expected, _ = line.split("\t")
            rows.append((word, expected == "trim"))
    return rows


def trims(word: str, lexicon: selection.WordCounts | None) -> bool:
    """Does X offer to leave out the first letter of ``word`` in running text?"""
    text = f"ثم {word} أمس"
    start = text.index(word)
    return selection.strip_proclitic(text, start, start + len(word),
                                     lexicon=lexicon)[0] > start


def scores(rows: list[tuple[str, bool]], lexicon: selection.WordCounts | None,
           ) -> tuple[float, float, list[str], list[str]]:
    """Precision, recall, wrong trims and missed trims."""
    wrong, missed, right = [], [], 0
    for word, expected in rows:
        got = trims(word, lexicon)
        if got and expected:
            right += 1
        elif got:
            wrong.append(word)
        elif expected:
            missed.append(word)
    offered = right + len(wrong)
    wanted = right + len(missed)
    return right / offered if offered else 1.0, right / wanted, wrong, missed


class RecordingLexicon(Lexicon):
    """A lexicon that remembers which folded words were looked up."""

    looked_up: set[str]

    def count(self, word: str) -> int:
        self.looked_up.add(fold(word).strip())
        return super().count(word)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write-lexicon", type=Path)
    args = ap.parse_args()
    rows = labelled_words()
    corpus = Lexicon.from_texts(a["content"] for a in corpus_articles() if a["content"])
    lexicon = RecordingLexicon(corpus.counts, corpus.total)
    lexicon.looked_up = set()
    no_list = mock.patch.object(selection, "ROOT_LETTER_WORDS", frozenset())
    results = []
    with no_list:
        results.append(("before: any proclitic letter", scores(rows, None)))
    results.append(("known root-letter words only", scores(rows, None)))
    with no_list:
        results.append(("corpus lexicon only", scores(rows, lexicon)))
    results.append(("corpus lexicon + known words", scores(rows, lexicon)))
    n_trim = sum(1 for _, t in rows if t)
    print(f"{len(rows)} words: {n_trim} with a proclitic, {len(rows) - n_trim} with a root "
          f"letter; lexicon of {corpus.total:,} running words\n")
    print(f"| {'rule':<30} | {'precision':>9} | {'recall':>6} | {'wrong':>5} | {'missed':>6} |")
    print(f"|{'-' * 32}|{'-' * 11}|{'-' * 8}|{'-' * 7}|{'-' * 8}|")
    for name, (precision, recall, wrong, missed) in results:
        print(f"| {name:<30} | {precision:>9.3f} | {recall:>6.3f} | {len(wrong):>5} | "
              f"{len(missed):>6} |")
    _, _, wrong, missed = results[-1][1]
    print(f"\nwrong trims: {' '.join(wrong) or '-'}\nmissed: {' '.join(missed) or '-'}")
    if args.write_lexicon:
        counts = {w: corpus.counts[w] for w in sorted(lexicon.looked_up) if w in corpus.counts}
        data = {"notice": NOTICE, "total": corpus.total, "counts": counts}
        args.write_lexicon.write_text(json.dumps(data, ensure_ascii=False, indent=0,
                                                 sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {len(counts)} counts to {args.write_lexicon}")


if __name__ == "__main__":
    main()
