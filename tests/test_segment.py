"""Tests for pipeline.segment: golden sentence cases, block offsets, and properties."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.segment
import pipeline.segment as segment_mod
from pipeline.document import Document
from pipeline.segment import segment, split_blocks, split_sentences

DATA = Path(__file__).parent / "data" / "segment"
CASES = json.loads((DATA / "sentences.json").read_text(encoding="utf-8"))["cases"]
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _doc(text: str) -> Document:
    return Document(id="t", source="t", format="text", text=text)


def test_doctests() -> None:
    result = doctest.testmod(pipeline.segment)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("case", CASES, ids=[c["input"][:40] for c in CASES])
def test_golden_sentences(case: dict[str, object]) -> None:
    text = str(case["input"])
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == case["expected"]


def test_blocks_trim_and_paragraphs() -> None:
    text = "  Title  \n\nFirst line.\nSecond line.\n \t \n\nLast\r\n"
    blocks = split_blocks(text)
    assert [text[b.start : b.end] for b in blocks] == ["Title", "First line.", "Second line.", "Last"]
    assert [b.paragraph for b in blocks] == [0, 1, 1, 2]
    assert [b.index for b in blocks] == [0, 1, 2, 3]


def test_segment_sets_blocks_and_sentences_without_changing_text() -> None:
    text = "Dr. Who came. He left.\n\nThe end."
    doc = segment(_doc(text))
    assert doc.text == text
    assert len(doc.blocks) == 2
    assert [(text[s.start : s.end], s.block) for s in doc.sentences] == [
        ("Dr. Who came.", 0),
        ("He left.", 0),
        ("The end.", 1),
    ]


def test_empty_text() -> None:
    doc = segment(_doc(" \n\n "))
    assert doc.blocks == ()
    assert doc.sentences == ()


def test_split_sentences_offset_shift() -> None:
    assert split_sentences("A b. C d.", 100) == [(100, 104), (105, 109)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pirmdien ap plkst. 7.40 Liepājā automašīna ietriecās pieturā.",
        "Policja przyjechała ok. godz. 15 na miejsce zdarzenia.",
        "Det skjedde kl. 16 i går ved Oslo sentralstasjon.",
        "El accidente ocurrió a aprox. 30 metros del cruce.",
        "Nehoda se stala cca. 5 km od Brna, uvedla policie.",
        "A baleset kb. 200 méterre történt a hídtól.",
    ],
)
def test_no_sentence_end_at_an_abbreviation_before_a_number(sentence: str) -> None:
    """A time's or an estimate's abbreviation before a number ends no sentence (round 116)."""
    text = sentence + " Second one."
    assert [text[a:b] for a, b in split_sentences(text)] == [sentence, "Second one."]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("It was OK.", "15 people came."),
        ("It is 512 KB.", "15 of them."),
        ("Всё было ОК.", "15 человек пришли."),
    ],
)
def test_capital_ok_and_kb_before_a_number_still_end_a_sentence(first: str, second: str) -> None:
    """Only lower-case "ok.", "ок." and "kb." are abbreviations before a number (a review of session 53)."""
    text = f"{first} {second}"
    assert [text[a:b] for a, b in split_sentences(text)] == [first, second]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_sentences_inside_blocks() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = segment(_doc(text))
        assert doc.blocks, path
        for s in doc.sentences:
            b = doc.blocks[s.block]
            assert b.start <= s.start < s.end <= b.end


TEXT = st.text(alphabet=st.sampled_from(list('ab A.!?…”“"() \n\t\u00a0,.Mr')), max_size=80)


@given(TEXT)
def test_blocks_are_trimmed_nonempty_lines(text: str) -> None:
    blocks = split_blocks(text)
    expected = [line.strip() for line in text.split("\n") if line.strip()]
    assert [text[b.start : b.end] for b in blocks] == expected
    paragraphs = [b.paragraph for b in blocks]
    assert paragraphs == sorted(paragraphs)


@given(TEXT)
def test_sentences_cover_block_text_in_order(text: str) -> None:
    doc = segment(_doc(text))
    prev_end = 0
    for s in doc.sentences:
        piece = text[s.start : s.end]
        assert piece and piece == piece.strip()
        assert s.start >= prev_end
        prev_end = s.end
    # Concatenating a block's sentences, ignoring white space, gives the block back.
    for b in doc.blocks:
        inside = [s for s in doc.sentences if s.block == b.index]
        assert inside[0].start == b.start and inside[-1].end == b.end
        joined = "".join(text[s.start : s.end] for s in inside)
        assert "".join(joined.split()) == "".join(text[b.start : b.end].split())


_REFERENCE_CANDIDATE = re.compile(rf"((?:[.!?…][{segment_mod._CLOSERS}]*)+)[^\S\n]+(?=\S)")


def _reference_split(text: str) -> list[tuple[int, int, int]]:
    """Sentences block by block, one candidate search per block (the original splitter)."""
    out: list[tuple[int, int, int]] = []
    for block in split_blocks(text):
        start = block.start
        for m in _REFERENCE_CANDIDATE.finditer(text, block.start, block.end):
            if segment_mod._is_boundary(text, m.end(), block.start, m.group(1), m.end(1) - 1):
                out.append((start, m.end(1), block.index))
                start = m.end()
        out.append((start, block.end, block.index))
    return out


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from([" ", "\t", "\n", ".", "!", "?", "…", "”", ")", "a", "B", "Mr", "U.S.", "3"]),
        max_size=40,
    ).map("".join)
)
def test_one_candidate_search_splits_like_one_search_per_block(text: str) -> None:
    assert segment_mod._split(text, split_blocks(text)) == _reference_split(text)
    # every run of punctuation matches; the candidates are those with white space after them
    found = segment_mod._CANDIDATE.finditer(text)
    ours = [(m.span(), m.span(1)) for m in found if m.end() > m.end(1)]
    assert ours == [(m.span(), m.span(1)) for m in _REFERENCE_CANDIDATE.finditer(text)]


@pytest.mark.parametrize("run", [".", "!?", ".”", "…)"])
def test_a_long_run_of_punctuation_is_one_match(run: str) -> None:
    # the search restarted at every character of a run that no white space followed (16 s for
    # 32,000 dots); each run matching whole, once, keeps the search linear
    text = "First part" + run * 20_000 + "tail. Next sentence here."
    spans = [m.span(1) for m in segment_mod._CANDIDATE.finditer(text)]
    assert spans[0] == (10, 10 + len(run) * 20_000)  # before: no match at all for the run
    assert len(spans) == 3  # and "tail." and "here."
    assert [text[a:b] for a, b in split_sentences(text)][-1] == "Next sentence here."


class _ScanLog(str):
    """A text that records how far each backward search (``rfind``) over it reaches."""

    spans: list[int]

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        self.spans.append((len(self) if end is None else end) - (start or 0))
        return str.rfind(self, sub, start, end)


def test_the_word_before_a_period_is_looked_for_near_the_period() -> None:
    """A long line with many periods: each boundary test looks back a bounded stretch, not to the
    line's start (before: quadratic, a 14 MB one-line document spent 48 s in segmentation)."""
    line = "The council met on Monday. " * 400
    text = _ScanLog(line)
    text.spans = []
    for m in segment_mod._CANDIDATE.finditer(line):
        segment_mod._is_boundary(text, m.end(), 0, m.group(1), m.end(1) - 1)
    assert text.spans and max(text.spans) <= segment_mod._WORD_BEFORE_MAX
    # the same sentences as the unbounded search gave: words before periods are short
    assert len(split_sentences(line)) == 400


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith left. He came back.",
        "Dr. J. Doe of the U.S. Army spoke. Then he left.",
        "x" * 100 + ". Next one. " + "y" * 70 + "\tMr. Z. went.",
        "am 3. Oktober war es. Die Sitzung " * 30,
    ],
)
def test_bounded_lookback_keeps_the_splits(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bounded = segment_mod._split(text, split_blocks(text))
    monkeypatch.setattr(segment_mod, "_WORD_BEFORE_MAX", 10**9)  # the search as it was, to the line start
    assert bounded == segment_mod._split(text, split_blocks(text))


def test_a_line_of_spaces_is_one_step_for_the_block_split() -> None:
    # before: the line search began with the leading space and failed on a line of spaces at
    # each of them (quadratic: 200,000 spaces took minutes with repair's local fixes off)
    text = "First line.\n" + " \u00a0\t" * 100_000 + "\nLast line."
    assert [text[b.start : b.end] for b in split_blocks(text)] == ["First line.", "Last line."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # Chinese and Japanese end sentences on full-width marks with no space after them
        ("今天天气很好。市民出门散步！", ["今天天气很好。", "市民出门散步！"]),
        ("首相は会見を開いた。政策を発表した。", ["首相は会見を開いた。", "政策を発表した。"]),
        # a closing quotation mark stays with its sentence; a run of marks is one end; a quotation
        # that the Japanese sentence goes on after ("と") ends nothing
        ("他说：“我们很高兴。”真的吗？！是的。", ["他说：“我们很高兴。”", "真的吗？！", "是的。"]),
        ("「行きます。」と彼は言った。", ["「行きます。」と彼は言った。"]),
        ("「行きます。」彼は出かけた。", ["「行きます。」", "彼は出かけた。"]),
        # a mark at the end of a line ends the line's last sentence, as before
        ("第一行。\n第二行", ["第一行。", "第二行"]),
        # Latin text in the same document splits as before
        ("He said no. 北京很冷。Then he left.", ["He said no.", "北京很冷。", "Then he left."]),
    ],
)
def test_full_width_sentence_ends_split_without_a_space(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # German and Polish close a quotation with "“" (and "‘"): a sentence ends after it (round 94)
        (
            "Er sagte: „Endlich gibt es eine klare Linie.“ Laut einer Umfrage sind 72 Prozent dafür.",
            ["Er sagte: „Endlich gibt es eine klare Linie.“", "Laut einer Umfrage sind 72 Prozent dafür."],
        ),
        ("Sie sagte: ‚Nein.‘ Dann ging sie.", ["Sie sagte: ‚Nein.‘", "Dann ging sie."]),
        # ... while an English "“" after a sentence's space still opens the next one
        ("He left. “Wait,” she said.", ["He left.", "“Wait,” she said."]),
    ],
)
def test_a_german_closing_quotation_mark_ends_a_sentence(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_a_danda_ends_a_hindi_sentence() -> None:
    """The Devanagari danda ends a sentence as a period does (round 130)."""
    text = "सरकार ने फैसला लिया। दूसरा वाक्य है।"
    assert [text[a:b] for a, b in split_sentences(text)] == ["सरकार ने फैसला लिया।", "दूसरा वाक्य है।"]
