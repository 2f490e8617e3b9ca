"""Tests for pipeline.body_parts: pages written to attack the step, and each guard on its own."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml.html import fromstring

from pipeline.body_parts import BODY_CLASS, restore
from pipeline.config import ExtractConfig
from pipeline.document import Document
from pipeline.extract import extract

PAGES = json.loads(
    gzip.decompress((Path(__file__).parent / "data" / "extract" / "split_body_pages.json.gz").read_bytes())
)["cases"]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(html: str, split_body: bool = True) -> str:
    doc = Document(id="t", source="t.html", format="html", raw=html, is_html=True)
    return extract(doc, ExtractConfig(split_body=split_body)).text


@pytest.mark.parametrize("case", PAGES, ids=[c["name"] for c in PAGES])
def test_attack_pages(case: dict[str, Any]) -> None:
    # each page names the article's text (keep) and the text that is not the article's (absent):
    # split bodies and tweets come back; next articles, comments, teasers, sidebars, promos,
    # about-us boxes and link lists that share the body's class stay out; nothing doubles
    text = _text(case["html"])
    flat = _norm(text)
    assert [k for k in case["keep"] if _norm(k) not in flat] == case["known_missing"]
    assert [a for a in case["absent"] if _norm(a) in flat] == case["known_present"]
    before = Counter(_text(case["html"], split_body=False).split("\n"))
    assert [line for line, n in Counter(text.split("\n")).items() if n > max(1, before[line])] == []


def test_the_attack_pages_exercise_the_step() -> None:
    # a guard against a set that no longer tests anything: the step acts on 44 of the 140 pages
    changed = [c["name"] for c in PAGES if _text(c["html"]) != _text(c["html"], split_body=False)]
    assert len(changed) >= 40, changed


def _page(body: str, *parts: str) -> str:
    return f"<html><body><main><h1>Title</h1>{body}{''.join(parts)}</main></body></html>"


_P1 = "".join(
    f"<p>The first part of the story, paragraph {i}, tells what happened on Monday night.</p>"
    for i in range(4)
)
_P2 = "".join(
    f"<p>The second part of the story, paragraph {i}, says what the council will do next.</p>"
    for i in range(4)
)
_TEXT = "\n".join(
    f"The first part of the story, paragraph {i}, tells what happened on Monday night." for i in range(4)
)


def _restored(html: str, text: str = _TEXT) -> list[str]:
    return restore(fromstring(html), text).split("\n")[4:]


def test_a_part_comes_back_after_the_body() -> None:
    html = _page(
        f"<div class='article-body'>{_P1}</div><div class='ad'></div>",
        f"<div class='article-body'>{_P2}</div>",
    )
    assert [line[:35] for line in _restored(html)] == ["The second part of the story, parag"] * 4


@pytest.mark.parametrize(
    ("around", "why"),
    [
        ("<aside>{}</aside>", "an aside"),
        ("<section class='comments'>{}</section>", "the comments"),
        ("<div class='related-stories'>{}</div>", "related links"),
        ("<div class='next'><h2>The next story</h2>{}</div>", "another item with its own headline"),
        ("<div class='next'><time>Monday</time>{}</div>", "another item with its own time"),
        ("<div class='post-tags'>Tags</div>{}", "an article-end marker before it"),
        ("<h1>Another story</h1>{}", "a headline before it"),
        ("<article>{}</article>", "another article"),
    ],
)
def test_a_part_in_the_wrong_place_stays_out(around: str, why: str) -> None:
    part = around.format(f"<div class='article-body'>{_P2}</div>")
    assert _restored(_page(f"<div class='article-body'>{_P1}</div>", part)) == [], why


def test_only_a_body_class_makes_parts() -> None:
    assert BODY_CLASS.search("article__body") and BODY_CLASS.search("c-entry-content")
    assert not BODY_CLASS.search("text-center") and not BODY_CLASS.search("postscript")
    html = _page(f"<div class='text-center'>{_P1}</div>", f"<div class='text-center'>{_P2}</div>")
    assert _restored(html) == []


def test_a_part_nested_in_a_part_comes_back_once() -> None:
    deeper = f"<div class='article-body'><p>{'Deeper text here. ' * 8}</p></div>"
    nested = f"<div class='article-body'>{_P2}{deeper}</div>"
    lines = _restored(_page(f"<div class='article-body'>{_P1}</div>", nested))
    assert len(lines) == 5 and len(set(lines)) == 5


def test_a_short_part_stays_out() -> None:
    # one paragraph under the body's class is as likely a note, a bio or a copyright line
    short = "<p>The council will vote on the new plan for the old harbour next Tuesday evening.</p>"
    body = f"<div class='g'><div class='article-body'>{_P1}</div></div>"
    assert _restored(_page(body, f"<div class='g'><div class='article-body'>{short * 3}</div></div>")) != []
    assert _restored(_page(body, f"<div class='g'><div class='article-body'>{short}</div></div>")) == []


@pytest.mark.parametrize(
    ("part", "why"),
    [
        ("<div class='article-body promo'>{}</div>", "a container labelled as a promo itself"),
        ("<div class='next-story'><div class='article-body'>{}</div></div>", "the next story"),
        (
            "<div class='card'><p class='card__title'><a href='/n'>Next</a></p>"
            "<div class='article-body'>{}</div></div>",
            "a card with a linked title",
        ),
        (
            "<div class='item'><span class='story-meta__author'>Ann</span>"
            "<div class='article-body'>{}</div></div>",
            "an item with its own byline (BEM class)",
        ),
    ],
)
def test_more_that_is_not_a_part(part: str, why: str) -> None:
    assert _restored(_page(f"<div class='article-body'>{_P1}</div>", part.format(_P2))) == [], why


def test_a_note_in_italics_is_not_a_part() -> None:
    note = "".join(f"<p><em>{x[3:-4]}</em></p>" for x in _P2.replace("</p>", "</p>\n").split("\n") if x)
    assert (
        _restored(_page(f"<div class='article-body'>{_P1}</div>", f"<div class='article-body'>{note}</div>"))
        == []
    )


def test_wrappers_that_hold_the_article_do_not_stop_a_part() -> None:
    # a paywall's and an opinion template's wrappers, an inline read-more line between the parts
    for around in (
        "<div class='subscriber-content'>{}</div>",
        "<div class='author-content'>{}</div>",
        "<p class='related-link'>Read more: <a href='/x'>x</a></p>{}",
    ):
        part = around.format(f"<div class='article-body'>{_P2}</div>")
        assert len(_restored(_page(f"<div class='article-body'>{_P1}</div>", part))) == 4, around


def test_a_later_part_with_its_own_subhead_does_not_hide_the_one_before() -> None:
    # two parts in one wrapper, the second opening with a subhead: the subhead is the part's, no mark
    third = _P2.replace("second", "third")
    rest = (
        f"<div class='rest'><div class='article-body'>{_P2}</div><div class='ad'></div>"
        f"<div class='article-body'><h2>Then</h2>{third}</div></div>"
    )
    lines = _restored(_page(f"<div class='hero'><div class='article-body'>{_P1}</div></div>", rest))
    assert len(lines) == 9 and lines[4] == "Then"


def test_a_tweet_in_a_promo_box_inside_the_body_stays_out() -> None:
    tweet = "<blockquote class='twitter-tweet'><p>Follow us for more.</p>&mdash; Post (@post)</blockquote>"
    html = _page(f"<div class='article-body'>{_P1}<aside class='social-promo'>{tweet}</aside></div>")
    assert restore(fromstring(html), _TEXT) == _TEXT


def test_lines_as_trafilatura_writes_them() -> None:
    # <br> starts a line, a list item starts with "- ", a link list and the subhead over it stay out
    part = (
        "<div class='article-body'><p>Line one of the second part.<br>Line two, which ends the paragraph "
        f"well after twelve words of text.</p><ul><li>A point that the list makes</li></ul>{_P2}"
        "<h3>More great stories</h3><ul><li><a href='/a'>A story</a></li>"
        "<li><a href='/b'>B story</a></li></ul></div>"
    )
    lines = _restored(_page(f"<div class='article-body'>{_P1}</div>", part))
    assert lines[:3] == [
        "Line one of the second part.",
        "Line two, which ends the paragraph well after twelve words of text.",
        "- A point that the list makes",
    ]
    assert len(lines) == 7 and lines[-1].startswith("The second part of the story, paragraph 3")


def test_a_part_trafilatura_took_as_list_lines_is_not_added_again() -> None:
    items = [f"The second part of the story, item {i}, says what the council will do next." for i in range(4)]
    part = "<div class='article-body'><ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul></div>"
    html = _page(f"<div class='article-body'>{_P1}</div>", part)
    assert len(_restored(html)) == 4
    assert _restored(html, _TEXT + "\n" + "\n".join(f"- {x}" for x in items)) == [f"- {x}" for x in items]


def test_a_tweet_that_opens_the_body_stays_first() -> None:
    tweet = (
        "<blockquote class='twitter-tweet'><p>Big news today.</p>&mdash; Ann (@ann) <a>May 1</a></blockquote>"
    )
    html = _page(f"<div class='article-body'>{tweet}{_P1}</div>")
    assert restore(fromstring(html), _TEXT).split("\n")[:2] == ["Big news today.", "— Ann (@ann) May 1"]


def test_a_tweet_trafilatura_took_is_not_added_again() -> None:
    tweet = (
        "<blockquote class='twitter-tweet'><p>Big news today.</p>&mdash; Ann (@ann) <a>May 1</a></blockquote>"
    )
    html = _page(f"<div class='article-body'>{_P1}{tweet}</div>")
    text = f"{_TEXT}\nBig news today.\n— Ann (@ann) May 1"
    assert restore(fromstring(html), text) == text
    assert restore(fromstring(html), _TEXT) == text  # and put back when it did not


@pytest.mark.parametrize(
    ("part", "why"),
    [
        ("<div class='story'><header><h2>Next story</h2><time>May 2</time></header>{}</div>", "a <header>"),
        ("{}", "its own <h1>"),
        ("{}", "its own <time>"),
        ("{}", "its own byline"),
    ],
)
def test_the_head_of_another_article_stops_a_part(part: str, why: str) -> None:
    heads = {
        "<h1>": "<h1>Next story</h1>",
        "<time>": "<time>May 2</time>",
        "byline": "<p class='byline'>By Bo</p>",
    }
    head = heads.get(why.rsplit(" ", 1)[-1], "")
    container = f"<div class='article-body'>{head}{_P2}</div>"
    assert _restored(_page(f"<div class='article-body'>{_P1}</div>", part.format(container))) == [], why


def test_another_article_element_is_never_a_part() -> None:
    html = _page(
        f"<article class='article-body'>{_P1}</article>", f"<article class='article-body'>{_P2}</article>"
    )
    assert _restored(html) == []


def test_a_page_in_a_form_still_leaves_out_a_parts_captions() -> None:
    # ASP.NET wraps the whole page in a <form>: a figure inside the part is still beside the text
    caption = "A caption under the photo of the new tram, which is long enough to count here."
    part = f"<div class='article-body'><figure><p>{caption}</p></figure>{_P2}</div>"
    body = f"<h1>T</h1><div class='article-body'>{_P1}</div>{part}"
    html = f"<html><body><form id='aspnetForm'>{body}</form></body></html>"
    lines = _restored(html)
    assert len(lines) == 4 and not any("caption" in x for x in lines)


def test_a_tweet_quoting_a_tweet_comes_back_once() -> None:
    inner = "<blockquote class='twitter-tweet'><p>The first post.</p>&mdash; Bo (@bo)</blockquote>"
    outer = f"<blockquote class='twitter-tweet'><p>Replying here.</p>{inner}&mdash; Ann (@ann)</blockquote>"
    lines = restore(fromstring(_page(f"<div class='article-body'>{_P1}{outer}</div>")), _TEXT).split("\n")
    assert lines.count("The first post.") == 1 and lines[4] == "Replying here."


def test_a_part_goes_after_the_table_that_ends_the_body_above_it() -> None:
    table = "<table><tr><td>Line</td><td>Cost</td></tr><tr><td>Tram</td><td>400m</td></tr></table>"
    html = _page(
        f"<div class='article-body'>{_P1}{table}</div><div class='ad'></div>",
        f"<div class='article-body'>{_P2}</div>",
    )
    text = (
        _TEXT
        + "\n| Line | Cost |\n| Tram | 400m |\nSome text from below the article, which trafilatura took."
    )
    html = html.replace("</main>", "<p>Some text from below the article, which trafilatura took.</p></main>")
    lines = restore(fromstring(html), text).split("\n")
    assert lines[4:6] == ["| Line | Cost |", "| Tram | 400m |"] and lines[6].startswith("The second part")
    assert lines[-1].startswith("Some text from below")


def test_a_repeated_line_anchors_at_its_own_copy() -> None:
    # the second "Photo: AP" is the one above the part: the part goes after it, not after the first
    photo = "<p>Photo: AP</p>"
    body = f"<div class='article-body'>{photo}{_P1}{photo}</div><div class='ad'></div>"
    text = "Photo: AP\n" + _TEXT + "\nPhoto: AP"
    lines = restore(fromstring(_page(body, f"<div class='article-body'>{_P2}</div>")), text).split("\n")
    assert lines[5] == "Photo: AP" and lines[6].startswith("The second part")


def test_a_subhead_over_a_subhead_stays_and_scripts_give_no_text() -> None:
    part = (
        f"<div class='article-body'><h2>Part two</h2><h3>The money</h3><script>var x = 1;</script>{_P2}</div>"
    )
    lines = _restored(_page(f"<div class='article-body'>{_P1}</div>", part))
    assert lines[:2] == ["Part two", "The money"] and not any("var x" in x for x in lines)


def test_a_part_needs_finished_paragraphs() -> None:
    # the same words without a sentence's end (a list of teasers' headlines) do not make a part
    unfinished = _P2.replace(".</p>", "</p>")
    assert (
        _restored(
            _page(f"<div class='article-body'>{_P1}</div>", f"<div class='article-body'>{unfinished}</div>")
        )
        == []
    )


def test_a_body_class_is_a_whole_class_token() -> None:
    assert not BODY_CLASS.search("subtext") and not BODY_CLASS.search("context")
    assert BODY_CLASS.search("story-text") and BODY_CLASS.search("articleBody")


def test_a_comment_link_inside_the_text_does_not_end_the_article() -> None:
    # a link or a span labelled "comments" between the parts is no marker; a box is
    link = "<p>Tell us what you think in the <a class='comments-link' href='#c'>comments</a> below.</p>"
    html = _page(f"<div class='article-body'>{_P1}</div>{link}", f"<div class='article-body'>{_P2}</div>")
    assert len(_restored(html)) == 4
    box = "<div class='comments'>34 comments</div>"
    assert (
        _restored(
            _page(f"<div class='article-body'>{_P1}</div>{box}", f"<div class='article-body'>{_P2}</div>")
        )
        == []
    )


def test_a_page_without_a_tweet_or_a_repeated_body_class_is_not_walked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # most pages: the walk over every element is skipped
    def walk(tree: object) -> None:
        raise AssertionError("walked")

    monkeypatch.setattr("pipeline.body_parts._Page.walk", walk)
    assert (
        restore(fromstring(_page(f"<div class='article-body'>{_P1}</div><div class='ad'>x</div>")), _TEXT)
        == _TEXT
    )
    with pytest.raises(AssertionError, match="walked"):
        restore(
            fromstring(
                _page(f"<div class='article-body'>{_P1}</div>", f"<div class='article-body'>{_P2}</div>")
            ),
            _TEXT,
        )


def test_a_tweet_stays_above_a_credit_that_no_paragraph_gave() -> None:
    # nothing below the tweet was taken from a paragraph: it goes after the body's last line, not
    # after the credit trafilatura wrote from a <div>
    tweet = "<blockquote class='twitter-tweet'><p>Big news today.</p>&mdash; Ann (@ann)</blockquote>"
    html = _page(f"<div class='article-body'>{_P1}{tweet}<div class='credit'>Reporting by Bo Li</div></div>")
    lines = restore(fromstring(html), _TEXT + "\nReporting by Bo Li").split("\n")
    assert lines[4:] == ["Big news today.", "— Ann (@ann)", "Reporting by Bo Li"]


@pytest.mark.parametrize(
    "box",
    [
        "<form class='signup'><h3>Get the briefing</h3><input></form>",
        "<button>Listen <time>4:05</time></button>",
        "<footer><h3>Corrections</h3></footer>",
    ],
)
def test_a_form_button_or_footer_in_the_branch_is_no_mark(box: str) -> None:
    part = f"<div class='wrap'>{box}<div class='article-body'>{_P2}</div></div>"
    assert len(_restored(_page(f"<div class='article-body'>{_P1}</div>", part))) == 4


def test_a_date_or_an_author_link_inside_a_sentence_is_no_head() -> None:
    para = (
        "<p>On <time>May 2</time> the council met again, <a class='author-link'>Bo Li</a> reports "
        "from the hall.</p>"
    )
    assert (
        len(
            _restored(
                _page(
                    f"<div class='article-body'>{_P1}</div>", f"<div class='article-body'>{para}{_P2}</div>"
                )
            )
        )
        == 5
    )


def test_tweets_in_a_part_follow_the_bodys_rules() -> None:
    tweet = "<blockquote class='twitter-tweet'><p>Quoted in the part.</p>&mdash; Ann (@ann)</blockquote>"
    for box, kept in (
        (f"<figure>{tweet}</figure>", True),
        (f"<div class='social-promo'>{tweet}</div>", False),
    ):
        lines = _restored(
            _page(f"<div class='article-body'>{_P1}</div>", f"<div class='article-body'>{box}{_P2}</div>")
        )
        assert ("Quoted in the part." in lines) is kept, box


def test_a_spacer_paragraph_does_not_drop_a_subhead() -> None:
    part = f"<div class='article-body'><h2>Part two</h2><p>&nbsp;</p><h3>The money</h3>{_P2}</div>"
    assert _restored(_page(f"<div class='article-body'>{_P1}</div>", part))[:2] == ["Part two", "The money"]
