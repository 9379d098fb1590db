"""The real text the benchmarks measure on: SaudiNewsNet, beside the checkout in shared/data
(see its licence notice there)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/2015-07-21.zip"


def corpus_articles(path: Path = CORPUS) -> list[dict[str, Any]]:
    """The articles of one day of the corpus, read from the zip in place."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".json"))
        return json.loads(zf.read(name).decode("utf-8"))  # type: ignore[no-any-return]
