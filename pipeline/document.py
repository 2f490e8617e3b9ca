"""The one record type every stage passes on, and the spans stages attach to it.

A :class:`Document` is immutable: a stage returns a new one with
:func:`dataclasses.replace`. Text is edited exactly once, by ``repair``; after
that, stages only *annotate* the repaired text with spans (removals,
duplicates), and :func:`pipeline.assemble.assemble` cuts them out at the end.
So every removal can be shown, explained and undone.

>>> doc = Document(id="a", source="a.txt", format="text", text="Hello.\\n\\nShare this")
>>> span = Span(8, 18, Category.SHARE_WIDGET, "share_widget/en/share-this")
>>> doc.text[span.start:span.end]
'Share this'
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, Literal

SCHEMA = "docclean/1"

InputFormat = Literal["text", "html", "jsonl", "warc"]


class Category(StrEnum):
    """Why a span was removed. Values are part of the record schema: only add, never rename."""

    NAVIGATION = "navigation"
    PAYWALL = "paywall"
    NEWSLETTER = "newsletter"
    COMMENT_FORM = "comment_form"
    COMMENTS = "comments"
    SHARE_WIDGET = "share_widget"
    READING_TIME = "reading_time"
    RELATED_LINKS = "related_links"
    BYLINE = "byline"
    AUTHOR_BIO = "author_bio"
    CAPTION = "caption"
    COOKIE_NOTICE = "cookie_notice"
    ADVERTISEMENT = "advertisement"
    LEGAL = "legal"
    SITE_TEMPLATE = "site_template"
    TITLE = "title"
    """The headline, moved from the text into the record's ``title`` field."""
    OTHER = "other"
    """Boilerplate by evidence (position, shape) that no category rule names."""


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A removal: ``text[start:end]`` of the repaired text, with the reason.

    ``rule`` is a stable id, ``<category>/<lang>/<name>`` for rule-pack rules,
    ``<category>/<mechanism>`` for evidence-based decisions.
    """

    start: int
    end: int
    category: Category
    rule: str
    score: float = 1.0

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, Category, str, float]]:
        # positional reconstruction: several times faster to pickle than the slots default
        return (Span, (self.start, self.end, self.category, self.rule, self.score))


@dataclass(frozen=True, slots=True, order=True)
class Repair:
    """One local repair. ``start``/``end`` locate ``after`` in the repaired text."""

    start: int
    end: int
    fix: str
    before: str
    after: str

    def __reduce__(self) -> tuple[type[Repair], tuple[int, int, str, str, str]]:
        return (Repair, (self.start, self.end, self.fix, self.before, self.after))


@dataclass(frozen=True, slots=True, order=True)
class Duplicate:
    """A passage of this document that near-duplicates a passage seen earlier.

    ``of`` is the id of the document that kept the passage, ``of_text`` the
    passage there, ``similarity`` the verified similarity in [0, 1].
    ``of_start``/``of_end`` locate the matched passage in the earlier
    document's repaired text (-1 when unknown), for ``docclean explain``.
    """

    start: int
    end: int
    of: str
    similarity: float
    of_text: str = ""
    of_start: int = -1
    of_end: int = -1


@dataclass(frozen=True, slots=True)
class Block:
    """A non-empty line of the repaired text. ``paragraph`` counts blank-line separated groups."""

    start: int
    end: int
    index: int
    paragraph: int

    def __reduce__(self) -> tuple[type[Block], tuple[int, int, int, int]]:
        return (Block, (self.start, self.end, self.index, self.paragraph))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside block ``block``; offsets into the repaired text."""

    start: int
    end: int
    block: int

    def __reduce__(self) -> tuple[type[Sentence], tuple[int, int, int]]:
        return (Sentence, (self.start, self.end, self.block))


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as it moves through the stages.

    ``raw`` is the decoded input (HTML or text) and is emptied once extracted.
    ``text`` is the extracted text, then (after ``repair``) the repaired text
    that all offsets refer to. ``order`` is the canonical input position
    (sorted source path, line or record number) used to break ties in dedup.
    ``group`` is what site templates are counted by: the URL host when known,
    else the input folder.
    """

    id: str
    source: str
    format: InputFormat
    raw: str = ""
    is_html: bool = False
    text: str = ""
    order: tuple[str, int] = ("", 0)
    group: str = ""
    url: str | None = None
    site: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    chars_in: int = 0
    repairs: tuple[Repair, ...] = ()
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    removed: tuple[Span, ...] = ()
    language: str = "und"
    language_score: float = 0.0
    duplicates: tuple[Duplicate, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    def span_text(self, start: int, end: int) -> str:
        """The repaired text between two offsets."""
        return self.text[start:end]

    def replace(self, **changes: Any) -> Document:
        """A copy with ``changes``: :func:`dataclasses.replace`, about twice as fast.

        Every stage makes one copy per document; this reads all fields at once and passes
        them by position instead of checking each field and passing them by name.

        >>> doc = Document(id="a", source="a.txt", format="text", text="Hello.")
        >>> new = doc.replace(language="en", language_score=0.99)
        >>> (new.language, new.text, doc.language)
        ('en', 'Hello.', 'und')
        >>> doc.replace(colour="red")
        Traceback (most recent call last):
        ...
        TypeError: Document has no field 'colour'
        """
        values = list(_document_values(self))
        for name, value in changes.items():
            index = _DOCUMENT_INDEX.get(name)
            if index is None:
                raise TypeError(f"Document has no field {name!r}")
            values[index] = value
        return Document(*values)

    def kept_blocks(self, ignore: frozenset[Category] = frozenset()) -> list[Block]:
        """The blocks that no removal span covers whole, in order (spans whose category is in
        ``ignore`` do not count as removals here).

        >>> d = Document(id="a", source="a", format="text", text="x\\ny",
        ...              blocks=(Block(0, 1, 0, 0), Block(2, 3, 1, 0)),
        ...              removed=(Span(0, 1, Category.OTHER, "other/test"),))
        >>> [d.text[b.start:b.end] for b in d.kept_blocks()]
        ['y']
        """
        spans = sorted((s.start, s.end) for s in self.removed if s.category not in ignore)
        if not spans:
            return list(self.blocks)
        out: list[Block] = []
        i = 0
        for block in self.blocks:
            while i < len(spans) and spans[i][1] <= block.start:
                i += 1
            if i < len(spans) and spans[i][0] <= block.start and spans[i][1] >= block.end:
                continue
            out.append(block)
        return out


_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))
_DOCUMENT_INDEX = {name: i for i, name in enumerate(_DOCUMENT_FIELDS)}
_document_values = operator.attrgetter(*_DOCUMENT_FIELDS)


RejectReason = Literal[
    "unreadable",
    "binary",
    "too_large",
    "malformed_jsonl",
    "extraction_failed",
    "extraction_timeout",
    "empty",
    "empty_after_cleaning",
    "duplicate_document",
    "internal_error",
]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that produced no record, and why. Written to ``rejected.jsonl``."""

    id: str
    source: str
    reason: RejectReason
    message: str
    order: tuple[str, int] = ("", 0)
    of: str | None = None
