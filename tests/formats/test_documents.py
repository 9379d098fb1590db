"""Plain document import: every supported shape, hostile files and records, and real
SaudiNewsNet articles: a sample shipped in tests/data, and the whole day from the shared data
(unzipped into a temp folder; never committed)."""

from __future__ import annotations

import codecs
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.text import HARAKAT_RE, TextPolicy, is_safe_id, sha256_text
from annotator.formats.documents import ImportResult, read_documents

TEST_DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS_SAMPLE = TEST_DATA / "saudinewsnet" / "2015-07-21-sample.json"
POLICY = TextPolicy()
REPORT = "قالت مصادر محلية إن خلايا تنظيم الدولة هاجمت مواقع قرب البوكمال."


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def write_json(path: Path, data: object) -> Path:
    return write(path, json.dumps(data, ensure_ascii=False))


def read(*paths: Path, existing: tuple[str, ...] = ()) -> ImportResult:
    return read_documents(list(paths), POLICY, existing_ids=existing)


def ids(result: ImportResult) -> list[str]:
    return [d.id for d in result.documents]


# -- .txt ----------------------------------------------------------------------------------------
def test_txt_file_is_one_document(tmp_path: Path) -> None:
    path = write(tmp_path / "deir-ez-zor report.txt", codecs.BOM_UTF8 + b"line\r\nnext\rlast\n")
    result = read(path)
    assert result.problems == []
    [doc] = result.documents
    assert doc.id == "deir-ez-zor-report"
    assert doc.meta == {"title": "deir-ez-zor report"}
    assert doc.text == "line\nnext\nlast\n"  # BOM stripped, newlines LF: the policy applied
    assert doc.sha256 == sha256_text(doc.text)


def test_policy_keep_keeps_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", codecs.BOM_UTF8 + b"a\r\nb")
    result = read_documents([path], TextPolicy(bom="keep", newlines="keep"))
    assert result.documents[0].text == "\ufeffa\r\nb"


def test_sample_article(tmp_path: Path) -> None:
    result = read(TEST_DATA / "sample-article-ar.txt")
    assert result.problems == []
    [doc] = result.documents
    assert doc.id == "sample-article-ar"
    assert len(doc.text) == 2776


@pytest.mark.parametrize(("stem", "expected"), [("CON", "doc"), ("..x", "x"), ("تقرير", "تقرير"),
                                                ("a b", "a-b")])
def test_txt_ids_are_safe(tmp_path: Path, stem: str, expected: str) -> None:
    result = read(write(tmp_path / f"{stem}.txt", REPORT))
    assert ids(result) == [expected]


# -- folders -------------------------------------------------------------------------------------
def test_folder_is_read_recursively_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "b text")
    write(root / "a" / "z.txt", "z text")
    write(root / "a" / "y.TXT", "y text")
    write_json(root / "c.json", [{"content": "c text"}])
    write(root / "d.jsonl", '{"text": "d text"}\n')
    write(root / "e.csv", "title,text\nE,e text\n")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "x.txt", "git")
    write(root / "notes.md", "markdown")
    write(root / ".a.json.abcdef-1.0123abcd.tmp", "temp")
    result = read(root)
    assert result.problems == []
    assert [d.text for d in result.documents] == ["y text", "z text", "b text", "c text",
                                                  "d text", "e text"]
    assert ids(result) == ["y", "z", "b", "c-0001", "d-0001", "e-0001"]


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = read(tmp_path / "empty")
    assert result.documents == []
    assert len(result.problems) == 1 and "empty" in result.problems[0]


# -- .json ---------------------------------------------------------------------------------------
def test_json_array_maps_known_keys_and_keeps_the_rest(tmp_path: Path) -> None:
    path = write_json(tmp_path / "2015-07-21.json", [
        {"source": "sabq", "url": "http://x/1", "date_extracted": "2015-07-21 02:51:32",
         "title": "عنوان", "author": "رويترز", "content": REPORT, "section": "محليات",
         "tags": ["a", "b"]},
        {"text": "second", "published": "2015-07-20", "date_extracted": "2015-07-21"},
        {"body": "third", "date": "2015-07-19", "published": "2015-07-18"},
    ])
    result = read(path)
    assert result.problems == []
    first, second, third = result.documents
    assert first.id == "2015-07-21-0001" and first.text == REPORT
    assert first.meta == {"source": "sabq", "url": "http://x/1", "date": "2015-07-21 02:51:32",
                          "title": "عنوان", "author": "رويترز", "section": "محليات",
                          "tags": ["a", "b"]}
    assert first.title == "عنوان"
    assert second.id == "2015-07-21-0002"
    assert second.meta == {"date": "2015-07-20", "date_extracted": "2015-07-21"}
    assert third.text == "third"
    assert third.meta == {"date": "2015-07-19", "published": "2015-07-18"}


def test_json_documents_object_and_single_article(tmp_path: Path) -> None:
    a = write_json(tmp_path / "a.json", {"documents": [{"id": "one", "text": "x"}], "other": 1})
    b = write_json(tmp_path / "b.json", {"id": "two", "content": "y"})
    result = read(a, b)
    assert result.problems == []
    assert ids(result) == ["one", "two"]


@pytest.mark.parametrize("data", [42, "text", None, {"articles": []}, {"documents": "x"}])
def test_json_of_the_wrong_shape_is_a_problem(tmp_path: Path, data: object) -> None:
    result = read(write_json(tmp_path / "w.json", data))
    assert result.documents == []
    [problem] = result.problems
    assert "w.json" in problem and "expected a list of articles" in problem


def test_text_policy_applied_to_records(tmp_path: Path) -> None:
    result = read(write_json(tmp_path / "p.json", [{"text": "\ufeffa\r\nb\r"}]))
    assert result.documents[0].text == "a\nb\n"


# -- ids -----------------------------------------------------------------------------------------
def test_path_like_and_reserved_ids_are_sanitised(tmp_path: Path) -> None:
    path = write_json(tmp_path / "f.json", [
        {"id": "../x", "text": "1"}, {"id": "a/b", "text": "2"}, {"id": "CON", "text": "3"},
        {"id": "..\\..\\windows", "text": "4"}, {"id": 17, "text": "5"}, {"id": "", "text": "6"},
        {"id": "ok-id", "text": "7"},
    ])
    result = read(path)
    assert result.problems == []
    assert ids(result) == ["x", "a-b", "f-0003", "windows", "17", "f-0006", "ok-id"]
    assert all(is_safe_id(i) for i in ids(result))
    assert [d.meta.get("original_id") for d in result.documents] == [
        "../x", "a/b", "CON", "..\\..\\windows", None, None, None]


def test_id_collisions_get_suffixes_within_batch_and_against_existing(tmp_path: Path) -> None:
    a = write_json(tmp_path / "a.json", [{"id": "x", "text": "1"}, {"id": "x", "text": "2"},
                                         {"id": "X", "text": "3"}, {"id": "y", "text": "4"}])
    b = write(tmp_path / "sub" / "x.txt", "5")
    result = read(a, b, existing=("y", "x-3"))
    assert result.problems == []
    assert ids(result) == ["x", "x-2", "X-4", "y-2", "x-5"]
    assert result.documents[1].meta["original_id"] == "x"


def test_bad_id_type_is_a_problem(tmp_path: Path) -> None:
    result = read(write_json(tmp_path / "f.json", [{"id": ["a"], "text": "1"},
                                                   {"id": True, "text": "2"}, {"text": "3"}]))
    assert ids(result) == ["f-0003"]
    assert result.problems == [f"{tmp_path / 'f.json'}: record 1: 'id' must be text or a whole "
                               "number, not a list",
                               f"{tmp_path / 'f.json'}: record 2: 'id' must be text or a whole "
                               "number, not true/false"]


def test_failed_records_do_not_use_up_ids(tmp_path: Path) -> None:
    path = write_json(tmp_path / "f.json", [{"id": "a", "text": ""}, {"id": "a", "text": "x"}])
    result = read(path)
    assert ids(result) == ["a"]


# -- bad records ---------------------------------------------------------------------------------
def test_bad_records_are_problems_and_the_rest_imported(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", "[" + ",".join([
        '{"text": "good one"}',
        '{"text": ""}',
        '{"content": "   \\n\\t "}',
        '{"text": 12}',
        '{"text": null}',
        '{"text": ["a"]}',
        '{"title": "no text"}',
        '"just a string"',
        '[1, 2]',
        '{"text": "lone \\ud800 surrogate"}',
        '{"text": "fine", "title": "bad \\udfff title"}',
        '{"text": "nul \\u0000 inside"}',
        '{"text": "good two"}',
    ]) + "]")
    result = read(path)
    assert [d.text for d in result.documents] == ["good one", "good two"]
    assert ids(result) == ["bad-0001", "bad-0013"]
    where = str(path)
    assert result.problems == [
        f"{where}: record 2: the text is empty",
        f"{where}: record 3: the text is empty",
        f"{where}: record 4: 'text' is a number, not text",
        f"{where}: record 5: 'text' is null, not text",
        f"{where}: record 6: 'text' is a list, not text",
        f"{where}: record 7: no text (expected a field named content, text or body)",
        f"{where}: record 8: expected an object with the article's fields, found a string",
        f"{where}: record 9: expected an object with the article's fields, found a list",
        f"{where}: record 10: holds an unpaired surrogate (\\ud800), which is not text; the file "
        "was written by a broken tool",
        f"{where}: record 11: holds an unpaired surrogate (\\udfff), which is not text; the file "
        "was written by a broken tool",
        f"{where}: record 12: the text contains a NUL character at position 4",
    ]


def test_an_unpaired_surrogate_anywhere_in_a_record_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", "[" + ",".join([
        '{"text": "fine", "\\ud801key": "v"}',
        '{"text": "fine", "tags": ["x", "y\\udc00"]}',
        '{"text": "fine", "n": 3, "author": "\\ud83d"}',
        '{"text": "fine", "n": 3, "author": "\\ud83d\\ude00"}',
    ]) + "]")
    result = read(path)
    assert [d.meta for d in result.documents] == [{"n": 3, "author": "\U0001f600"}]
    assert result.problems == [
        f"{path}: record {n}: holds an unpaired surrogate (\\u{code}), which is not text; the "
        "file was written by a broken tool" for n, code in ((1, "d801"), (2, "dc00"), (3, "d83d"))]


def test_a_text_of_only_whitespace_and_bom_is_empty_as_strip_says() -> None:
    """The quick look for a character that is not blank agrees with stripping the text, on
    every code point."""
    from annotator.formats.documents import _blank

    for code in range(0x110000):
        char = chr(code)
        assert _blank(char) == (not char.replace("\ufeff", "").strip()), hex(code)
        assert _blank(" \ufeff" + char + "\n") == _blank(char), hex(code)
    assert _blank("") and _blank("\ufeff\u3000\n\ufeff") and not _blank("\ufeff\u200b")


# -- .jsonl --------------------------------------------------------------------------------------
def test_jsonl_lines_blank_lines_and_bad_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", "\ufeff" + "\n".join([
        '{"id": "a", "text": "one"}',
        "",
        '{"text": "two \u2028 with a line separator"}',
        "{broken",
        "[" * 100_000,
        '{"text": "three"}\r',
        '"not an object"',
        "   ",
    ]) + "\n")
    result = read(path)
    assert [d.text for d in result.documents] == ["one", "two \u2028 with a line separator",
                                                  "three"]
    assert ids(result) == ["a", "feed-0003", "feed-0006"]
    assert len(result.problems) == 3
    assert result.problems[0].startswith(f"{path}: line 4: not valid JSON")
    assert result.problems[1] == f"{path}: line 5: the JSON is nested too deeply to read"
    assert result.problems[2].startswith(f"{path}: line 7: expected an object")


# -- .csv ----------------------------------------------------------------------------------------
def test_csv_text_column_and_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", codecs.BOM_UTF8 + (
        'ID,Title,Content,Section\r\n'
        'r1,أول,"first, with a comma\r\nand a second line",أخبار\r\n'
        '\r\n'
        ',ثان,second,رياضة\r\n').encode())
    result = read(path)
    assert result.problems == []
    first, second = result.documents
    assert first.id == "r1" and first.text == "first, with a comma\nand a second line"
    assert first.meta == {"title": "أول", "Section": "أخبار"}
    assert second.id == "t-0002" and second.title == "ثان"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_csv_other_delimiters(tmp_path: Path, delimiter: str) -> None:
    path = write(tmp_path / "s.csv", f"title{delimiter}body\nA{delimiter}a, b\n")
    result = read(path)
    assert result.problems == []
    assert result.documents[0].text == "a, b" and result.documents[0].title == "A"


def test_csv_long_field_and_bad_rows(tmp_path: Path) -> None:
    long_text = "ب" * 300_000  # over the csv module's default 128 KiB field limit
    path = write(tmp_path / "l.csv", f"text,n\n{long_text},1\nshort\nok,3,extra\nfine,4\n")
    result = read(path)
    assert [d.text for d in result.documents] == [long_text, "fine"]
    assert ids(result) == ["l-0001", "l-0004"]
    assert result.problems == [f"{path}: record 2 (line 3): has 1 fields but the header has 2",
                               f"{path}: record 3 (line 4): has 3 fields but the header has 2"]


def test_csv_without_text_column(tmp_path: Path) -> None:
    result = read(write(tmp_path / "n.csv", "title,url\na,b\n"))
    assert result.documents == []
    assert result.problems == [f"{tmp_path / 'n.csv'}: no text column (expected one named text, "
                               "content or body); found columns: title, url"]


def test_csv_unterminated_quote(tmp_path: Path) -> None:
    path = write(tmp_path / "q.csv", 'text\nok\n"unterminated\n')
    result = read(path)
    assert [d.text for d in result.documents] == ["ok"]
    assert result.problems == [f"{path}: line 3: cannot read the CSV (a quote (\") opened here "
                               "is never closed); the rest of the file was skipped"]


# -- hostile files -------------------------------------------------------------------------------
HOSTILE_FILES: dict[str, tuple[bytes, str]] = {
    "truncated.json": (b'[{"text": "a"}, {"text": "b', "not valid JSON"),
    "syntax.json": (b'[\n {"text": "a"},\n]\n', "line 3, column 1"),
    "deep.json": (b"[" * 200_000, "nested too deeply"),
    "latin.json": ('[{"text": "café"}]'.encode("latin-1"), "not valid UTF-8: byte 0xE9 at byte "
                                                          "offset 14 (line 1)"),
    "utf16.json": ('[{"text": "سلام"}]'.encode("utf-16"), "looks like UTF-16; save it as UTF-8"),
    "utf16.txt": (REPORT.encode("utf-16"), "looks like UTF-16; save it as UTF-8"),
    "utf16le.txt": (REPORT.encode("utf-16-le"), "looks like UTF-16; save it as UTF-8"),
    "utf16.csv": ("text\nسلام\n".encode("utf-16"), "looks like UTF-16"),
    "nul.txt": (b"abc\x00def", "NUL byte at byte offset 3 (line 1)"),
    "nul.jsonl": (b'{"text": "a"}\n{"text": "b\x00"}\n', "NUL byte at byte offset 25 (line 2)"),
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b" \r\n\t", "only whitespace"),
    "empty.json": (b"", "the file is empty"),
    "cp1256.txt": (REPORT.encode("cp1256"), "not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_file_is_a_problem_and_the_batch_goes_on(tmp_path: Path, name: str) -> None:
    data, expected = HOSTILE_FILES[name]
    bad = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", REPORT)
    result = read(bad, good)
    assert ids(result) == ["good"]
    [problem] = result.problems
    assert problem.startswith(f"{bad}: ")
    assert expected in problem
    assert bad.read_bytes() == data  # only read, never written


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    doc = write(tmp_path / "x.docx", b"PK\x03\x04")
    result = read(tmp_path / "missing.txt", tmp_path / "missing", doc)
    assert result.documents == []
    assert result.problems == [
        f"{tmp_path / 'missing.txt'}: the file does not exist",
        f"{tmp_path / 'missing'}: the file does not exist",
        f"{doc}: cannot import .docx; use .txt, .json, .jsonl, .csv or a .zip of them",
    ]


# -- properties ----------------------------------------------------------------------------------
json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
records = st.one_of(
    json_scalars,
    st.dictionaries(st.sampled_from(["id", "text", "content", "title", "date", "x"]),
                    json_scalars | st.lists(json_scalars, max_size=2), max_size=5),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(records, max_size=12))
def test_any_records_import_or_become_problems(tmp_path: Path, recs: list) -> None:
    """Each record becomes a document, a problem, or (the same text again under its id) one
    already there."""
    path = write_json(tmp_path / "h.json", recs)
    result = read(path, existing=("h-0001",))
    assert len(result.documents) + len(result.problems) + len(result.already) == len(recs)
    assert len(result.sources) == len(result.documents)
    assert {i for _, i in result.already} <= set(ids(result))
    got = ids(result)
    assert len({i.casefold() for i in got}) == len(got) and "h-0001" not in got
    assert all(is_safe_id(i) for i in got)
    assert all(p.startswith(f"{path}: record ") for p in result.problems)
    assert all(d.text.strip() for d in result.documents)


# -- the real corpus -----------------------------------------------------------------------------
def check_articles_import_as_written(path: Path, articles: list[dict]) -> ImportResult:
    """Import a SaudiNewsNet JSON file and hold every document to the record it came from.

    Articles without a body (content "", " " or four no-break spaces) are photo stories: those
    with a headline are kept, the headline as their text and meta saying so; those with neither
    body nor headline are the problems, by record number. Every other article is imported
    exactly as written.
    """
    result = read(path)
    empty = {n for n, a in enumerate(articles, 1) if not a["content"].strip()}
    blank = sorted(n for n in empty if not articles[n - 1]["title"].strip())
    assert result.problems == [f"{path}: record {n}: the text is empty" for n in blank]
    kept = [(n, a) for n, a in enumerate(articles, 1) if n not in set(blank)]
    for doc, (n, article) in zip(result.documents, kept, strict=True):
        assert doc.id == f"{path.stem}-{n:04d}"
        meta = {"source": article["source"], "url": article["url"],
                "date": article["date_extracted"], "title": article["title"],
                "author": article["author"]}
        if n in empty:
            assert doc.text == article["title"]
            assert doc.meta == {**meta, "text_source": "title", "content": article["content"]}
        else:
            assert doc.text == article["content"]  # no CR, no BOM: the policy changes nothing
            assert doc.meta == meta
    return result


def test_saudinewsnet_sample() -> None:
    """The shipped sample holds every case the whole day holds (tests/data/saudinewsnet)."""
    articles = json.loads(CORPUS_SAMPLE.read_text("utf-8"))
    result = check_articles_import_as_written(CORPUS_SAMPLE, articles)
    assert len(result.problems) == 1
    assert [d.id for d in result.documents if "text_source" in d.meta] == [
        "2015-07-21-sample-0002", "2015-07-21-sample-0005"]
    texts = [d.text for d in result.documents if "text_source" not in d.meta]
    cases = {"tatweel": "\u0640", "no-break space": "\u00a0", "right-to-left mark": "\u200f",
             "harakat": HARAKAT_RE.pattern, "presentation form": "[\ufb50-\ufdff\ufe70-\ufeff]",
             "Arabic-Indic digit": "[\u0660-\u0669]"}
    for name, pattern in cases.items():
        assert any(re.search(pattern, t) for t in texts), f"the sample lost its {name}"


def test_a_zip_of_the_sample_imports_as_its_json_does(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "day.zip", {CORPUS_SAMPLE.name: CORPUS_SAMPLE.read_bytes()})
    from_zip, from_json = read(archive), read(CORPUS_SAMPLE)
    assert [d.to_dict() for d in from_zip.documents] == [d.to_dict() for d in from_json.documents]
    assert [p.replace(f"{archive}:{CORPUS_SAMPLE.name}", str(CORPUS_SAMPLE))
            for p in from_zip.problems] == from_json.problems


@pytest.fixture(scope="module")
def corpus_zip(shared_data: Callable[..., Path]) -> Path:
    return shared_data("saudinewsnet/2015-07-21.zip")


@pytest.fixture(scope="module")
def corpus(corpus_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("saudinewsnet")
    with zipfile.ZipFile(corpus_zip) as zf:
        zf.extract("2015-07-21.json", folder)
    return folder / "2015-07-21.json"


def test_saudinewsnet_corpus(corpus: Path) -> None:
    articles = json.loads(corpus.read_text("utf-8"))
    assert len(articles) == 2972
    result = check_articles_import_as_written(corpus, articles)
    # 84 photo stories have no body: 65 keep their headline, 19 have none and are problems.
    headline_only = sum("text_source" in d.meta for d in result.documents)
    assert (headline_only, len(result.problems)) == (65, 19)
    assert len(result.documents) == 2972 - 19
    texts = [d.text for d in result.documents if "text_source" not in d.meta]
    # The Unicode cases the data README counts survive import untouched.
    assert sum("\u0640" in t for t in texts) == 901
    assert sum(bool(HARAKAT_RE.search(t)) for t in texts) == 1749
    assert sum("\u00a0" in t for t in texts) == 594 - 1  # one empty article is four of them
    assert sum("\u200f" in t for t in texts) == 28


def test_article_without_body_keeps_its_headline_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json",
                 '[{"title": "قصة مصورة", "content": " "}, {"title": "", "content": ""}]')
    result = read(path)
    assert [d.text for d in result.documents] == ["قصة مصورة"]
    assert result.documents[0].meta == {"title": "قصة مصورة", "content": " ",
                                        "text_source": "title"}
    assert result.problems == [f"{path}: record 2: the text is empty"]


# -- .zip ----------------------------------------------------------------------------------------
def write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_zip_members_are_read_in_name_order_and_named_in_problems(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "corpus.zip", {
        "day2/b.txt": REPORT,
        "a.jsonl": json.dumps({"text": "نص"}, ensure_ascii=False) + "\nnot json\n",
        "__MACOSX/._a.jsonl": b"\x00\x05",  # macOS resource forks: skipped
        ".hidden.txt": "x", "notes.md": "not a document", "day2/": b"",
    })
    result = read(archive)
    assert ids(result) == ["a-0001", "b"]
    assert result.documents[1].text == REPORT and result.documents[1].meta == {"title": "b"}
    [problem] = result.problems
    assert problem.startswith(f"{archive}:a.jsonl: line 2")


def test_a_folder_of_zips_is_read_like_the_files_inside(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    write_zip(tmp_path / "in" / "2015-07-22.zip", {"2015-07-22.json": json.dumps([{"text": "ب"}])})
    write_zip(tmp_path / "in" / "2015-07-21.zip", {"2015-07-21.json": json.dumps([{"text": "أ"}])})
    assert ids(read(tmp_path / "in")) == ["2015-07-21-0001", "2015-07-22-0001"]


def test_damaged_empty_and_oversized_archives_are_problems(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bad = write(tmp_path / "bad.zip", b"PK\x03\x04 this is not a zip")
    empty = write_zip(tmp_path / "empty.zip", {"readme.md": "hi"})
    big = write_zip(tmp_path / "big.zip", {"big.txt": "ا" * 100, "ok.txt": "نص"})
    monkeypatch.setattr("annotator.formats.documents.ZIP_MEMBER_LIMIT", 150)
    result = read(bad, empty, big, tmp_path / "missing.zip")
    assert ids(result) == ["ok"]
    assert result.problems[0].startswith(f"{bad}: not a readable zip archive")
    assert result.problems[1] == f"{empty}: no .txt, .json, .jsonl, .csv files in this archive"
    assert result.problems[2] == (f"{big}:big.txt: 200 bytes unpacked, over the limit of 150; "
                                  "unzip it first")
    assert result.problems[3] == f"{tmp_path / 'missing.zip'}: the file does not exist"


def test_the_saudinewsnet_zip_imports_as_its_json_does(corpus_zip: Path, corpus: Path) -> None:
    from_zip, from_json = read(corpus_zip), read(corpus)
    assert [d.to_dict() for d in from_zip.documents] == [d.to_dict() for d in from_json.documents]
    assert [p.replace(f"{corpus_zip}:2015-07-21.json", str(corpus)) for p in from_zip.problems] \
        == from_json.problems


def test_a_damaged_member_is_a_problem_and_the_rest_is_read(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "d.zip", {"a.txt": "نص أول " * 50, "b.txt": "نص ثان"})
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("a.txt")
    start = info.header_offset + 30 + len(info.filename)  # a.txt's compressed bytes
    data[start:start + 4] = b"\xff\xff\xff\xff"
    archive.write_bytes(bytes(data))
    result = read(archive)
    assert ids(result) == ["b"]
    [problem] = result.problems
    assert problem.startswith(f"{archive}:a.txt: damaged, cannot be unpacked")


def test_unsafe_names_and_nested_zips_are_reported_not_skipped_silently(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "odd.zip", {
        "../up.txt": "x", "a/../b.txt": "x", "/abs.txt": "نص", "inner.zip": b"PK",
        "ok.txt": "نص"})
    result = read(archive)
    assert ids(result) == ["ok"]
    assert result.problems == [
        f"{archive}:../up.txt: skipped: an unsafe member name (absolute, or with '..')",
        f"{archive}:a/../b.txt: skipped: an unsafe member name (absolute, or with '..')",
        f"{archive}:/abs.txt: skipped: an unsafe member name (absolute, or with '..')",
        f"{archive}: 1 .zip file(s) inside were not read (unzip the archive first)"]
    only_zips = write_zip(tmp_path / "zips.zip", {"2015-07-21.zip": b"PK"})
    assert read(only_zips).problems == [
        f"{only_zips}: no .txt, .json, .jsonl, .csv files in this archive (1 .zip file(s) "
        "inside: unzip it first)"]


def test_a_zip_gives_the_ids_its_extracted_folder_gives(tmp_path: Path) -> None:
    # "a-b/..." sorts before "a/..." as a string, after it as a path: a folder is read as a
    # path, so a zip must be too, or the two texts swap ids.
    members = {"a-b/article.txt": "الثاني", "a/article.txt": "الأول", "article-2.txt": "الثالث"}
    archive = write_zip(tmp_path / "t.zip", members)
    for name, text in members.items():
        write(tmp_path / "t" / name, text)
    from_zip, from_folder = read(archive), read(tmp_path / "t")
    assert [(d.id, d.text) for d in from_zip.documents] == [
        (d.id, d.text) for d in from_folder.documents]


def test_the_same_text_under_the_same_id_is_already_there(tmp_path: Path) -> None:
    """In the project (``existing_sha256`` says its text) or earlier in the same batch."""
    from annotator.core.text import sha256_text

    a = write(tmp_path / "a.txt", "نص أ")
    b = write(tmp_path / "b.txt", "نص ب")
    copy = write(tmp_path / "copy" / "a.txt", "نص أ")
    stored = {"a": sha256_text("نص أ"), "b": sha256_text("نص قديم")}
    result = read_documents([a, b, copy], POLICY, existing_ids=stored,
                            existing_sha256=stored.get)
    assert ids(result) == ["b-2"]
    assert result.sources == [str(b)]
    assert result.already == [(str(a), "a"), (str(copy), "a")]
