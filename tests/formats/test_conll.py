"""CoNLL BIO: tokens never move a span boundary, nesting goes into extra columns, rows all have
the same width, and CoNLL files (ours and others') read back."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.codebook import Codebook
from annotator.core.model import AnnotationSet, CodebookRef, Document, Span
from annotator.errors import AnnotatorError
from annotator.formats.conll import ConllExporter, layers_of, tokenize
from annotator.formats.conll_read import read_conll
from annotator.formats.export.staging import StagedFiles
from annotator.formats.registry import Losses
from annotator.storage.project import load_default_codebook

PIECES = ["هاجمَ", "مسلحو", "داعشٍ", "الحُكُومَةُ", "و", "،", ".", " ", " ", "\r\n", "\n",
          "😀", "👨‍👩‍👧", "👍🏽", "🇸🇾", "\u200f", "3", "=x", "a-b", "\t", "ـ"]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join)


def spans_over(text: str, data: st.DataObject, n: int) -> list[Span]:
    spans = []
    for k in range(n):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        label = data.draw(st.sampled_from(["ACTOR", "LOCATION", "TIME"]))
        spans.append(Span(f"s{k}", start, end, label, text[start:end]))
    return spans


def codebook() -> Codebook:
    return load_default_codebook()


def export_block(text: str, spans: list[Span]) -> tuple[str, int, Losses]:
    cb = codebook()
    losses = Losses()
    ex = ConllExporter(cb, losses)
    doc = Document("d", text)
    aset = AnnotationSet("d", doc.sha256, "c", CodebookRef(**cb.ref()), spans=spans)
    [(block, width)] = ex.render(doc, [aset], StagedFiles(Path("/nonexistent")))
    return block, width, losses


@given(TEXTS, st.data())
@settings(max_examples=150, deadline=None)
def test_every_span_boundary_is_a_token_boundary(text, data):
    spans = spans_over(text, data, data.draw(st.integers(0, 4)))
    bounds = sorted({b for s in spans for b in (s.start, s.end)})
    tokens = tokenize(text, bounds)
    starts = {s for s, _ in tokens}
    ends = {e for _, e in tokens}
    for s, e in tokens:
        assert 0 <= s < e <= len(text) and not text[s:e].isspace()
    for sp in spans:
        inside = [(s, e) for s, e in tokens if sp.start <= s and e <= sp.end]
        crossing = [(s, e) for s, e in tokens if s < sp.start < e or s < sp.end < e]
        assert not crossing
        if inside:  # the covered tokens start and end inside the span, never beyond it
            assert inside[0][0] in starts and inside[-1][1] in ends


@given(TEXTS, st.data())
@settings(max_examples=150, deadline=None)
def test_bio_columns_give_back_every_span_that_covers_a_token(text, data):
    spans = spans_over(text, data, data.draw(st.integers(0, 5)))
    # Spans with identical range and label would collapse into one: keep them distinct.
    uniq = {(s.start, s.end, s.label): s for s in spans}
    spans = list(uniq.values())
    block, width, losses = export_block(text, spans)
    rows = [line.split("\t") for line in block.split("\n")
            if line and not line.startswith("# ")]
    assert all(len(r) == 3 + width for r in rows)
    assert width == max(1, len(layers_of(spans)))
    for tok, s, e, *_ in rows:
        assert text[int(s):int(e)] == tok
    path_text = f"# annotator CoNLL export\n\n{block}"
    doc = _read(path_text)
    assert doc.text == text
    got = {(s.start, s.end, s.label) for s in doc.spans}
    expected = set()
    for sp in spans:
        toks = [t for t in tokenize(text, sorted({b for x in spans for b in (x.start, x.end)}))
                if sp.start <= t[0] and t[1] <= sp.end]
        if toks:  # the span is given back trimmed to its tokens (whitespace at its edges)
            expected.add((toks[0][0], toks[-1][1], sp.label))
        else:
            assert losses.counts
    assert got == expected


def _read(content: str, name: str = "x.conll"):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(content, encoding="utf-8", newline="")
        return next(iter(read_conll([path], {})))


def test_tokens_keep_harakat_emoji_sequences_and_split_at_span_edges():
    text = "وَقُتِلَ 👨‍👩‍👧 في\u200fدير 👍🏽،"
    assert [text[s:e] for s, e in tokenize(text)] == ["وَقُتِلَ", "👨‍👩‍👧", "في", "دير",
                                                   "👍🏽", "،"]
    # A span that leaves out the proclitic و splits the word there.
    assert [text[s:e] for s, e in tokenize(text, [1])] == ["و", "َقُتِلَ", "👨‍👩‍👧", "في",
                                                         "دير", "👍🏽", "،"]


def test_nested_spans_take_extra_columns_and_rows_are_padded_across_documents():
    text = "قوات النظام السوري في دير الزور"
    spans = [Span("a", 0, 18, "ACTOR", text[0:18]), Span("b", 5, 18, "ACTOR", text[5:18]),
             Span("c", 22, 31, "LOCATION", text[22:31])]
    block, width, _ = export_block(text, spans)
    assert width == 2
    assert "قوات\t0\t4\tB-ACTOR\tO" in block
    assert "النظام\t5\t11\tI-ACTOR\tB-ACTOR" in block
    assert "دير\t22\t25\tB-LOCATION\tO" in block


def test_a_line_break_ends_a_sentence_unless_a_span_crosses_it():
    text = "هجوم\r\nعلى حاجز\nقرب البلدة"
    block, _, _ = export_block(text, [Span("a", 5, 15, "LOCATION", text[5:15])])
    body = block.split("\n", 3)[3]
    sentences = [s for s in body.split("\n\n") if s.strip()]
    assert len(sentences) == 2  # no break inside the span "على حاجز\nقرب"
    assert sentences[0].splitlines()[0].startswith("هجوم")


def test_reads_doccanos_conll_example_and_bioes(shared_data):  # type: ignore[no-untyped-def]
    example = shared_data("formats/doccano/import-example.conll")  # read there, not copied
    doc = next(iter(read_conll([example], {})))
    assert doc.text == "JAPAN GET\nNadim Ladki"
    assert [(doc.text[s.start:s.end], s.label) for s in doc.spans] == [
        ("JAPAN", "LOC"), ("Nadim Ladki", "PER")]
    doc = _read("-DOCSTART- -X- O\n\nEU NNP B-ORG\nrejects VBZ O\nNew NNP B-LOC\n"
                "York NNP E-LOC\nX NNP S-MISC\nY NNP I-PER\nZ NNP X-BAD\n")
    assert [(doc.text[s.start:s.end], s.label) for s in doc.spans] == [
        ("EU", "ORG"), ("New York", "LOC"), ("X", "MISC"), ("Y", "PER")]
    assert any("X-BAD" in p for p in doc.problems)


def test_a_token_that_does_not_match_the_text_is_reported():
    content = ('# annotator CoNLL export\n\n# doc_id = d\n# coder = c\n# text_json = "ab cd"\n'
               "ab\t0\t2\tB-ACTOR\nxx\t3\t5\tB-ACTOR\n\n")
    doc = _read(content)
    assert [(s.start, s.end) for s in doc.spans] == [(0, 2)]
    assert any("token 'xx' is not the text at 3-5" in p for p in doc.problems)


def test_the_planes_skipped_for_speed_hold_no_marks_or_format_characters() -> None:
    # The token pattern needs only where marks (M*) and format characters (Cf) are; the
    # planes core.tokens._categories skips must have none in this Python's Unicode version.
    import unicodedata

    from annotator.core import tokens

    for plane in tokens.EMPTY_PLANES:
        kinds = {unicodedata.category(chr(c))
                 for c in range(plane << 16, min((plane + 1) << 16, sys.maxunicode + 1))}
        assert kinds <= {"Cn", "Co"}, (plane, kinds)


# -- '#' lines and nested columns from other tools -------------------------------------------
def _spans(doc) -> list[tuple[str, str]]:
    return sorted((s.label, doc.text[s.start:s.end]) for s in doc.spans)


def test_a_hash_token_with_a_tag_is_a_token_not_a_comment():
    doc = _read("# text = وسم # السعودية\n# sent_id = 7\nوسم O\n# O\nالسعودية B-GPE\n"
                "#\tO\n#هاشتاق B-MISC\n")
    assert doc.text == "وسم # السعودية # #هاشتاق"
    assert _spans(doc) == [("GPE", "السعودية"), ("MISC", "#هاشتاق")]
    assert doc.problems == []


def test_hash_lines_are_comments_only_by_convention_or_before_a_sentence():
    doc = _read("# a source line before the first token\nالجيش B-ORG\n\n"
                "# newpar\n# a note before the second sentence\nفي O\n#\nدير B-GPE\n")
    # The '#' inside the sentence has no tag: it is a token (tagged O), never dropped.
    assert doc.text == "الجيش\nفي # دير"
    assert _spans(doc) == [("GPE", "دير"), ("ORG", "الجيش")]


def test_nested_bio_reads_every_tag_as_its_own_entity():
    # Counted by hand in tests/formats/data/README.md: 11 entities, 5 of them nested.
    doc = next(iter(read_conll([Path(__file__).parent / "data" / "nested-bio.conll"], {})))
    assert _spans(doc) == sorted([
        ("OCC", "رئيس بلدية مدينة البيرة"), ("ORG", "بلدية مدينة البيرة"),
        ("GPE", "مدينة البيرة"), ("GPE", "مخيم جنين"), ("GPE", "جنين"), ("DATE", "أمس"),
        ("GPE", "فلسطين"), ("OCC", "وزير الداخلية"), ("ORG", "الداخلية"),
        ("ORG", "اللجنة القومية"), ("GPE", "نابلس")])
    assert doc.problems == []
    assert "# فلسطين" in doc.text  # the '#' token is kept


def test_a_label_that_moves_to_another_column_goes_on():
    # The outer OCC ends; the ORG inside it goes on in the first column.
    doc = _read("سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-ORG\nزار O\n")
    assert _spans(doc) == [("OCC", "سكرتير اللجنة"), ("ORG", "اللجنة القومية")]


def test_columns_of_tags_on_every_line_are_refused_unless_the_option_says_which():
    content = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n"
    with pytest.raises(AnnotatorError, match="tag_columns"):
        _read(content)
    last = _read_with(content, {"tag_columns": "last"})
    assert _spans(last) == [("MISC", "German"), ("ORG", "EU")]
    every = _read_with(content, {"tag_columns": "all"})
    assert _spans(every) == [("MISC", "German"), ("NP", "EU"), ("NP", "German call"),
                             ("ORG", "EU"), ("VP", "rejects")]


def _read_with(content: str, options: dict[str, str]):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.conll"
        path.write_text(content, encoding="utf-8")
        return next(iter(read_conll([path], options)))
