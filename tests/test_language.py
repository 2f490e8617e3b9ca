"""Language detection: deterministic, 'und' when unsure, sampled, on kept text only."""

from __future__ import annotations

from pipeline.config import LanguageConfig
from pipeline.document import Block, Category, Document, Span
from pipeline.language import detect, detect_text, kept_text, sample_text

EN = "The central bank raised interest rates on Thursday, citing persistent inflation in services."
DE = "Die Zentralbank hat am Donnerstag die Zinsen erhöht und verwies auf die anhaltende Inflation."
FR = "La banque centrale a relevé jeudi ses taux d'intérêt, invoquant une inflation persistante."
ES = "El banco central subió el jueves los tipos de interés, citando una inflación persistente."


def test_four_languages() -> None:
    cfg = LanguageConfig()
    assert [detect_text(t, cfg)[0] for t in (EN, DE, FR, ES)] == ["en", "de", "fr", "es"]


def test_same_answer_every_time_even_on_ambiguous_text() -> None:
    cfg = LanguageConfig()
    text = "Taxi Hotel Restaurant Pizza Radio Video"
    first = detect_text(text, cfg)
    assert all(detect_text(text, cfg) == first for _ in range(5))


def test_short_or_unsure_text_is_und() -> None:
    cfg = LanguageConfig()
    assert detect_text("OK 123", cfg) == ("und", 0.0)
    assert detect_text("", cfg) == ("und", 0.0)
    assert detect_text(EN, LanguageConfig(min_confidence=1.01))[0] == "und"


def test_sample_is_bounded_and_spread() -> None:
    text = " ".join(f"w{i}" for i in range(5000))
    sample = sample_text(text, 300)
    assert len(sample) <= 300
    assert sample.startswith("w0 ") and "w4999" in sample


def two_lines(first: str, second: str, removed: int, category: Category) -> Document:
    """A segmented two-line document whose line number ``removed`` (0 or 1) is cut as ``category``."""
    text = first + "\n" + second
    blocks = (Block(0, len(first), 0, 0), Block(len(first) + 1, len(text), 1, 0))
    cut = blocks[removed]
    return Document(
        id="x",
        source="x",
        format="text",
        text=text,
        blocks=blocks,
        removed=(Span(cut.start, cut.end, category, f"{category.value}/test"),),
    )


def test_detects_on_kept_text_not_on_removed_boilerplate() -> None:
    doc = two_lines(DE, EN + " " + EN, 1, Category.OTHER)
    assert kept_text(doc) == DE
    assert detect(doc, LanguageConfig()).language == "de"


def test_profile_method_extracts_exactly_langdetects_ngrams() -> None:
    """Our fast n-gram extraction must mirror langdetect's NGram.add_char, character for character."""
    from pipeline import language as lang

    factory = lang._loaded_factory(0)
    prof = lang._profiles(0)
    texts = [
        "NATO's USA chief said: «Ça va?» 12,000 people — Straße ÄÖÜ the EU.",
        "ÉCOLE normale AbC dEF GHi",
        "日本語のテキストです and some English words",
        "Привет мир, это тест. OK",
        "x",
        DE,
        FR,
    ]
    for text in texts:
        det = factory.create()
        det.append(text)
        det.cleaning_text()
        expected = sorted(prof.row[g] for g in det._extract_ngrams())
        words = lang._clean(text).split(" ")
        got: list[int] = []
        for i, word in enumerate(words):
            if word:
                got.extend(prof.word_rows(word, closed=i < len(words) - 1))
        assert sorted(got) == expected, text


def test_both_methods_agree_on_clear_text() -> None:
    for text in (EN, DE, FR, ES):
        assert (
            detect_text(text, LanguageConfig(method="profile"))[0]
            == detect_text(text, LanguageConfig(method="langdetect"))[0]
        )


def test_thin_evidence_defers_to_seeded_langdetect() -> None:
    """An earnings table has almost no language in it: the profile score is ambiguous, so the
    label is langdetect's own (same seed, same text), never a confident guess of ours."""
    table = "Shr 11 cts vs 13 cts\nNet 1,037,690 vs 1,270,460\nSales 10.1 mln vs 9,215,000"
    cfg = LanguageConfig()
    ours = detect_text(table, cfg)
    theirs = detect_text(table, LanguageConfig(method="langdetect"))
    assert ours == theirs


def test_the_headline_counts_for_language() -> None:
    """The headline is moved to metadata, not thrown away: it is article text in the article's language."""
    title = "Bundesregierung beschließt neues Gesetz zur Förderung erneuerbarer Energien"
    body = "Shr 11 cts vs 13 cts"
    doc = two_lines(title, body, 0, Category.TITLE)
    assert kept_text(doc) == body
    assert kept_text(doc, with_title=True) == title + "\n" + body
    assert detect(doc, LanguageConfig()).language == "de"
