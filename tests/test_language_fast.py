"""The fast paths of pipeline/language.py give the answers of the straightforward computations."""

from __future__ import annotations

import functools
import random

import numpy as np
import pytest

from pipeline import language as lang
from pipeline.config import LanguageConfig

reference_factory = functools.cache(lambda: lang._loaded_factory(0))
"""langdetect's own factory, loaded from its files: what the fast paths are compared with."""

TEXTS = [
    "The central bank raised interest rates on Thursday, citing persistent inflation in services.",
    "Die Zentralbank hat am Donnerstag die Zinsen erhöht und verwies auf die anhaltende Inflation.",
    "Shr 11 cts vs 13 cts\nNet 1,037,690 vs 1,270,460\nSales 10.1 mln vs 9,215,000",
    "Qtr to Dec 31 Shr loss two cts vs profit 16 cts Net loss 152,000 vs profit 1,240,000 Revs 19.3 mln",
    "Taxi Hotel Restaurant Pizza Radio Video",
    "NATO's USA chief said: «Ça va?» 12,000 people — Straße ÄÖÜ the EU. a I x",
    "日本語のテキストです and some English words",
    "Привет мир, это тест. OK USA NATO",
    "Tiếng Việt có dấu: Hà Nội, thành phố. Email a@b.org https://x.y/z",
]


def test_word_grams_fast_paths_match_langdetects_buffer() -> None:
    """Words without a run of capitals take shortcuts; the general loop is the reference."""
    words = {w for t in TEXTS for w in lang._clean(t).split(" ") if w}
    words |= {"a", "I", "ß", "Ab", "aB", "ABc", "AbC", "ǅa", "ϒϒ", "é", "xY", "XYZabc"}
    for word in words:
        for closed in (True, False):
            general = lang._grams_with_capitals(" " + word + (" " if closed else ""))
            assert lang._ordered_grams(word, closed) == general, (word, closed)


def test_new_word_vectors_do_not_depend_on_the_other_new_words() -> None:
    """A word's vector is the same bits whichever words share its ``_add`` call (so the scores
    are the same in every worker and cache state)."""
    prof = lang._profiles(0)
    words = sorted({w for t in TEXTS for w in lang._clean(t).split(" ") if w})
    keys = words + [w + lang._OPEN for w in words] + ["\u2603", "ϒϒ", "𝐀𝐁c"]
    prof._slots.clear()
    together = prof.vectors[prof.slots(keys)].copy()
    for key, vector in zip(keys, together, strict=True):
        prof._slots.clear()
        assert np.array_equal(prof.vectors[prof.slots([key])][0], vector), key
    prof._slots.clear()


def test_new_word_vectors_are_sums_of_their_rows() -> None:
    """Including words with no profile n-gram at all (their vector is zero), first and last."""
    prof = lang._profiles(0)
    words = ["\u2603", "the", "\u2603\u2603", "Straße", "NATO", "\u2603" + lang._OPEN, "zu" + lang._OPEN]
    prof._slots.clear()
    slots = prof.slots(words)
    for word, slot in zip(words, slots, strict=True):
        closed = not word.endswith(lang._OPEN)
        rows = list(prof._rows(word.rstrip(lang._OPEN), closed))
        assert prof.sizes[slot] == len(rows), word
        expected = np.zeros(prof.logp.shape[1], dtype=np.float64)
        for row in rows:  # in langdetect's n-gram order, one after the other
            expected += prof.logp[row]
        assert np.array_equal(prof.vectors[slot], expected), word
    prof._slots.clear()


@pytest.mark.parametrize("text", TEXTS)
def test_ordered_rows_are_langdetects_ngrams_in_order(text: str) -> None:
    """The replay draws n-grams by position, so the order matters, not just the multiset."""
    prof = lang._profiles(0)
    det = reference_factory().create()
    det.append(text)
    det.cleaning_text()
    assert lang._ordered_rows(prof, lang._clean(text)) == [prof.row[g] for g in det._extract_ngrams()]


def test_bulk_draws_are_random_choice() -> None:
    for bound in (1, 2, 3, 64, 1000, 1025):
        rng, ref = random.Random(7), random.Random(7)
        chosen, used = lang._draws(rng, 300, bound)
        assert chosen.tolist() == [ref.choice(range(bound)) for _ in range(300)]
        replay = random.Random(7)
        replay.getrandbits(32 * int(used[-1]))
        assert replay.getstate() == ref.getstate()


@pytest.mark.parametrize("text", TEXTS)
def test_replay_is_langdetects_langprob(text: str) -> None:
    prof = lang._profiles(0)
    rows = lang._ordered_rows(prof, lang._clean(text))
    det = reference_factory().create()
    det.append(text)
    det.get_probabilities()
    replayed = lang._replay_langdetect(prof, rows, 0)
    assert replayed is not None
    assert np.abs(replayed - np.array(det.langprob)).max() < 1e-12


@pytest.mark.parametrize("text", TEXTS)
def test_seeded_langdetect_is_langdetects_answer(text: str) -> None:
    ours = lang._seeded_langdetect(text, 0)
    theirs = lang._langdetect_top(text, 0)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert ours[0] == theirs[0] and round(ours[1], 4) == round(theirs[1], 4)


@pytest.mark.parametrize("text", TEXTS)
def test_word_vectors_score_like_ngram_rows(text: str) -> None:
    fast = lang.profile_scores(text)
    exact = lang.profile_scores(text, exact=True)
    assert (fast is None) == (exact is None)
    if fast is not None and exact is not None:
        assert np.abs(fast[1] - exact[1]).max() < lang._SCORE_SLACK / 10
        assert abs(fast[2] - exact[2]) < lang._SCORE_SLACK / 10


def test_a_full_word_cache_gives_the_same_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = lang._profiles(0)
    before = [lang.profile_scores(t) for t in TEXTS]
    monkeypatch.setattr(lang._Profiles, "VECTOR_LIMIT", 40)
    prof._slots.clear()
    after = [lang.profile_scores(t) for t in TEXTS]
    assert len(prof._slots) <= 40
    for b, a in zip(before, after, strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert np.array_equal(a[1], b[1]) and a[2] == b[2]
    prof._slots.clear()


def test_a_full_word_cache_keeps_the_words_several_texts_used(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = lang._profiles(0)
    monkeypatch.setattr(lang._Profiles, "VECTOR_LIMIT", 30)
    prof._slots.clear()
    common = ["the", "bank", "said"]
    prof.slots(common)
    prof.slots([*common, "rates"])  # used twice: common; once: rates
    expected = {k: prof.vectors[prof._slots[k]].copy() for k in common}
    prof.slots([f"rare{i}" for i in range(27)])  # 4 + 27 > 30: evicts
    assert set(common) <= set(prof._slots) and "rates" not in prof._slots
    assert len(prof._slots) == len(common) + 27
    for k in common:
        assert np.array_equal(prof.vectors[prof._slots[k]], expected[k]), k
        assert prof._keys[prof._slots[k]] == k
    # and the scores are those of an empty cache
    before = [lang.profile_scores(t) for t in TEXTS]
    prof._slots.clear()
    monkeypatch.setattr(lang._Profiles, "VECTOR_LIMIT", 40000)
    for b, a in zip(before, [lang.profile_scores(t) for t in TEXTS], strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert np.array_equal(a[1], b[1]) and a[2] == b[2]
    prof._slots.clear()


@pytest.mark.parametrize("method", ["profile", "langdetect"])
def test_detect_text_is_stable_across_cache_states(method: str) -> None:
    cfg = LanguageConfig(method=method)  # type: ignore[arg-type]
    first = [lang.detect_text(t, cfg) for t in TEXTS]
    lang._profiles(0)._slots.clear()
    lang._profiles(0)._words.clear()
    assert [lang.detect_text(t, cfg) for t in TEXTS] == first


def test_profile_matrix_is_langdetects_smoothed_log_probabilities() -> None:
    prof = lang._profiles(0)
    factory = reference_factory()
    assert prof.langs == factory.langlist and prof.keys == list(factory.word_lang_prob_map)
    probs = np.array([factory.word_lang_prob_map[k] for k in prof.keys], dtype=np.float64)
    assert np.array_equal(prof.probs, probs)
    expected = np.log(probs + prof.ALPHA / lang.Detector.BASE_FREQ).astype(np.float32)
    assert np.array_equal(prof.logp[:-1], expected)
    assert not prof.logp[prof.absent].any()


@pytest.mark.parametrize("text", TEXTS)
def test_the_matrix_backed_factory_is_langdetects(text: str) -> None:
    """langdetect with ``_factory``'s rows answers exactly as with its own loaded profiles."""
    ours, theirs = lang._factory(0).create(), reference_factory().create()
    for det in (ours, theirs):
        det.append(text)
    try:
        expected = [(p.lang, p.prob) for p in theirs.get_probabilities()]
    except lang.LangDetectException:
        with pytest.raises(lang.LangDetectException):
            ours.get_probabilities()
        return
    assert [(p.lang, p.prob) for p in ours.get_probabilities()] == expected
    assert ours.langprob == theirs.langprob
