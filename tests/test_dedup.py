"""Tests for pipeline.dedup: golden cases (tests/data/dedup/cases.json), seeds, properties."""

from __future__ import annotations

import itertools
import json
import pickle
from array import array
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import DedupConfig
from pipeline.dedup import DedupIndex, DedupParams, DedupResult, compute_signature, decide
from pipeline.dedup.text import words
from pipeline.document import Category, Document, Span
from pipeline.segment import segment

DATA = Path(__file__).parent / "data" / "dedup" / "cases.json"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "seeds.expect.json"
CASES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
CFG = DedupConfig()


def make(doc_id: str, text: str) -> Document:
    return segment(Document(id=doc_id, source=f"{doc_id}.txt", format="text", text=text))


def run(docs: list[Document], index: DedupIndex | None = None) -> dict[str, DedupResult]:
    return decide([compute_signature(d, CFG) for d in docs], DedupIndex() if index is None else index, CFG)


def dup_texts(doc: Document, res: DedupResult) -> list[tuple[str, str]]:
    return [(doc.text[d.start : d.end], d.of) for d in res.duplicates]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    docs = [make(d["id"], d["text"]) for d in case["docs"]]
    by_id = {d.id: d for d in docs}
    res = run(docs)
    first = docs[0].id
    assert res[first].duplicates == () and res[first].duplicate_of is None
    for doc_id, exp in case["expect"].items():
        doc, r = by_id[doc_id], res[doc_id]
        want = [(x["text"], x["of"]) for x in exp["duplicates"]]
        assert dup_texts(doc, r) == want
        for keep in exp["keep"]:
            start = doc.text.index(keep)
            end = start + len(keep)
            assert all(d.end <= start or d.start >= end for d in r.duplicates), keep
        assert r.duplicate_of == exp["duplicate_of"]
        for d in r.duplicates:
            of_text = by_id[d.of].text[d.of_start : d.of_end]
            assert of_text and 0 < d.similarity <= 1


ADVERSARIAL_DATA = DATA.parent / "adversarial.json"
ADVERSARIAL: list[dict[str, Any]] = json.loads(ADVERSARIAL_DATA.read_text(encoding="utf-8"))["cases"]


def _covered(doc: Document, res: DedupResult, text: str) -> tuple[bool, set[str]]:
    """Whether duplicate spans cover at least half of ``text``'s visible characters, and what they copy."""
    i = doc.text.index(text)
    spans = [d for d in res.duplicates if d.start < i + len(text) and d.end > i]
    visible = [q for q in range(i, i + len(text)) if not doc.text[q].isspace()]
    hit = sum(1 for q in visible if any(d.start <= q < d.end for d in spans))
    return 2 * hit >= len(visible), {d.of for d in spans}


@pytest.mark.parametrize("case", ADVERSARIAL, ids=[c["name"] for c in ADVERSARIAL])
def test_adversarial(case: dict[str, Any]) -> None:
    """Session 31's blind round: what held then holds; a known miss that now passes must lose its note."""
    docs = [make(d["id"], d["text"]) for d in case["docs"]]
    by_id = {d.id: d for d in docs}
    res = run(docs)
    for doc_id, exp in case["expect"].items():
        doc, r = by_id[doc_id], res[doc_id]
        # (a paper that reprints the agency's copy whole is a duplicate document: round 50's Independent)
        assert r.duplicate_of == exp.get("duplicate_of"), (doc_id, r.duplicate_of)
        if r.duplicate_of is not None:
            continue
        for x in exp["copies"]:
            removed, of = _covered(doc, r, x["text"])
            assert removed != ("known" in x), (
                x["text"],
                x.get("known", "missed"),
                "now removed" if removed else "",
            )
            if removed:
                assert (x["of"] in of) != ("known_of" in x), (x["text"], of)
        for x in exp["keep"]:
            removed, _ = _covered(doc, r, x["text"])
            assert removed == ("known" in x), (x["text"], x.get("known", "removed"))


def _fold(s: str) -> str:
    return " ".join(s.replace("“", '"').replace("”", '"').replace("’", "'").split())


@pytest.mark.skipif(not SPEC.exists(), reason="shared seed spec not available")
def test_seeds_000_then_002() -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))["documents"]["002_6b0c022c36250b00"]
    docs = [make(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("00[02]_*.txt"))]
    res = run(docs)
    later = docs[1]
    found = [(_fold(t), of) for t, of in dup_texts(later, res[later.id])]
    for want in spec["duplicate_of"]:
        assert any(_fold(want["text"]) in t and of == want["of"] for t, of in found), want["text"]
    kept = _fold(later.text)
    for d in res[later.id].duplicates:
        kept = kept.replace(_fold(later.text[d.start : d.end]), " ")
    for para in spec["not_duplicate"] + spec["keep"]:
        assert _fold(para) in kept, para
    assert res[later.id].duplicate_of is None


def test_all_seeds_decisions_are_plausible() -> None:
    docs = [make(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    res = run(docs)
    assert all(r.duplicate_of is None for r in res.values())
    assert {d.of for r in res.values() for d in r.duplicates} <= {docs[0].id}


def test_removed_text_is_ignored() -> None:
    text = "The bridge over the river will open in May next year, officials said."
    a = make("a", text)
    b_text = "Intro line here. " + text
    b = make("b", b_text)
    b = Document(
        **{
            **{f: getattr(b, f) for f in b.__dataclass_fields__},
            "removed": (Span(17, len(b_text), Category.RELATED_LINKS, "related_links/en/test"),),
        }
    )
    res = run([a, b])
    assert res["b"].duplicates == ()
    sig = compute_signature(b, CFG)
    assert all(e <= 17 for e in sig.ends)


def _pieces_tried_on_every_removal(doc: Document) -> list[tuple[int, int]]:
    """The passages' (start, end) as they were found before: every removal tried on every sentence."""
    from pipeline.dedup.core import _kept_pieces
    from pipeline.dedup.text import _WORD

    removed = sorted((r.start, r.end) for r in doc.removed)
    out = []
    for sent in doc.sentences:
        for s, e in _kept_pieces(sent.start, sent.end, removed):
            piece = doc.text[s:e]
            if _WORD.search(piece):
                out.append((s + len(piece) - len(piece.lstrip()), e - (len(piece) - len(piece.rstrip()))))
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Bridge opens. ", "The “vote” went on. ", "x\n", "\n\n", "A b c d e f. "]),
        max_size=30,
    ),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=25),
)
def test_passages_skip_removed_text_as_when_every_removal_was_tried(
    parts: list[str], cuts: list[Any]
) -> None:
    """The sweep over removals (linear; before, every removal was tried on every sentence: a long
    page with much cut took minutes) gives the same passages, overlapping and empty removals too."""
    text = "".join(parts)
    spans = tuple(
        Span(min(a, len(text)), min(a + n, len(text)), Category.OTHER, "other/test") for a, n in cuts
    )
    doc = segment(Document(id="d", source="d", format="text", text=text, removed=spans))
    sig = compute_signature(doc, CFG)
    assert list(zip(sig.starts, sig.ends, strict=True)) == _pieces_tried_on_every_removal(doc)
    # a caller's own sentences, out of text order: every removal is looked at again
    backwards = doc.replace(sentences=tuple(reversed(doc.sentences)))
    sig = compute_signature(backwards, CFG)
    assert list(zip(sig.starts, sig.ends, strict=True)) == _pieces_tried_on_every_removal(backwards)


def test_each_sentence_is_cut_only_by_the_removals_near_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.dedup import core

    tried: list[int] = []
    kept_pieces = core._kept_pieces

    def counting(start: int, end: int, removed: Any) -> list[tuple[int, int]]:
        tried.append(len(removed))
        return kept_pieces(start, end, removed)

    monkeypatch.setattr(core, "_kept_pieces", counting)
    line = "Share on Twitter\n"
    story = "The council approved the new budget for road repairs on Thursday.\n"
    text = (story + line * 3) * 200
    spans = tuple(
        Span(i, i + len(line) - 1, Category.SHARE_WIDGET, "share_widget/en/test")
        for i in range(len(text))
        if text.startswith(line, i)
    )
    sig = compute_signature(
        segment(Document(id="d", source="d", format="text", text=text, removed=spans)), CFG
    )
    assert len(sig.starts) == 200 and len(spans) == 600
    # before: all 600 removals were tried on each of the 800 sentences
    assert max(tried) <= 3


def test_a_long_copy_keeps_the_window_cache_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document that copies a long one has a window per passage; the matchers kept for them
    stay within the cache's size (before: one per window for the whole document, 2.5 GB for 14 MB)."""
    from pipeline.dedup import core

    monkeypatch.setattr(core, "_WINDOW_CACHE", 64)
    sentences = [f"Report {i} says the w{i}a council met the w{i}b group on w{i}c." for i in range(400)]
    # paragraphs of three sentences: passages spread over many windows of the earlier document
    text = "\n\n".join(" ".join(sentences[k : k + 3]) for k in range(0, 400, 3))
    index = DedupIndex()
    largest: list[int] = []
    aligned_window = core._aligned_window

    def watching(*args: Any) -> Any:
        got = aligned_window(*args)
        largest.append(len(index.windows))
        return got

    monkeypatch.setattr(core, "_aligned_window", watching)
    res = run([make("a", text), make("b", text)], index)
    assert res["b"].duplicate_of == "a" and len(res["b"].duplicates) == 400
    assert len(largest) > 64 and max(largest) <= 64


_WIRE_A = (
    "Jefferies Group Inc said it is\n"
    "planning to sell its stake in a regional broker to a group of investors\n"
    "led by its chairman for about 40 mln dlrs in cash and notes.\n"
    "    The company said the sale would close by the end of the second quarter.\n"
)
_WIRE_B = (
    "Jefferies Group Inc said it is\n"
    "opening three new offices in Europe this year as part of a plan to\n"
    "double the size of its international equity business by the end of 1988.\n"
    "    Each office will employ about twenty analysts and traders, it added.\n"
)


def test_a_wire_story_beginning_like_another_keeps_its_first_line() -> None:
    """Hard-wrapped wire copy: the first line is a fragment of a sentence. Matching another story's
    first line alone is no copy (before: "Jefferies Group Inc said it is" went)."""
    res = run([make("a", _WIRE_A), make("b", _WIRE_B)])
    assert res["b"].duplicates == () and res["b"].duplicate_of is None


def test_a_refiled_wire_story_is_a_whole_duplicate_though_its_first_line_began_another() -> None:
    """The refile's first line matches story a as well as b (no evidence for a); the rest copies b:
    the refile is a whole duplicate of b, not a record holding only its first line."""
    docs = [make("a", _WIRE_A), make("b", _WIRE_B), make("c", _WIRE_B)]
    sig = compute_signature(docs[2], CFG)
    assert sig.runs_on[0] == 1  # the first line runs on
    res = run(docs)
    assert res["c"].duplicate_of == "b"


def test_signature_is_picklable_and_stable() -> None:
    doc = make("a", "“Azerbaijan is an important country for us,” Inbar said. He said.")
    sig = compute_signature(doc, CFG)
    again = pickle.loads(pickle.dumps(sig))
    assert again == sig == compute_signature(doc, CFG)


def test_min_words_respected() -> None:
    cfg = DedupConfig(min_words=20)
    text = "The festival drew more than forty thousand visitors to the harbour this weekend."
    docs = [make("a", text), make("b", text)]
    res = decide([compute_signature(d, cfg) for d in docs], DedupIndex(), cfg)
    assert res["b"].duplicates == ()


def test_index_roundtrip_gives_same_decisions() -> None:
    docs = [make(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    whole = run(docs)
    index = DedupIndex()
    run(docs[:1], index)
    restored = DedupIndex.from_blobs(index.to_blobs())
    assert restored.to_blobs() == index.to_blobs() and len(restored) > 0
    later = run(docs[1:], restored)
    assert later == {d.id: whole[d.id] for d in docs[1:]}
    assert later["002_6b0c022c36250b00"].duplicates


def test_a_whole_duplicate_keeps_its_place_through_the_index_blobs() -> None:
    cfg = DedupConfig()
    text = "The festival drew more than forty thousand visitors to the harbour this weekend, organisers said."
    other = "Farmers protested in the capital on Monday against the new tax on diesel fuel and fertiliser."
    index = DedupIndex()
    res = decide([compute_signature(make(i, t), cfg) for i, t in (("a", text), ("c", text))], index, cfg)
    assert res["c"].duplicate_of == "a"
    decide([compute_signature(make("b", other), cfg)], index, cfg)
    restored = DedupIndex.from_blobs(index.to_blobs())
    c = compute_signature(make("c", text), cfg)
    assert restored.duplicate_place("c", c.words) == index.duplicate_place("c", c.words) == len(index) - 1
    # a rerun of c with an index whose first passage (a) comes later in this run's order
    assert decide([c], restored, cfg)["c"].duplicate_of == "a"
    # a store written before whole duplicates were recorded reads as holding none
    blobs = index.to_blobs()
    del blobs["duplicates"]
    assert DedupIndex.from_blobs(blobs).duplicates == {}


STATEMENT = (
    "“After a lot of consideration I have decided to call it a day with the band,” he said. "
    "“I would like to thank everyone around it, especially the fans, for making it so special.”"
)


def test_quoted_speech_needs_more_evidence_than_itself() -> None:
    """One shared quotation of a public statement is no evidence of copying; more shared text is."""
    a = make("a", "The guitarist quit the band on Monday. " + STATEMENT.split(" “I would")[0])
    b = make("b", "Fans in Manchester were shocked. " + STATEMENT.split(" “I would")[0])
    assert run([a, b])["b"].duplicates == ()
    # the same decision without the document-level rule removes the quotation
    sigs = [compute_signature(d, CFG) for d in (a, b)]
    loose = decide(sigs, DedupIndex(), CFG, DedupParams(quote_support=1))
    assert [t for t, _ in dup_texts(b, loose["b"])] == [STATEMENT.split(" “I would")[0]]
    # two quoted passages from the same earlier document support each other
    a2 = make("a", "The guitarist quit on Monday. " + STATEMENT)
    b2 = make("b", "Fans were shocked. " + STATEMENT)
    assert len(run([a2, b2])["b"].duplicates) == 2
    # a narrative sentence is removed on its own, as before
    c = make("c", "Fans were shocked. The guitarist quit the band on Monday.")
    assert [t for t, _ in dup_texts(c, run([a, c])["c"])] == ["The guitarist quit the band on Monday."]


WIRE = (
    "Norway will buy 14 new military helicopters from Italy's Leonardo to replace its ageing fleet, "
    "Defence Minister Kari Solberg said on Wednesday. The deal is the largest helicopter purchase in "
    "the country's history, the ministry said in a statement."
)


@pytest.mark.parametrize(
    "later",
    [
        "According to Defence Minister Kari Solberg, Norway will buy 14 new military helicopters from "
        "Italy's Leonardo to replace its ageing fleet.",
        "Defence Minister Kari Solberg said on Wednesday that Norway will buy new military helicopters "
        "from Italy's Leonardo to replace its ageing fleet.",
        "According to the ministry, the deal is the largest helicopter purchase in the country's history.",
    ],
)
def test_an_attribution_moved_in_front_of_a_copied_statement_is_a_light_edit(later: str) -> None:
    a = make("a", WIRE)
    b = make("b", "Oslo has long debated the purchase. " + later)
    assert [t for t, _ in dup_texts(b, run([a, b])["b"])] == [later]
    # the statement is scored on its own: the whole sentence, its words in order, is not enough
    sig = compute_signature(b, CFG)
    assert sig.statements is not None and sig.statements[3] > sig.statements[2] > 0
    bare = decide([compute_signature(a, CFG), replace(sig, statements=None)], DedupIndex(), CFG)
    assert bare["b"].duplicates == ()


def test_a_short_statement_beside_an_attribution_is_not_scored_on_its_own() -> None:
    """A statement of under ten words is a stock line as often as a copy ("he has decided not to renew
    his contract" for "... not to extend his contract")."""
    a = make("a", "So he has decided not to extend his contract at the end of March.")
    b = make("b", "The presenter announced this weekend that he has decided not to renew his contract.")
    assert compute_signature(b, CFG).statements is None
    assert run([a, b])["b"].duplicates == ()


def test_a_statement_beside_its_attribution_needs_more_than_the_threshold() -> None:
    """The statement is shorter than its sentence: another country's figure aligns 0.77 with it."""
    a = make("a", "But a fall in jobseekers pushed the unemployment rate to its lowest level in three years.")
    later = (
        "Brazil's unemployment rate fell to its lowest level in three years in December, "
        "according to the government."
    )
    b = make("b", "Markets rose in Sao Paulo. " + later)
    assert run([a, b])["b"].duplicates == ()
    sigs = [compute_signature(d, CFG) for d in (a, b)]
    loose = decide(sigs, DedupIndex(), CFG, DedupParams(statement_threshold=CFG.threshold))
    assert [t for t, _ in dup_texts(b, loose["b"])] == [later]


def test_quotation_running_over_sentences_is_quoted_speech() -> None:
    doc = make("a", "He said: “We will win. They know it. We are ready.” Then he left the stage quickly.")
    sig = compute_signature(doc, CFG)
    assert list(sig.quoted) == [3, 3, 3, 0]  # the middle sentence has no quote mark of its own
    assert list(sig.speech) == [1, 0, 0, 0]


# -- properties -----------------------------------------------------------------------------

WORDS = ["the", "bridge", "river", "open", "May", "minister", "said", "new", "will", "year", "city", "rain"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
document = st.lists(sentence, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(document, min_size=1, max_size=6))
def test_dedup_never_adds_text_and_is_order_stable(texts: list[str]) -> None:
    docs = [make(f"d{i}", t) for i, t in enumerate(texts)]
    res = run(docs)
    again = run(docs)
    assert res == again
    for doc in docs:
        r = res[doc.id]
        spans = sorted((d.start, d.end) for d in r.duplicates)
        bounds = [*spans, (len(doc.text), len(doc.text))]
        for (s, e), nxt in itertools.pairwise(bounds):
            assert 0 <= s < e <= nxt[0] <= len(doc.text)
        for d in r.duplicates:
            assert int(d.of[1:]) < int(doc.id[1:])
    # decisions of a prefix never depend on documents that come later
    k = max(1, len(docs) // 2)
    prefix = run(docs[:k])
    assert all(prefix[d.id] == res[d.id] for d in docs[:k])


def test_chinese_text_is_compared_character_by_character() -> None:
    # before, a line of Chinese was one "word" (no spaces), too short to compare: copies of a
    # Chinese page were never found, and three of them made the whole page a "site template"
    first = (
        "国家统计局周一发布数据显示，十月份全国规模以上工业增加值同比增长百分之五点三。\n"
        "专家表示，制造业投资回升是主要原因。"
    )
    other = "市政府周二宣布，新的地铁线路将于明年五月开通，全长二十公里，设十五个车站。\n市民对此表示欢迎。"
    texts = (("a", first), ("b", first), ("c", other))
    docs = [Document(id=i, source=i, format="text", text=t) for i, t in texts]
    res = decide([compute_signature(d, DedupConfig()) for d in docs], DedupIndex(), DedupConfig())
    assert res["b"].duplicate_of == "a"
    assert res["c"].duplicate_of is None and res["c"].duplicates == ()


def test_a_page_of_short_lines_seen_again_is_a_whole_duplicate() -> None:
    # a results page crawled twice: every line shorter than the words a passage needs, so no
    # passage was compared and both copies were kept (and three made every line a site template)
    page = "Tour de Suisse\nEtappe 3\nAnthony Ravard\nPlatz 12\nRückstand 1:02\nTeam AG2R\nPunkte 14\n"
    other = "Tour de Suisse\nEtappe 4\nJens Voigt\nPlatz 3\nRückstand 0:12\nTeam CSC\nPunkte 30\n"
    docs = [
        Document(id=i, source=i, format="text", text=t) for i, t in (("a", page), ("b", page), ("c", other))
    ]
    sigs = [compute_signature(d, DedupConfig()) for d in docs]
    res = decide(sigs, DedupIndex(), DedupConfig())
    assert (res["b"].duplicate_of, res["b"].similarity) == ("a", 1.0)
    assert res["c"].duplicate_of is None
    # the same one document at a time through one index, as runs through the state do
    index = DedupIndex()
    one_by_one = {k: v for s in sigs for k, v in decide([s], index, DedupConfig()).items()}
    assert one_by_one == res
    # a rerun of the whole duplicate (the same id, the same words) is decided the same again
    assert decide([sigs[1]], index, DedupConfig())["b"].duplicate_of == "a"


def test_a_rerun_is_no_exact_copy_of_a_document_indexed_after_its_place() -> None:
    # "b" was decided (a whole duplicate) when the index held one passage; "c", indexed later, has
    # its very words: decided again, "b" is compared with the index as it stood then, not with "c"
    page = "Tour de Suisse\nEtappe 3\nAnthony Ravard\nPlatz 12\nRückstand 1:02\nTeam AG2R\nPunkte 14\n"
    index = DedupIndex()
    index.add_document("a", [0], [5], [0, 1], array("H", [7]))
    sig = compute_signature(Document(id="b", source="b", format="text", text=page), DedupConfig())
    index.add_duplicate("b", sig.words, 1)
    index.add_document("c", sig.starts, sig.ends, sig.word_offsets, sig.words, digest=sig.digest)
    assert decide([sig], index, DedupConfig())["b"].duplicate_of is None


def test_a_document_is_no_exact_copy_of_an_earlier_version_of_itself() -> None:
    # an input changed, then changed back: its first version is its own, no earlier document
    page = "Tour de Suisse\nEtappe 3\nAnthony Ravard\nPlatz 12\nRückstand 1:02\nTeam AG2R\nPunkte 14\n"
    other = "Tour de Suisse\nEtappe 4\nJens Voigt\nPlatz 3\nRückstand 0:12\nTeam CSC\nPunkte 30\n"
    sigs = [
        compute_signature(Document(id="a", source="a", format="text", text=t), DedupConfig())
        for t in (page, other)
    ]
    index = DedupIndex()
    for s in sigs:
        index.add_document("a", s.starts, s.ends, s.word_offsets, s.words, digest=s.digest)
    assert decide([sigs[0]], index, DedupConfig())["a"].duplicate_of is None


def test_an_exact_copy_is_the_same_text_not_the_same_word_hashes() -> None:
    # a review: signs are no words, and 16-bit word hashes collide ("182" and "644"): tables that
    # differ in a sign or a figure were whole duplicates of each other
    base = "Temperaturen am Morgen\nBerlin {0}5\nHamburg {0}3\nMünchen {0}8\nKöln {0}1\nDresden {0}6\n"
    texts = (("a", base.format("-")), ("b", base.format("")), ("c", base.format("-")))
    docs = [Document(id=i, source=i, format="text", text=t) for i, t in texts]
    res = decide([compute_signature(d, DedupConfig()) for d in docs], DedupIndex(), DedupConfig())
    assert [res[i].duplicate_of for i in "abc"] == [None, None, "a"]
    one, two = (
        compute_signature(Document(id="x", source="x", format="text", text=f"Ergebnis {n}\n"), DedupConfig())
        for n in (182, 644)
    )
    assert list(one.words) == list(two.words) and one.digest != two.digest


def test_chinese_numerals_are_figures() -> None:
    # each Chinese character is a word now: "第二季度" (Q2) must not be a copy of "第一季度" (Q1)
    q1 = "公司第一季度营业收入为三百六十亿元，同比增长百分之十五。"
    q2 = "公司第二季度营业收入为三百六十亿元，同比增长百分之十五。"
    docs = [Document(id=i, source=i, format="text", text=t) for i, t in (("a", q1), ("b", q2))]
    res = decide([compute_signature(d, DedupConfig()) for d in docs], DedupIndex(), DedupConfig())
    assert res["b"].duplicates == () and res["b"].duplicate_of is None


def test_exact_copies_are_found_through_the_index_blobs() -> None:
    cfg = DedupConfig()
    page = "Tour de Suisse\nEtappe 3\nAnthony Ravard\nPlatz 12\nRückstand 1:02\nTeam AG2R\nPunkte 14\n"
    index = DedupIndex()
    decide([compute_signature(make("a", page), cfg)], index, cfg)
    restored = DedupIndex.from_blobs(index.to_blobs())
    assert restored.exact == index.exact != {}
    assert decide([compute_signature(make("b", page), cfg)], restored, cfg)["b"].duplicate_of == "a"
    # a store written before the digests were recorded holds none: its documents are found by passages
    blobs = index.to_blobs()
    del blobs["exact"]
    assert DedupIndex.from_blobs(blobs).exact == {}


def test_a_chinese_quotation_copied_into_another_article_is_found_sentence_by_sentence() -> None:
    # Chinese sentences end on "。" with no space after it: before they were split there, a
    # paragraph was one sentence, and a wire quotation inside other text was never compared alone
    quote = "外交部发言人在例行记者会上表示，中方愿同各方一道，推动地区局势缓和降温。"
    a = "本报北京十一月三日电，记者王芳报道。" + quote + "当天，多国代表团抵达首都参加会议。"
    b = "据新华社报道，峰会将于下周在上海举行。" + quote + "分析人士认为，此次会议意义重大，值得关注。"
    # the same fact in other words stays
    c = "据报道，外交部表示中国希望与其他国家合作，使该地区紧张局势有所缓解。专家认为会议很重要。"
    docs = [make(i, t) for i, t in (("a", a), ("b", b), ("c", c))]
    res = decide([compute_signature(d, DedupConfig()) for d in docs], DedupIndex(), DedupConfig())
    assert [(docs[1].text[s.start : s.end], s.of) for s in res["b"].duplicates] == [(quote, "a")]
    assert res["c"].duplicates == () and res["c"].duplicate_of is None


@pytest.mark.parametrize(
    ("source", "copy", "found"),
    [
        # the unit in another house style: a copy
        (
            "An Straßen und Brücken rechnet der Landkreis mit Kosten von mindestens 2,5 Millionen Euro.",
            "An Straßen und Brücken rechnet der Landkreis mit Kosten von mindestens 2,5 Mio. Euro.",
            True,
        ),
        (
            "Het bedrijf leed vorig jaar een nettoverlies van 62 miljoen euro, tegen winst van 14 miljoen.",
            "Het bedrijf leed vorig jaar een nettoverlies van €62 mln, tegen winst van €14 mln.",
            True,
        ),
        # the time and the percentage in another style
        (
            "A greve levou à supressão de 80 por cento das ligações previstas até às 08:00, segundo a CP.",
            "A greve levou à supressão de 80% das ligações previstas até às 8h, segundo a CP.",
            True,
        ),
        # US styles: thousands with a "K", billions with a "B"
        (
            "Mandatory evacuations were ordered for about 150,000 people in six coastal parishes on Tuesday.",
            "Mandatory evacuations were ordered for about 150K people in six coastal parishes on Tuesday.",
            True,
        ),
        (
            "Governor Harold Brandt vetoed the $21 billion state budget, saying it shortchanged schools.",
            "Governor Harold Brandt vetoed the $21B state budget, saying it shortchanged schools.",
            True,
        ),
        # a rank: "No 1" for "number one"
        (
            "The new single knocked last week's number one down to number three.",
            "The new single knocked last week's No 1 down to No 3.",
            True,
        ),
        # ... run together, as tabloids write it: "No1" (session 46)
        (
            "Boy band Southbound claimed the Christmas number one spot with their ballad Snowfall, beating "
            "Turkey Trot.",
            "BOY band Southbound claimed the Christmas No1 spot with their ballad Snowfall, beating Turkey "
            "Trot.",
            True,
        ),
        # British and American spellings, a unit run together or written out, "pc", an ordinal in digits
        (
            "The magnitude 7.1 quake was centered at sea about 28 kilometers east of Hinatuan, they said.",
            "The magnitude 7.1 quake was centred at sea about 28km east of Hinatuan, they said.",
            True,
        ),
        (
            "The labor center criticized the organization's program, calling its behavior a scandal.",
            "The labour centre criticised the organisation's programme, calling its behaviour a scandal.",
            True,
        ),
        (
            "Turnout was estimated at around 48%, down from 52% in the previous general election in 2019.",
            "Turnout was estimated at around 48pc, down from 52pc in the previous general election in 2019.",
            True,
        ),
        (
            "Ashworth, from Bolton, finished fifth on the show with his then-partner Chloe Brennan in 2021.",
            "Ashworth, from Bolton, finished 5th on the show with his then-partner Chloe Brennan in 2021.",
            True,
        ),
        # another figure stays another fact (a unit is part of its figure)
        (
            "The magnitude 7.1 quake was centered at sea about 28 miles east of Hinatuan, they said.",
            "The magnitude 7.1 quake was centred at sea about 28km east of Hinatuan, they said.",
            False,
        ),
        (
            "Ashworth, from Bolton, finished fifth on the show with his then-partner Chloe Brennan in 2021.",
            "Ashworth, from Bolton, finished 6th on the show with his then-partner Chloe Brennan in 2021.",
            False,
        ),
        (
            "An Straßen und Brücken rechnet der Landkreis mit Kosten von mindestens 2,5 Millionen Euro.",
            "An Straßen und Brücken rechnet der Landkreis mit Kosten von mindestens 3,5 Mio. Euro.",
            False,
        ),
        (
            "A greve levou à supressão de 80 por cento das ligações previstas até às 08:00, segundo a CP.",
            "A greve levou à supressão de 80% das ligações previstas até às 9h, segundo a CP.",
            False,
        ),
    ],
)
def test_figures_in_another_languages_house_style_are_the_same_figures(
    source: str, copy: str, found: bool
) -> None:
    intro = "Die Redaktion berichtet über die Lage in der Region und ihre Folgen für die Menschen vor Ort. "
    docs = [
        make("agency", intro + source),
        make("paper", "Eigener Bericht der Zeitung über den Tag. " + copy),
    ]
    res = run(docs)
    assert _covered(docs[1], res["paper"], copy)[0] == found


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # a common word of one language is no number of another ("dos" of the Portuguese, "onze" of the Dutch)
        (
            "O instituto registou um forte aumento nos preços da habitação no segundo trimestre do ano.",
            "O instituto registou um forte aumento dos preços da habitação no segundo trimestre do ano.",
        ),
        (
            "De minister zei dat de economie volgend jaar sneller zal groeien dan eerder werd verwacht.",
            "De minister zei dat onze economie volgend jaar sneller zal groeien dan eerder werd verwacht.",
        ),
    ],
)
def test_a_common_word_of_another_language_is_no_changed_figure(source: str, copy: str) -> None:
    docs = [make("agency", source), make("paper", copy)]
    assert _covered(docs[1], run(docs)["paper"], copy)[0]


def test_superscript_digits_beside_a_time_do_not_stop_the_signature() -> None:
    text = "Ab 08:00 Uhr gilt der neue Tarif ²:30 der Stadtwerke für alle Kunden in der Innenstadt."
    assert [w for w, _, _ in words(text)][:3] == ["Ab", "8", "Uhr"]
    assert compute_signature(make("a", text), CFG).total_words > 0
