"""The fast paths of pipeline.dedup against the straightforward definitions they replace.

Signatures, probing, winnowing and coverage were rewritten for speed (batched numpy keys, a
bit filter in front of the buckets, word pairs read from bytes); every test here compares
one of them with the plain algorithm (docs/dedup.md), on random inputs.
"""

from __future__ import annotations

import itertools
import random
import weakref
from array import array
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import DedupConfig
from pipeline.dedup import DedupIndex, DocSignature, compute_signature, core, decide, text
from pipeline.dedup.index import anchor_positions, trigram_key_array, trigram_keys, winnow
from pipeline.document import Category, Document, Span
from pipeline.segment import segment

CFG = DedupConfig()


# -- signatures -----------------------------------------------------------------------------


def reference_signature(doc: Document) -> tuple[list[int], ...]:
    """compute_signature as first written: offsets for every word, one lru_cache call per word;
    last, the figure kind of every word (:func:`text.figure_kind`, "May" by :func:`text.may_dates`)."""
    spans = [(s.start, s.end) for s in doc.sentences]
    removed = sorted((r.start, r.end) for r in doc.removed)
    starts, ends, offsets, hashes, cores, quoted, speech = [], [], [0], [], [], [], []
    flat: list[str] = []
    t = doc.text
    inq = bytearray(len(t))
    for qs, qe in text.quoted_ranges(t):
        inq[qs:qe] = b"\x01" * (qe - qs)
    for s0, e0 in spans:
        for s, e in core._kept_pieces(s0, e0, removed):
            while s < e and t[s].isspace():
                s += 1
            while e > s and t[e - 1].isspace():
                e -= 1
            piece = t[s:e]
            toks = text.words(piece)
            if not toks:
                continue
            flags = [inq[s + ts] for _, ts, _ in toks]
            lo, hi = core._scored_core(piece, toks, flags)  # (its own rules: tests/test_dedup_rules.py)
            starts.append(s)
            ends.append(e)
            hashes.extend(text.word_hash(w) for w, _, _ in toks)
            flat.extend(w for w, _, _ in toks)
            offsets.append(len(hashes))
            cores.extend((lo, hi))
            quoted.append(min(sum(flags), 0xFFFF))
            kept = [tok for tok, f in zip(toks, flags, strict=True) if not f]
            speech.append(int(text.has_speech_verb(kept, 0, 0)))
    kinds = list(text.may_dates(flat, bytes(text.figure_kind(w) for w in flat), offsets) or bytes(len(flat)))
    return starts, ends, offsets, hashes, cores, quoted, speech, kinds


def as_lists(sig: DocSignature) -> tuple[list[int], ...]:
    fields = (sig.starts, sig.ends, sig.word_offsets, sig.words, sig.cores, sig.quoted, sig.speech)
    return (*(list(f) for f in fields), list(sig.numbers or bytes(len(sig.words))))


PIECES = ["He said", "SAID", "“We will", "win,”", "'It's", "over,'", "Jones'", "told", '"no"', "ß", "Straße"]
PIECES += ["the", "river", "bridge", "ﬁne", "it’s", "—", "\n\n", ".", "!", "«oui»", "„ja“", "sagte", "n't"]
PIECES += ["£22m", "22", "m", "bn", "$1.5bn", "M.", "22million", "5MLN", "£", "$3", "€2.5"]
PIECES += ["May", "in", "Monday's", "march", "March", "mars", "Sonntag", "mayo", "seven"]
PIECES += ["\n– Vi", "vann,", "säger", "sa", "”Helt”", "»nej«", "44C", "2.7 degrees Celsius", "9.6GW"]
PIECES += ["$1.3tn", "two decades", "a decade"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 3))
def test_signature_matches_reference(parts: list[str], cuts: int) -> None:
    body = " ".join(parts)
    removed: tuple[Span, ...] = ()
    if cuts and len(body) >= cuts:
        rng = random.Random(len(body) * 7 + cuts)
        cut = sorted(
            {(a, min(len(body), a + rng.randint(1, 15))) for a in rng.sample(range(len(body)), cuts)}
        )
        removed = tuple(Span(a, b, Category.OTHER, "other/test") for a, b in cut if a < b)
    doc = segment(Document(id="x", source="x", format="text", text=body, removed=removed))
    sig = compute_signature(doc, CFG)
    assert as_lists(sig) == reference_signature(doc)
    expected = [
        p
        for i in range(len(sig))
        for p in [sig.word_offsets[i] + q for q in winnow(trigram_keys(sig.passage_words(i)))]
    ]
    assert sig.anchors is not None and list(sig.anchors) == expected


def reference_quoted_ranges(t: str) -> list[tuple[int, int]]:
    """quoted_ranges line by line: a line break ends every open quotation, so each line's quotations
    are its own (those of a text without line breaks, where no break has to be found)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in t.split("\n"):
        out += [(pos + a, pos + b) for a, b in text.quoted_ranges(line)]
        pos += len(line) + 1
    return sorted(out)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \n\"“”„«»'‘’.", max_size=30))
def test_quoted_ranges_visit_marks_only_and_still_end_quotations_at_line_breaks(t: str) -> None:
    assert text.quoted_ranges(t) == reference_quoted_ranges(t)


def test_a_quotation_left_open_on_a_long_line_is_searched_for_a_break_once() -> None:
    t = "“" + "it's a " * 20_000 + "x"  # 40,000 apostrophes after an open quotation, no line break
    assert text.quoted_ranges(t) == [(1, len(t))] == reference_quoted_ranges(t)


def test_many_quotations_on_one_long_line_search_for_its_break_once(monkeypatch: pytest.MonkeyPatch) -> None:
    t = '"a" ' * 5_000 + "\n" + "“b” " * 3 + "\nend"
    searched: list[int] = []

    class Counting(str):
        def find(self, sub: str, *args: int) -> int:  # type: ignore[override]
            start = args[0] if args else 0
            got = str.find(self, sub, *args)
            searched.append((len(self) if got < 0 else got) - start)
            return got

    ranges = text.quoted_ranges(Counting(t))
    assert ranges == reference_quoted_ranges(t) and len(ranges) == 5_003
    assert sum(searched) <= 2 * len(t)  # each stretch once (before: the rest of the line per quotation)


def test_anchors_are_winnowed_in_groups_of_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core, "_ANCHOR_BATCH", 50)  # a few documents a group, one too long for any
    rng = random.Random(9)
    docs = [
        segment(
            Document(
                id=f"d{k}", source="x", format="text", text=" ".join(rng.choice(PIECES) for _ in range(n))
            )
        )
        for k, n in enumerate([30, 10, 200, 5, 0, 40, 40])
    ]
    each = [compute_signature(d, CFG) for d in docs]
    assert core.with_anchors([compute_signature(d, CFG, anchors=False) for d in docs]) == each


@pytest.mark.parametrize("seed", [3, 4])
def test_anchors_of_a_batch_are_each_documents_own(seed: int) -> None:
    rng = random.Random(seed)
    docs = []
    for k in range(40):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 60))]
        docs.append(segment(Document(id=f"d{k}", source="x", format="text", text=" ".join(parts))))
    no_words = ["", "— !"]
    docs[7:7] = [
        segment(Document(id=f"e{k}", source="x", format="text", text=t)) for k, t in enumerate(no_words)
    ]
    each = [compute_signature(d, CFG) for d in docs]
    batch = core.with_anchors([compute_signature(d, CFG, anchors=False) for d in docs])
    assert batch == each
    assert any(len(sig.anchors or ()) for sig in batch) and any(not len(sig.words) for sig in batch)
    assert core.with_anchors([]) == []


def test_word_hash_cache_can_be_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "_HASHES_MAX", 4)
    monkeypatch.setattr(text, "_HASHES", {})
    ws = ["Said", "alpha", "beta", "gamma", "delta", "SAID", "told", "alpha"]
    for _ in range(3):
        assert text.word_figures(ws)[0] == [text.word_hash(w) for w in ws]
        assert len(text._HASHES) <= 4 + len(ws)
    assert text.any_speech_verb(["x", "SAID"]) and not text.any_speech_verb(["alpha"])


# -- the index: anchors, probes, the bit filter ----------------------------------------------


def random_docs(n: int, seed: int, vocab: int = 60) -> list[tuple[list[int], list[int]]]:
    """(word hashes, passage word offsets) with a small vocabulary: many shared and frequent 3-grams."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        offsets, ws = [0], []
        for _ in range(rng.randint(1, 8)):
            ws.extend(rng.randrange(vocab) * 977 % 65536 for _ in range(rng.randint(1, 25)))
            offsets.append(len(ws))
        docs.append((ws, offsets))
    return docs


def reference_hits(index: DedupIndex, ws: list[int]) -> dict[int, list[int]]:
    hits: dict[int, list[int]] = {}
    for k in set(trigram_keys(ws)):
        for pid in index.lookup(k):
            hits.setdefault(index.p_doc[pid], []).append(pid)
    return {d: sorted(p) for d, p in hits.items()}


@pytest.mark.parametrize("seed", [1, 2])
def test_anchor_positions_are_winnowing_per_passage(seed: int) -> None:
    for ws, offsets in random_docs(200, seed):
        skip = set(range(0, len(offsets) - 1, 3)) if seed == 2 else set()
        expected = [
            offsets[i] + p
            for i in range(len(offsets) - 1)
            if i not in skip
            for p in winnow(trigram_keys(ws[offsets[i] : offsets[i + 1]]))
        ]
        assert anchor_positions(trigram_key_array(ws), offsets, sorted(skip)).tolist() == expected


def test_probe_finds_what_every_lookup_finds_across_filter_rebuilds() -> None:
    docs = random_docs(1500, 3)
    index, again = DedupIndex(), DedupIndex()
    sizes = set()
    for k, (ws, offsets) in enumerate(docs):
        n = len(offsets) - 1
        words = array("H", ws)
        if k % 10 == 0:  # probe before adding, as decide does
            probe = index.probe(words)
            for i in range(n):
                got = {d: sorted(p) for d, p in probe.hits(offsets[i], offsets[i + 1]).items()}
                assert got == reference_hits(index, ws[offsets[i] : offsets[i + 1]])
        skip = [i for i in range(n) if (k + i) % 5 == 0]
        index.add_document(f"d{k}", list(range(n)), list(range(1, n + 1)), offsets, words, skip)
        anchors = anchor_positions(trigram_key_array(ws), offsets).tolist()
        again.add_document(
            f"d{k}", list(range(n)), list(range(1, n + 1)), offsets, words, skip, None, anchors
        )
        sizes.add(len(index._bloom))
    assert len(sizes) >= 2, "the filter was rebuilt as it filled"
    assert again.to_blobs() == index.to_blobs()
    restored = DedupIndex.from_blobs(index.to_blobs())
    for ws, offsets in random_docs(100, 4):
        for i in range(len(offsets) - 1):
            part = ws[offsets[i] : offsets[i + 1]]
            got = restored.probe(array("H", part)).hits(0, len(part))
            assert {d: sorted(p) for d, p in got.items()} == reference_hits(index, part)


def reference_candidates(
    index: DedupIndex, sig: DocSignature, min_words: int, params: core.DedupParams
) -> dict[int, list[tuple[int, int, int]]]:
    """Per passage: probe, drop own copies, rank, window (what decide did passage by passage)."""
    probe = index.probe(sig.words)
    out: dict[int, list[tuple[int, int, int]]] = {}
    for i in range(len(sig)):
        a, b = sig.word_offsets[i], sig.word_offsets[i + 1]
        if b - a < min_words:
            continue
        hits = probe.hits(a, b)
        for d in [d for d in hits if index.doc_ids[d] == sig.doc_id]:
            del hits[d]
        ranked = sorted(hits, key=lambda d: (-len(hits[d]), d))[: params.max_candidates]
        if ranked:
            out[i] = [(d, *core._window(index, d, hits[d], params)) for d in ranked]
    return out


def as_signature(doc_id: str, ws: list[int], offsets: list[int]) -> DocSignature:
    n = len(offsets) - 1
    return DocSignature(
        doc_id,
        array("I", range(n)),
        array("I", range(1, n + 1)),
        array("Q", offsets),
        array("H", ws),
        array("H", [0] * 2 * n),
        array("H", [0] * n),
        array("B", [0] * n),
    )


@pytest.mark.parametrize("max_window", [7, 3])
def test_candidates_are_the_per_passage_probes_ranked_and_windowed(max_window: int) -> None:
    params = core.DedupParams(max_window=max_window)
    index = DedupIndex()
    for k, (ws, offsets) in enumerate(random_docs(800, 5, vocab=40)):
        sig = as_signature(f"d{k % 300}", ws, offsets)  # ids repeat: own copies are left out
        if k % 4 == 0:
            sizes = [offsets[i + 1] - offsets[i] for i in range(len(offsets) - 1)]
            got = core._candidates(sig, index, trigram_key_array(sig.words), sizes, 6, params)
            # the same candidates (the best ranked); their order does not matter to decide
            want = reference_candidates(index, sig, 6, params)
            assert {i: sorted(c) for i, c in got.items()} == {i: sorted(c) for i, c in want.items()}
        n = len(offsets) - 1
        index.add_document(sig.doc_id, sig.starts, sig.ends, offsets, sig.words, range(0, n, 3))


@pytest.mark.parametrize("dropped_word", [0, 3, 12])
def test_coverages_are_coverage_per_query(dropped_word: int) -> None:
    rng = random.Random(7)
    params = core.DedupParams(dropped_word=dropped_word)
    index = DedupIndex()
    for k, (ws, offsets) in enumerate(random_docs(60, 6, vocab=8)):
        index.add_document(f"d{k}", list(range(len(offsets) - 1)), list(range(1, len(offsets))), offsets, ws)
    for ws, offsets in random_docs(30, 8, vocab=8):
        sig = as_signature("x", ws, offsets)
        queries = []
        for _ in range(20):
            a = rng.randrange(len(ws))
            b = rng.randint(a + 1, len(ws))
            lo = rng.randrange(len(index))
            queries.append((a, b, lo, rng.randint(lo + 1, min(len(index), lo + 7))))
        expected = []
        for a, b, lo, hi in queries:
            _, _, keys, skips = core._build_window(index, lo, hi, params)
            expected.append(core._coverage(core._pairs(sig.words[a:b]), b - a, keys, params, skips))
        assert core._coverages(sig, index, queries, dropped_word) == expected


# -- verification ---------------------------------------------------------------------------


def reference_coverage(
    ws: list[int], grams: set[tuple[int, int]], fill_gaps: int, skips: set[tuple[int, int]] = frozenset()
) -> float:
    n = len(ws)
    if n < 2:
        return 0.0
    covered = [False] * n
    for i in range(n - 1):
        if (ws[i], ws[i + 1]) in grams:
            covered[i] = covered[i + 1] = True
    paired = covered[:]
    for i in range(n - 1):
        if (ws[i], ws[i + 1]) in skips and (paired[i] or paired[i + 1]):
            covered[i] = covered[i + 1] = True
    last = -1
    for i, c in enumerate(covered):
        if c:
            if last >= 0 and 0 < i - last - 1 <= fill_gaps:
                for j in range(last + 1, i):
                    covered[j] = True
            last = i
    return sum(covered) / n


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 5), max_size=30),
    st.lists(st.integers(0, 5), max_size=40),
    st.integers(0, 3),
    st.sampled_from([0, 2, 12]),
)
def test_coverage_matches_reference(
    ws: list[int], window: list[int], fill_gaps: int, dropped_word: int
) -> None:
    params = core.DedupParams(fill_gaps=fill_gaps, dropped_word=dropped_word)
    grams = set(itertools.pairwise(window))
    skips = set(zip(window, window[2:], strict=False)) if dropped_word and len(ws) >= dropped_word else set()
    wa, win = array("H", ws), array("H", window)
    got = core._coverage(core._pairs(wa), len(ws), core._pair_set(win), params, core._skip_set(win))
    assert got == reference_coverage(ws, grams, fill_gaps, skips)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.integers(0, 6), min_size=1, max_size=24),
    st.lists(st.integers(0, 6), max_size=30),
    st.sampled_from([0, 2, 6]),
    st.sets(st.integers(0, 23), max_size=3),
    st.integers(0, 3),
    st.integers(2, 3),
)
def test_coverage_bounds_the_aligned_share(
    ws: list[int], window: list[int], dropped_word: int, figures: set[int], fill_gaps: int, min_run: int
) -> None:
    """The unordered bound lets _verify skip an alignment only when the alignment could not reach it;
    a word is counted once (a single word in a filled gap, with fill_gaps 2, is no second word)."""
    params = core.DedupParams(dropped_word=dropped_word, fill_gaps=fill_gaps, min_run=min_run)
    numbers = sorted(p for p in figures if p < len(ws))
    wa, win = array("H", ws), array("H", window)
    bound = core._coverage(core._pairs(wa), len(ws), core._pair_set(win), params, core._skip_set(win))
    sm = core.SequenceMatcher(None, ws, window, autojunk=False)
    share = core._share(sm, len(ws), params, numbers)[0]
    assert share <= bound + 1e-12
    assert share <= 1.0


def test_a_single_word_in_a_filled_gap_counts_once() -> None:
    ours = [1, 2, 3, 4, 5, 50, 60, 6, 7, 8, 9, 10]
    window = [1, 2, 3, 4, 5, 99, 50, 6, 7, 8, 9, 10]
    sm = core.SequenceMatcher(None, ours, window, autojunk=False)
    assert core._share(sm, 12, core.DedupParams(fill_gaps=2))[0] == 1.0


def test_with_single_word_runs_a_word_beside_a_dropped_one_is_counted_once() -> None:
    ours = list(range(1, 13))
    window = [*range(1, 12), 99, 12]
    sm = core.SequenceMatcher(None, ours, window, autojunk=False)
    assert core._share(sm, 12, core.DedupParams(min_run=1))[0] == 1.0


# -- streaming ------------------------------------------------------------------------------


def test_decide_consumes_signatures_one_by_one_and_keeps_none() -> None:
    shared = "The new bridge over the river will open in May next year, the minister said."
    own = [" ".join(f"w{i}x{j}" for j in range(10)) + "." for i in range(12)]  # nothing like the rest
    texts = [f"{own[i]} {shared if i % 3 else ''}" for i in range(12)]
    docs = [segment(Document(id=f"d{i}", source=f"d{i}", format="text", text=t)) for i, t in enumerate(texts)]
    index = DedupIndex()
    refs: list[weakref.ref[DocSignature]] = []

    def stream() -> Iterator[DocSignature]:
        for doc in docs:
            sig = compute_signature(doc, CFG)
            refs.append(weakref.ref(sig))
            yield sig
            del sig
            # decide asks for the next signature only after indexing this one, holding none of them
            assert index.doc_ids[-1] == doc.id
            assert [r() for r in refs] == [None] * len(refs)

    res = decide(stream(), index, CFG)
    assert len(res) == len(docs) and [r() for r in refs] == [None] * len(refs)
    assert [d.of for d in res["d2"].duplicates] == ["d1"]


def test_filter_rebuild_in_groups_is_the_filter_rebuilt_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rebuild refills the filter a group of buckets at a time (bounded temporaries): the
    bits are the same whatever the group size."""
    import pipeline.dedup.index as index_module

    index = DedupIndex()
    for k, (ws, offsets) in enumerate(random_docs(400, 5)):
        n = len(offsets) - 1
        index.add_document(f"d{k}", list(range(n)), list(range(1, n + 1)), offsets, array("H", ws))
    filters = []
    for group in (1, 7, 512, index_module._NBUCKETS):
        monkeypatch.setattr(index_module, "_BLOOM_REBUILD_BUCKETS", group)
        index._rebuild_bloom()
        filters.append(bytes(index._bloom))
    assert any(filters[0])
    assert all(f == filters[0] for f in filters)


def test_word_figures_marks_agree_with_is_figure_across_cache_replacements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a full cache is replaced (not emptied) with its figure marks: the marks always match the words
    monkeypatch.setattr(text, "_HASHES_MAX", 3)
    monkeypatch.setattr(text, "_HASHES", {})
    monkeypatch.setattr(text, "_FIGURES", {})
    lists = [["March", "26", "seven"], ["a", "b", "c", "d"], ["26", "x"], ["dreißig", "Tage"], ["Monday"]]
    for ws in lists * 2:
        hashes, flags = text.word_figures(ws)
        assert hashes == [text.word_hash(w) for w in ws]
        want = [text.figure_kind(w) for w in ws]
        assert (list(flags) if flags else [0] * len(ws)) == want


@pytest.mark.parametrize(
    ("body", "cut"),
    [("€2.5 May told", (6, 13)), ("He paid £22mx for it.", (12, 13)), ("Costs 3mix here.", (8, 10))],
)
def test_an_amount_a_removal_leaves_behind_reads_alike_on_both_paths(body: str, cut: tuple[int, int]) -> None:
    # the text has no amount, the piece left by the removal has one ("€2.5 M" + "ay told" cut)
    removed = (Span(cut[0], cut[1], Category.OTHER, "other/test"),)
    doc = segment(Document(id="x", source="x", format="text", text=body, removed=removed))
    assert as_lists(compute_signature(doc, CFG)) == reference_signature(doc)
