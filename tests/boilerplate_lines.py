"""Test helper: a text as the classifier's lines (``_Block``), with the pipeline's repair and
segmentation, and optionally the shipped rules matched (step 1 of ``classify.detect``)."""

from __future__ import annotations

from pipeline.boilerplate import load_rules
from pipeline.boilerplate.blocks import _Block, _blocks, _make_blocks, _table_rows
from pipeline.boilerplate.classify import _match_rules, _zones
from pipeline.config import RepairConfig
from pipeline.document import Document
from pipeline.repair import repair
from pipeline.segment import segment

PACK = load_rules()


def document_of(text: str) -> Document:
    """``text`` repaired and segmented as a plain-text document."""
    return segment(repair(Document(id="t", source="t", format="text", text=text), RepairConfig()))


def lines_of(text: str, rules: bool = True) -> list[_Block]:
    """The classifier's lines of ``text``; with ``rules``, each line's rule matches set.

    >>> [b.f.text for b in lines_of("Headline\\n\\nShare this article", rules=False)]
    ['Headline', 'Share this article']
    >>> lines_of("Headline\\n\\nShare this article")[1].strong.id
    'share_widget/en/share-this'
    """
    doc = document_of(text)
    raw = _blocks(doc)
    bs, lang, _share = _make_blocks(doc.text, raw, _table_rows(doc, raw))
    if rules:
        _match_rules(doc, bs, PACK, _zones(bs), lang == "en")
    return bs
