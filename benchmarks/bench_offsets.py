"""Offset maps on a 1 MB document: build one, then convert 100,000 offsets both ways.

``PositionMap`` (Qt positions, the text view) and ``Utf16Map`` (UTF-16 units, doccano and
Label Studio files) on two texts of about a million characters: Arabic news sentences with emoji
and CRLF line ends sprinkled in (every kind of irregular point), and the same sentences without
them (an identity map, like nearly all Arabic news). Each row is the median of N runs; the
baselines, measured in the same run, are the least any map must do: one pass over the text
(``str.encode("utf-16-le")``) for a build, and reading 100,000 answers from a precomputed list
for the lookups. The test suite checks the answers (``tests/gui/test_offsets.py``); this
script measures the time.

    python benchmarks/bench_offsets.py [--runs 5] [--chars 1000000] [--lookups 100000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_core import median_of, print_table

from annotator.core.offsets import PositionMap, Utf16Map

IRREGULAR_CHUNK = "قال المتحدث 😀 إن الاجتماع\r\nعُقد في الرياض. "
PLAIN_CHUNK = "قال المتحدث إن الاجتماع عُقد في الرياض. "
# A build plus the lookups once took this long at most in a timed test assert; a linear scan
# per lookup would take minutes.
TARGET_SECONDS = 2.0


def document(chunk: str, chars: int) -> str:
    return (chunk * (chars // len(chunk) + 1))[:chars]


def bench_text(name: str, text: str, runs: int, lookups: int) -> None:
    step = max(1, len(text) // lookups)
    offsets = range(0, len(text), step)
    pm, um = PositionMap(text), Utf16Map(text)
    to_qt = [pm.to_qt(i) for i in range(len(text) + 1)]
    to_cp = [pm.to_code_point(q) for q in range(pm.qt_length + 1)]
    print(f"\n{name}: {len(text):,} code points, {pm.qt_length:,} Qt positions, "
          f"{um.u16_length:,} UTF-16 units; {len(offsets):,} lookups each way")

    build_base = median_of(runs, lambda: text.encode("utf-16-le"))
    print_table(f"Build ({name})", [
        ("baseline: str.encode('utf-16-le')", build_base),
        ("PositionMap(text)", median_of(runs, lambda: PositionMap(text))),
        ("Utf16Map(text)", median_of(runs, lambda: Utf16Map(text))),
    ], build_base)

    def from_table() -> None:
        for i in offsets:
            to_cp[to_qt[i]]

    def position_round_trips() -> None:
        for i in offsets:
            pm.to_code_point(pm.to_qt(i))

    def utf16_round_trips() -> None:
        for i in offsets:
            um.to_code_point(um.to_utf16(i))

    lookup_base = median_of(runs, from_table)
    position = median_of(runs, position_round_trips)
    print_table(f"Lookups, both ways ({name})", [
        ("baseline: two reads of a precomputed list", lookup_base),
        ("PositionMap.to_qt + to_code_point", position),
        ("Utf16Map.to_utf16 + to_code_point", median_of(runs, utf16_round_trips)),
    ], lookup_base)
    total = median_of(runs, lambda: PositionMap(text)) + position
    print(f"  target: PositionMap build + lookups under {TARGET_SECONDS:.0f} s: "
          f"{'met' if total < TARGET_SECONDS else 'MISSED'} ({total * 1000:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=100_000)
    args = parser.parse_args()
    bench_text("emoji and CRLF", document(IRREGULAR_CHUNK, args.chars), args.runs,
               args.lookups)
    bench_text("plain Arabic", document(PLAIN_CHUNK, args.chars), args.runs, args.lookups)


if __name__ == "__main__":
    main()
