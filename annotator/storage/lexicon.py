"""The word counts of a project's documents (``core.lexicon``), cached in its ``.annotator/``.

Counting the words of a few thousand articles takes a second, so the counts are kept in
``PROJECT/.annotator/lexicon.json`` with a signature of the documents they were counted from
(every document's id, size and modification time); any change to the documents rebuilds them.
They are counted from the search index's folded texts, so documents are read only once for
both. The file is only a cache: deleted or damaged, it is rebuilt.
"""

from __future__ import annotations

from annotator import __version__
from annotator.core.arabic import FOLD_VERSION, folded_words
from annotator.core.lexicon import Lexicon
from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project
from annotator.storage.search import SearchIndex, document_stamps, documents_signature

LEXICON_NAME = "lexicon.json"


def project_lexicon(project: Project, *, use_cache: bool = True) -> Lexicon:
    """The word counts of every document of ``project``: from the cache when the documents
    are unchanged, else counted again (and cached when the project is writable)."""
    signature = documents_signature(document_stamps(project))
    path = project.state_dir / LEXICON_NAME
    if use_cache and path.is_file():
        try:
            data = read_json(path)
            if data.get("annotator") == __version__ and data.get("fold") == FOLD_VERSION \
                    and data.get("signature") == signature:
                return Lexicon.from_dict(data.get("lexicon"))
        except (AnnotatorError, AttributeError, ValueError):
            pass  # damaged or from another version: counted again below
    index = SearchIndex.load(project, use_cache=use_cache)
    lexicon = Lexicon.from_words(folded_words(index.folded))
    if use_cache:
        try:
            project.state_dir.mkdir(exist_ok=True)
            atomic_write_json(path, {"annotator": __version__, "fold": FOLD_VERSION,
                                     "signature": signature, "lexicon": lexicon.to_dict()},
                              backup=False)
        except (OSError, AnnotatorError):
            pass  # a read-only project still gets its counts; they are just not kept
    return lexicon
