"""The optimised agreement paths against a plain reference implementation, on random projects.

Agreement over 30,000 documents must take seconds, so the counting code takes short cuts: spans
all coders marked alike are counted without a look at their characters and tokens, files are
counted from their parsed JSON without building annotation objects, and so on. Here every
figure is computed again the plain way (unit by unit, pair by pair, section by section) and
must come out exactly the same: every count, and every coefficient to the last bit.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from annotator.core import jsonio
from annotator.core.agreement import F1, NONE, Kappa, PairAgreement, PreparedSet, category
from annotator.core.coded_units import counted
from annotator.core.group_agreement import AllCoders, GroupAgreement
from annotator.core.matching import overlap_matching
from annotator.core.model import AnnotationSet, Document
from annotator.core.reliability import _LabelUnits
from annotator.core.text import sha256_text
from annotator.core.tokens import tokenize
from annotator.core.values import is_empty
from annotator.storage.agreement import project_agreement
from annotator.storage.project import Project, load_default_codebook

WORDS = ["هاجمَ", "مسلحو", "داعش", "الجيش", "في", "ريف", "3", "😀", "،", "=x", "ـ", "a_b",
         "\u200f", "👍🏽", "قُتل"]
SEPARATORS = [" ", " ", " ", " ", "\n", "  ", "\t", "\u00a0", " \u200f"]
LABELS = ["ACTOR", "PERSON", "LOCATION", "TIME"]
ROLE_LABELS = {"actor1": ("ACTOR", "PERSON"), "location": ("LOCATION",)}
SUBTYPES = {"battles": "armed_clash", "protests": "peaceful_protest"}
NOMINAL_VALUES = {"actor1_type": ["state_forces", "rebel_group"],
                  "polarity": ["positive", "negative"], "civilian_targeting": [True, False]}


# -- random projects ----------------------------------------------------------------------------
def random_text(rng: random.Random) -> str:
    pieces = []
    for k in range(rng.randint(1, 60)):
        if k:
            pieces.append(rng.choice(SEPARATORS))
        pieces.append(rng.choice(WORDS) + (rng.choice(WORDS) if rng.random() < 0.15 else ""))
    return "".join(pieces)


def random_span(rng: random.Random, text: str, words: list[tuple[int, int]],
                label: str | None = None) -> tuple[int, int, str]:
    """Mostly whole words (one to three), sometimes any stretch of the text."""
    label = label or rng.choice(LABELS)
    if words and rng.random() < 0.85:
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.choice([0, 0, 0, 1, 2]))
        return words[first][0], words[last][1], label
    start = rng.randrange(len(text))
    return start, rng.randint(start + 1, min(len(text), start + 12)), label


def changed(rng: random.Random, spans: list[tuple[int, int, str]], text: str,
            words: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Another coder's spans made from ``spans`` the ways coders differ."""
    out = []
    for start, end, label in spans:
        roll = rng.random()
        if roll < 0.06:
            continue  # left out
        if roll < 0.12:  # one word wider, or a character shorter
            later = [e for s, e in words if s >= end]
            end = later[0] if later and rng.random() < 0.7 else max(start + 1, end - 1)
        elif roll < 0.18:
            label = rng.choice([x for x in LABELS if x != label])
        elif roll < 0.21:
            out.append((start, end, label))  # marked twice
        out.append((start, end, label))
    for _ in range(rng.choice([0, 0, 1, 2])):
        out.append(random_span(rng, text, words))
    rng.shuffle(out)
    return out


def random_events(rng: random.Random, spans: list[dict]) -> list[dict]:
    """Events whose roles and triggers use the spans of the set (as validation wants)."""
    by_label: dict[str, list[str]] = {}
    for s in spans:
        by_label.setdefault(s["label"], []).append(s["id"])
    events = []
    for n in range(rng.randint(0, 3)):
        roles = {}
        actors = by_label.get("ACTOR", []) + by_label.get("PERSON", [])
        if actors and rng.random() < 0.7:
            roles["actor1"] = [rng.choice(actors)]
        if by_label.get("LOCATION") and rng.random() < 0.6:
            roles["location"] = sorted(set(rng.choices(by_label["LOCATION"], k=2)))
        fields: dict = {"notes": rng.choice(["", "x", "  "])}
        for fid, values in NOMINAL_VALUES.items():
            if rng.random() < 0.7:
                fields[fid] = rng.choice(values)
        if rng.random() < 0.7:
            fields["fatalities"] = {"value": rng.randint(0, 2), "qualifier": "at_least"}
        etype = rng.choice(["battles", "protests"])
        events.append({"id": f"e{n}", "type": etype,
                       "subtype": rng.choice([None, SUBTYPES[etype]]),
                       "trigger": rng.choice([*by_label.get("TRIGGER", []), None]),
                       "roles": roles, "fields": fields})
    return events


def changed_events(rng: random.Random, events: list[dict], spans: list[dict]) -> list[dict]:
    """Another coder's events made from ``events``, on that coder's spans (a span id that now
    names a span of another label is dropped, as validation would refuse it)."""
    out = json.loads(json.dumps(events))
    labels = {s["id"]: s["label"] for s in spans}
    for e in out:
        if labels.get(e["trigger"]) != "TRIGGER":
            e["trigger"] = None
        e["roles"] = {r: [s for s in f if labels.get(s) in ROLE_LABELS[r]]
                      for r, f in e["roles"].items()}
        e["roles"] = {r: f for r, f in e["roles"].items() if f}
        roll = rng.random()
        if roll < 0.2:
            e["fields"]["polarity"] = rng.choice(NOMINAL_VALUES["polarity"])
        elif roll < 0.25:
            e["fields"].pop("polarity", None)
        elif roll < 0.35:
            e["type"] = "protests" if e["type"] == "battles" else "battles"
            e["subtype"] = rng.choice([None, SUBTYPES[e["type"]]])
        elif roll < 0.4:
            e["trigger"] = None
        elif roll < 0.5:
            e["fields"].pop("fatalities", None)
        elif roll < 0.55:
            e["fields"]["notes"] = "changed"
    return out if rng.random() < 0.9 else out[:-1]


def random_document(rng: random.Random, doc_id: str, coders: list[str]
                    ) -> tuple[Document, dict[str, dict]]:
    """A document and the sets of two or more of ``coders`` (as parsed JSON)."""
    text = random_text(rng)
    words = tokenize(text)
    first = [random_span(rng, text, words, "TRIGGER" if k < 2 else None)
             for k in range(rng.randint(0, 14))]
    present = [c for c in coders if rng.random() < 0.85] or coders[:1]
    if len(present) < 2:
        present = coders[:2]
    sets, items, events = {}, first, None
    for coder in present:
        items = (first if rng.random() < 0.15 else changed(rng, items, text, words))
        spans = [{"id": f"s{k}", "start": s, "end": e, "label": label, "text": text[s:e]}
                 for k, (s, e, label) in enumerate(items)]
        events = (random_events(rng, spans) if events is None
                  else changed_events(rng, events, spans))
        fields = {"relevance": rng.choice(["relevant", "not_relevant"])} if rng.random() < 0.8 \
            else {"document_notes": "x"}
        sets[coder] = {"spans": spans, "events": events, "fields": fields}
    return Document(doc_id, text), sets


def random_project(seed: int, n_docs: int = 12, n_coders: int = 2
                   ) -> list[tuple[Document, dict[str, dict]]]:
    rng = random.Random(seed)
    coders = ["ali", "bea", "cem"][:n_coders]
    return [random_document(rng, f"d{k}", coders) for k in range(n_docs)]


def annotation_file(document: Document, coder: str, part: dict, ref: dict) -> dict:
    return {"format_version": 1, "offset_unit": "codepoint",
            "document": {"id": document.id, "sha256": document.sha256}, "coder": coder,
            "codebook": ref, "status": "in_progress", "created": "2026-01-01T00:00:00Z",
            "modified": "2026-01-01T00:00:00Z", **part}


# -- the plain reference ------------------------------------------------------------------------
def categories(units: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str]:
    """Each unit's category for one coder: the labels of the spans overlapping it."""
    return ["+".join(sorted({lab for s, e, lab in spans if s < hi and lo < e})) or "O"
            for lo, hi in units]


def max_matching(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]) -> Counter:
    """The size of a maximum one-to-one matching of same-label overlapping spans, by label
    (augmenting paths, one at a time)."""
    match_b: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, (sb, eb, lb) in enumerate(b):
            if j not in seen and lb == a[i][2] and sb < a[i][1] and a[i][0] < eb:
                seen.add(j)
                if j not in match_b or augment(match_b[j], seen):
                    match_b[j] = i
                    return True
        return False

    for i in range(len(a)):
        augment(i, set())
    return Counter(a[i][2] for i in match_b.values())


def anchor(event: dict, spans: dict[str, tuple[int, int, str]]) -> tuple[int, int] | None:
    if event.get("trigger") in spans:
        return spans[event["trigger"]][:2]
    fillers = [spans[s] for f in event["roles"].values() for s in f if s in spans]
    if not fillers:
        return None
    return min(s[0] for s in fillers), max(s[1] for s in fillers)


def event_pairs(ev_a: list[dict], ev_b: list[dict], sa: dict, sb: dict) -> list[tuple]:
    """Lenient pairs of events; which maximum matching is the matching module's policy."""
    anch_a = [(e, anchor(e, sa)) for e in ev_a]
    anch_b = [(e, anchor(e, sb)) for e in ev_b]
    with_a = [(e, x) for e, x in anch_a if x is not None]
    with_b = [(e, x) for e, x in anch_b if x is not None]
    pairs = [(with_a[i][0], with_b[j][0]) for i, j in overlap_matching(
        [(*x, e["type"]) for e, x in with_a], [(*x, e["type"]) for e, x in with_b])]
    loose_a = [e for e, x in anch_a if x is None]
    loose_b = [e for e, x in anch_b if x is None]
    if len(with_a) == len(ev_a) or len(with_b) == len(ev_b):
        return pairs
    for etype in dict.fromkeys(e["type"] for e in loose_a):
        left = [e for e in loose_a if e["type"] == etype]
        right = [e for e in loose_b if e["type"] == etype]
        for e in list(left):
            key = json.dumps([e.get("subtype"), e["fields"]], ensure_ascii=False, sort_keys=True)
            twin = next((f for f in right if json.dumps([f.get("subtype"), f["fields"]],
                        ensure_ascii=False, sort_keys=True) == key), None)
            if twin is not None:
                pairs.append((e, twin))
                left.remove(e)
                right.remove(twin)
        pairs += zip(left, right, strict=False)
    return pairs


def field_pairs(out: dict, fa: dict, fb: dict, nominal: frozenset[str]) -> None:
    for fid in sorted(fa.keys() | fb.keys()):
        va, vb = fa.get(fid), fb.get(fid)
        if is_empty(va) and is_empty(vb):
            continue
        if fid in nominal:
            pair = (category(va), category(vb))
        else:
            pair = ("=", "=") if va == vb else ("a", "b")
        out.setdefault(fid, Kappa(nominal=fid in nominal)).add(*pair)


def reference_pair(a: str, b: str, docs: list[tuple[Document, dict[str, dict]]],
                   nominal: frozenset[str]) -> PairAgreement:
    out = PairAgreement(a, b)
    for document, sets in docs:
        if a not in sets or b not in sets:
            continue
        out.documents += 1
        text = document.text
        sa, sb = sets[a], sets[b]
        ia = [(s["start"], s["end"], s["label"]) for s in sa["spans"]]
        ib = [(s["start"], s["end"], s["label"]) for s in sb["spans"]]
        strict = Counter(ia) & Counter(ib)
        lenient = max_matching(ia, ib)
        ca, cb = Counter(x[2] for x in ia), Counter(x[2] for x in ib)
        for label in ca.keys() | cb.keys():
            out.labels_strict.setdefault(label, F1()).add(
                ca[label], cb[label], sum(n for x, n in strict.items() if x[2] == label))
            out.labels_lenient.setdefault(label, F1()).add(ca[label], cb[label],
                                                           lenient[label])
        out.spans_strict.add(len(ia), len(ib), sum(strict.values()))
        out.spans_lenient.add(len(ia), len(ib), sum(lenient.values()))
        out.spans_boundaries.add(len(ia), len(ib), sum(
            (Counter(x[:2] for x in ia) & Counter(x[:2] for x in ib)).values()))
        chars = [(i, i + 1) for i, ch in enumerate(text) if counted(ch)]
        out.characters.pairs.update(zip(categories(chars, ia), categories(chars, ib),
                                        strict=True))
        by_a = {s["id"]: (s["start"], s["end"], s["label"]) for s in sa["spans"]}
        by_b = {s["id"]: (s["start"], s["end"], s["label"]) for s in sb["spans"]}
        ev_a, ev_b = sa["events"], sb["events"]
        out.events_strict.add(len(ev_a), len(ev_b), sum(
            (Counter((e["type"], anchor(e, by_a)) for e in ev_a)
             & Counter((e["type"], anchor(e, by_b)) for e in ev_b)).values()))
        pairs = event_pairs(ev_a, ev_b, by_a, by_b)
        out.events_lenient.add(len(ev_a), len(ev_b), len(pairs))
        ta, tb = Counter(e["type"] for e in ev_a), Counter(e["type"] for e in ev_b)
        matched = Counter(e["type"] for e, _ in pairs)
        for etype in ta.keys() | tb.keys():
            out.types_lenient.setdefault(etype, F1()).add(ta[etype], tb[etype], matched[etype])
        for ea, eb in pairs:
            out.subtypes.add(ea.get("subtype") or NONE, eb.get("subtype") or NONE)
            for role in ea["roles"].keys() | eb["roles"].keys():
                fa = [by_a[s][:2] for s in ea["roles"].get(role, ()) if s in by_a]
                fb = [by_b[s][:2] for s in eb["roles"].get(role, ()) if s in by_b]
                out.roles.setdefault(role, F1()).add(len(fa), len(fb), sum(
                    (Counter(fa) & Counter(fb)).values()))
            field_pairs(out.event_fields, ea["fields"], eb["fields"], nominal)
        field_pairs(out.document_fields, sa["fields"], sb["fields"], nominal)
    out.subtypes_defined = out.documents > 0  # the codebook's event types have sub-types
    return out


def sections(length: int, units: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    out, position = [], 0
    for start, end in units:
        if start > position:
            out.append((position, start, False))
        out.append((start, end, True))
        position = end
    if position < length:
        out.append((position, length, False))
    return out


def distance(length: int, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Krippendorff's distance summed over every pair of sections, as defined (2004)."""
    total = 0
    for gs, ge, g_unit in sections(length, a):
        for hs, he, h_unit in sections(length, b):
            if g_unit and h_unit and gs < he and hs < ge:
                total += (gs - hs) ** 2 + (ge - he) ** 2
            elif g_unit and not h_unit and hs <= gs and ge <= he:
                total += (ge - gs) ** 2
            elif h_unit and not g_unit and gs <= hs and he <= ge:
                total += (he - hs) ** 2
    return total


def units_of(spans: list[tuple[int, int, str]], label: str) -> list[tuple[int, int]]:
    """One coder's units of a label: its spans of that label, overlapping ones merged."""
    out: list[list[int]] = []
    for s, e, _ in sorted(x for x in spans if x[2] == label):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def reference_all(docs: list[tuple[Document, dict[str, dict]]], coders: list[str]
                  ) -> AllCoders:
    out = AllCoders(documents=len(docs))
    chars, tokens, u, per_document = (out.characters, out.tokens, out.unitizing,
                                      out.coders_per_document)
    for document, sets in docs:
        present = [c for c in coders if c in sets]
        items = [[(s["start"], s["end"], s["label"]) for s in sets[c]["spans"]]
                 for c in present]
        text, length = document.text, len(document.text)
        per_document[len(present)] += 1
        char_units = [(i, i + 1) for i, ch in enumerate(text) if counted(ch)]
        for unit_list, units in ((char_units, chars), (tokenize(text), tokens)):
            for values in zip(*(categories(unit_list, spans) for spans in items), strict=True):
                units.add(values)
        u.documents += 1
        u.length += length
        u.coded += len(present) * length
        u.paired += len(present) * (len(present) - 1) * length
        u.whole += [length] * len(present)
        for spans in items:
            for label in sorted({x[2] for x in spans}):
                entry = u.labels.setdefault(label, _LabelUnits())
                mine = units_of(spans, label)
                entry.used.append(length)
                entry.units += [e - s for s, e in mine]
                entry.gaps += [e - s for s, e, unit in sections(length, mine) if not unit]
        for x, y in combinations(items, 2):
            for label in {s[2] for s in x} | {s[2] for s in y}:
                u.labels[label].observed += 2 * distance(length, units_of(x, label),
                                                         units_of(y, label))
    return out


def assert_same_figures(group: GroupAgreement, docs: list[tuple[Document, dict[str, dict]]],
                        nominal: frozenset[str]) -> None:
    for (a, b), pair in group.pairs.items():
        assert pair == reference_pair(a, b, docs, nominal), (a, b)
    reference = reference_all(docs, group.coders)
    ours = group.all
    assert ours.characters.units == reference.characters.units
    assert ours.tokens.units == reference.tokens.units
    assert ours.coders_per_document == reference.coders_per_document
    assert ours.documents == reference.documents
    mine, u = ours.unitizing, reference.unitizing
    assert (mine.length, mine.coded, mine.paired, mine.documents) == (
        u.length, u.coded, u.paired, u.documents)
    assert Counter(mine.whole) == Counter(u.whole)
    assert mine.labels.keys() == u.labels.keys()
    for label, entry in u.labels.items():
        theirs = mine.labels[label]
        assert theirs.observed == entry.observed, label
        assert (Counter(theirs.units), Counter(theirs.gaps), Counter(theirs.used)) == (
            Counter(entry.units), Counter(entry.gaps), Counter(entry.used)), label
        assert mine.label(label) == u.label(label)
    assert ours.figures() == reference.figures()
    assert ours.u_alpha_by_label() == reference.u_alpha_by_label()


# -- the tests ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def nominal() -> frozenset[str]:
    cb = load_default_codebook()
    return frozenset(f.id for f in cb.event_fields + cb.document_fields
                     if f.type in ("enum", "boolean") and not f.multiple)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("n_coders", [2, 3])
def test_every_figure_equals_the_plain_reference(seed, n_coders, nominal):
    cb = load_default_codebook()
    docs = random_project(seed, n_coders=n_coders)
    coders = sorted({c for _, sets in docs for c in sets})
    from_objects, from_data = GroupAgreement(coders), GroupAgreement(coders)
    for document, sets in docs:
        full = {c: AnnotationSet.from_dict(annotation_file(document, c, part, {
            "id": cb.id, "version": cb.version, "sha256": cb.sha256})) for c, part in sets.items()}
        from_objects.add(document, full, cb)
        from_data.add_prepared(document.text, {c: PreparedSet.from_data(part)
                                               for c, part in sets.items()}, cb)
    together = GroupAgreement(coders)  # laid end to end, counted in one go
    together.add_documents([(document.text, {c: PreparedSet.from_data(part)
                                              for c, part in sets.items()})
                            for document, sets in docs], cb)
    assert_same_figures(from_objects, docs, nominal)
    assert_same_figures(from_data, docs, nominal)
    assert_same_figures(together, docs, nominal)
    assert from_objects.to_dict() == from_data.to_dict() == together.to_dict()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_project_read_from_files_has_the_figures_of_the_reference(tmp_path: Path, workers,
                                                                    monkeypatch, nominal):
    import annotator.storage.agreement as storage_agreement

    monkeypatch.setattr(storage_agreement, "PARALLEL_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(storage_agreement, "_CHUNK", 7)
    project = Project.init(tmp_path / "p")
    ref = project.codebook.ref()
    docs = random_project(99, n_docs=30, n_coders=3)
    for document, sets in docs:
        data = {"format_version": 1, "id": document.id, "sha256": sha256_text(document.text),
                "meta": {}, "text": document.text}
        (project.documents_dir / f"{document.id}.json").write_bytes(jsonio.dump_bytes(data))
        for coder, part in sets.items():
            folder = project.annotations_dir / coder
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{document.id}.json").write_bytes(jsonio.dump_bytes(
                annotation_file(document, coder, part, ref)))
    result = project_agreement(project, status=None, workers=workers)
    assert result.problems == []
    assert result.compared == len(docs)
    assert_same_figures(result.group, docs, nominal)
