"""Smoke tests of the dedup benchmarks' data handling (no data files, no timing)."""

from __future__ import annotations

from benchmarks.dedup_meter import Article, bounds, clean_pa, held_out, parse_sgml, run_dedup, score
from benchmarks.dedup_scale import documents
from pipeline.config import DedupConfig
from pipeline.dedup import DedupParams
from pipeline.document import Document
from pipeline.segment import segment

PA = """  ----------------------------------------------------------------
                  23:19 27/01/00: Page 1 (HHH) SHOWBIZ Posh
  ----------------------------------------------------------------
WEIGHT LOSS DID WORRY ME<
Posh Spice decided to go to doctors after being afraid that she was losing too
much weight, she has disclosed.<
The star said: ``It did worry me, I did go to the doctors.''<
"""

SGML = """<meterdocument classification="partially-derived"><body>
<Verbatim PAsource="" >Posh Spice decided to go to doctors after being afraid </Verbatim>
<New PAsource="" >the tabloids were right, </New>
<Verbatim PAsource="" >she has disclosed.</Verbatim>
<New PAsource="" >
</New>

<New PAsource="" >Fans were shocked by the news on Friday night in London.</New>
</body></meterdocument>"""


def test_clean_pa_joins_wrapped_lines_and_folds_quotes() -> None:
    text = clean_pa(PA)
    assert text.splitlines()[0] == "WEIGHT LOSS DID WORRY ME"
    assert "afraid that she was losing too much weight, she has disclosed." in text
    assert 'The star said: "It did worry me, I did go to the doctors."' in text


def test_parse_sgml_labels_characters() -> None:
    text, labels, cls = parse_sgml(SGML)
    assert cls == "partially-derived"
    assert text.startswith("Posh Spice decided") and "\n\nFans were shocked" in text
    i = text.index("tabloids")
    assert labels[i] == "new" and labels[text.index("disclosed")] == "verbatim"
    assert len(labels) == len(text)


def test_meter_scoring_on_a_tiny_story() -> None:
    pa = segment(Document(id="pa/s/1", source="pa", format="text", text=clean_pa(PA)))
    text, labels, cls = parse_sgml(SGML)
    np_doc = segment(Document(id="np/s/1", source="np", format="text", text=text))

    arts = [Article("np/s/1", "s", text, labels, cls, True)]
    removed = run_dedup([pa, np_doc], DedupConfig(), DedupParams())
    m = score([pa, np_doc], arts, removed)
    assert m["all"]["new_removed"] == 0.0
    assert isinstance(held_out("s"), bool)


def test_synthetic_variants_are_labelled_and_deterministic() -> None:
    base = [
        "One two three four five six seven. Eight nine ten eleven twelve.",
        "Alpha beta gamma delta epsilon.",
    ]
    a = [(d.id, d.text) for d in documents(6, base)]
    b = [(d.id, d.text) for d in documents(6, base)]
    assert a == b
    assert [i for i, _ in a[:2]] == ["base-0", "base-1"]
    assert all(i.startswith("syn-") for i, _ in a[2:])


def test_bounds_count_near_copies_of_non_derived_articles_against_both_targets() -> None:
    pa = segment(Document(id="pa/s/1", source="pa", format="text", text=clean_pa(PA)))
    sgml = (
        '<meterdocument classification="x"><body>\n'
        '<Verbatim PAsource="">The star said it did worry her.</Verbatim>\n'
        '<New PAsource=""> Fans were shocked by the news on Friday night in London, her friends said.</New>\n'
        "</body></meterdocument>"
    )
    text, labels, _ = parse_sgml(sgml)
    docs = [pa]
    arts = []
    for i, cls in enumerate(("partially-derived", "non-derived")):
        docs.append(segment(Document(id=f"np/s/{i}", source="np", format="text", text=text)))
        arts.append(Article(f"np/s/{i}", "s", text, labels, cls, True))
    b = bounds(docs, arts)
    part = "held_out" if held_out("s") else "tune"
    assert b[part]["near_copy_sentences"] == 2 and b[part]["in_nonderived"] == 1
    # the non-derived copy is 7 of its 21 words: over 2 %, so only the derived one can go
    assert b[part]["recall_at_2pct"] == 0.5
    assert b[part]["loss_at_90pct"] == b[part]["their_word_share"] == 7 / 21
    assert b[part]["with_source"] == 1.0  # both copies have their source: PA's sentence
    # without the PA copy, only the second article's has one (the first article)
    assert bounds(docs[1:], arts)[part]["with_source"] == 0.5
