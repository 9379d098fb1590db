"""Export a project's coded documents as a dataset: one pass, validated, streamed, with a card.

``export_project`` reads each document once and each of its annotation sets once, checks every
set with the core validation (``validate_annotation_data``), and hands the valid ones to the
format's exporter, which streams them into a staging folder inside the output folder. Only when
every set passed (or ``skip_invalid`` was given) is the staging folder moved into place, with
``dataset-card.md``, ``dataset-card.json`` and ``SHA256SUMS`` beside the data; otherwise nothing
is written and the report lists every problem. Memory does not grow with the number of
documents: nothing but counters is kept from one document to the next.

The modules, one job each:

- ``pipeline``: ``export_project``, the order of the steps and what a refusal or cancel undoes;
- ``render``: reading, checking and rendering a slice of documents (in a worker or in process);
- ``pool``: the worker processes, handing slices back in document order (same bytes whatever
  the number of workers);
- ``memo``: the memo of annotation files that passed the checks, read and written beside;
- ``staging``: the staging folder, its streams and files, and their publication;
- ``card``: the dataset card;
- ``report``: ``ExportReport`` and the train/dev/test split by document.
"""

from annotator.formats.export.pipeline import export_project
from annotator.formats.export.report import (
    CARD_JSON,
    CARD_MD,
    CHECKSUMS,
    DEFAULT_SEED,
    SPLIT_NAMES,
    ExportedFile,
    ExportReport,
    LeftOut,
    parse_split,
    split_of,
)

__all__ = ["CARD_JSON", "CARD_MD", "CHECKSUMS", "DEFAULT_SEED", "SPLIT_NAMES", "ExportReport",
           "ExportedFile", "LeftOut", "export_project", "parse_split", "split_of"]
