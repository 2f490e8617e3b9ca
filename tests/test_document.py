"""Tests for pipeline.document: the fast copy gives what dataclasses.replace gives."""

from __future__ import annotations

import dataclasses
import doctest
import pickle

import pytest

import pipeline.document
from pipeline.document import Block, Category, Document, Span


def _doc() -> Document:
    return Document(
        id="a",
        source="a.txt",
        format="text",
        text="Title\nBody.",
        blocks=(Block(0, 5, 0, 0), Block(6, 11, 1, 0)),
        removed=(Span(0, 5, Category.TITLE, "title/test"),),
        timings={"read": 1.0},
    )


def test_doctests() -> None:
    result = doctest.testmod(pipeline.document)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    "changes",
    [{}, {"text": "x"}, {"language": "de", "language_score": 0.5}, {"id": "b", "raw": "", "removed": ()}],
)
def test_replace_is_dataclasses_replace(changes: dict[str, object]) -> None:
    doc = _doc()
    ours = doc.replace(**changes)
    theirs = dataclasses.replace(doc, **changes)  # type: ignore[arg-type]
    assert ours == theirs
    assert [getattr(ours, f.name) for f in dataclasses.fields(Document)] == [
        getattr(theirs, f.name) for f in dataclasses.fields(Document)
    ]
    assert ours is not doc and doc == _doc()


def test_replace_rejects_unknown_fields() -> None:
    with pytest.raises(TypeError):
        _doc().replace(colour="red")


def test_a_replaced_document_pickles_like_the_original() -> None:
    doc = _doc().replace(language="en")
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.timings == doc.timings
