"""Regenerate the hand-written review-page fixture: ``python tests/data/report/make_fixture.py``.

Each document is written as its *repaired* text plus the passages removed from
it; the output ``text`` comes from the real assembler (pipeline.assemble), so
the fixture has exactly the shape of a real ``docclean/1`` run with dedup
``drop``. The manifest has the shape of pipeline.run's (abridged).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.assemble import assemble

HERE = Path(__file__).parent / "run"

NAV = "Home | World | Politics | Sport | Culture"


def span(repaired: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = repaired.index(needle, start + 1)
    return start, start + len(needle)


def record(
    doc_id: str,
    repaired: str,
    removals: list[tuple[str, str, str]],
    *,
    duplicates: list[tuple[str, str, float]] = (),  # type: ignore[assignment]
    repairs: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    **meta: Any,
) -> dict[str, Any]:
    removed = []
    for needle, category, rule in removals:
        s, e = span(repaired, needle)
        removed.append({"start": s, "end": e, "category": category, "rule": rule, "text": needle})
    dups = []
    for needle, of, sim in duplicates:
        s, e = span(repaired, needle)
        dups.append({"start": s, "end": e, "text": needle, "of": of, "similarity": sim})
    reps = []
    for after, before, fix in repairs:
        s, e = span(repaired, after)
        reps.append({"start": s, "end": e, "fix": fix, "before": before, "after": after})
    removed.sort(key=lambda r: (r["start"], r["end"]))
    text = assemble(
        repaired, [(r["start"], r["end"]) for r in removed] + [(d["start"], d["end"]) for d in dups]
    )
    rec: dict[str, Any] = {
        "schema": "docclean/1",
        "id": doc_id,
        "source": meta.get("source", f"in/{doc_id}.txt"),
        "format": meta.get("format", "text"),
        "url": meta.get("url"),
        "site": meta.get("site"),
        "title": meta.get("title"),
        "author": meta.get("author"),
        "published": meta.get("published"),
        "language": meta["language"],
        "language_score": meta.get("language_score", 0.99),
        "text": text,
        "removed": removed,
        "duplicates": dups,
        "repairs": reps,
        "stats": {"chars_in": len(repaired) + 3 * len(reps), "chars_out": len(text)},
    }
    return rec


DOC1 = f"""{NAV}

By Anna Lee, Staff Writer
5 min read

Armenia has condemned Israel, saying the sale of weapons is a threat to the region.
<script>alert("x")</script> is not a tag here.

“Azerbaijan is an important country for us,” Inbar said. Officials met on Tuesday.

Share this article: Facebook Twitter Email

The talks will continue next week & beyond.

Please enter your comment!
Please enter your name here
"""

DOC2 = """Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Akzeptieren

Die Regierung hat am Montag neue Pläne vorgestellt.

ANZEIGE

Präsentiert von Beispiel AG

“Azerbaijan is an important country for us,” Inbar said. Der Minister widersprach.

Lesen Sie weiter mit Z+ für nur 1 € im ersten Monat.

Mehr zum Thema: Haushalt 2025 · Schuldenbremse · Koalition
"""

DOC3 = """Le Blog de Marie — Accueil — Archives

Le marché du village ouvre à nouveau. Photo : Jean Dupont / AFP Les producteurs sont ravis.

Marie écrit sur la vie locale depuis 2010.

Tous droits réservés. Mentions légales.

Le Blog de Marie — Accueil — Archives
"""


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    docs = [
        record(
            "news/armenia-israel",
            DOC1,
            [
                (NAV, "navigation", "navigation/en/pipe-menu"),
                ("By Anna Lee, Staff Writer", "byline", "byline/en/by-name"),
                ("5 min read", "reading_time", "reading_time/en/min-read"),
                ("Share this article: Facebook Twitter Email", "share_widget", "share_widget/en/share-this"),
                ("Please enter your comment!", "comment_form", "comment_form/en/please-enter"),
                ("Please enter your name here", "comment_form", "comment_form/en/please-enter"),
            ],
            repairs=[
                ("threat to the region.", "threat to the region. .", "doubled_punctuation"),
                ("&", "&amp;", "html_entity"),
            ],
            title='Armenia condemns "arms" sale"><img src=x onerror=alert(1)>',
            site="example.com",
            url="https://example.com/world/armenia-israel",
            author="Anna Lee",
            published="2024-03-01",
            language="en",
            format="html",
            source="in/news/armenia-israel.html",
        ),
        record(
            "news/wire-copy",
            DOC2,
            [
                (
                    "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Akzeptieren",
                    "cookie_notice",
                    "cookie_notice/de/cookies",
                ),
                ("ANZEIGE", "advertisement", "advertisement/de/anzeige"),
                # a category outside the enum (a newer docclean, a user rule pack)
                ("Präsentiert von Beispiel AG", "sponsored", "sponsored/de/praesentiert"),
                ("Lesen Sie weiter mit Z+ für nur 1 € im ersten Monat.", "paywall", "paywall/de/weiterlesen"),
                (
                    "Mehr zum Thema: Haushalt 2025 · Schuldenbremse · Koalition",
                    "related_links",
                    "related_links/de/mehr-zum-thema",
                ),
            ],
            duplicates=[
                ("“Azerbaijan is an important country for us,” Inbar said.", "news/armenia-israel", 0.97)
            ],
            site="zeitung.de",
            url="javascript:alert(1)",
            language="de",
            language_score=0.97,
        ),
        record(
            "blog/marie-marche",
            DOC3,
            [
                ("Le Blog de Marie — Accueil — Archives", "site_template", "site_template/line-frequency"),
                ("Photo : Jean Dupont / AFP", "caption", "caption/fr/photo-credit"),
                ("Marie écrit sur la vie locale depuis 2010.", "author_bio", "author_bio/fr/ecrit-sur"),
                ("Tous droits réservés. Mentions légales.", "legal", "legal/fr/droits-reserves"),
            ],
            language="fr",
            language_score=0.93,
        ),
    ]
    # the second site_template line (the first was found by record())
    s, e = span(DOC3, "Le Blog de Marie — Accueil — Archives", 1)
    docs[2]["removed"].append(
        {
            "start": s,
            "end": e,
            "category": "site_template",
            "rule": "site_template/line-frequency",
            "text": DOC3[s:e],
        }
    )
    docs[2]["removed"].sort(key=lambda r: (r["start"], r["end"]))
    docs[2]["text"] = assemble(DOC3, [(r["start"], r["end"]) for r in docs[2]["removed"]])
    docs[2]["stats"]["chars_out"] = len(docs[2]["text"])
    rejected = [
        {
            "id": "news/empty-page",
            "source": "in/news/empty-page.html",
            "reason": "empty_after_cleaning",
            "message": "nothing left after removing 3 spans <b>bold</b>",
            "of": None,
        },
        {
            "id": "blob",
            "source": "in/blob.bin",
            "reason": "binary",
            "message": "in/blob.bin: looks binary (NUL bytes)",
            "of": None,
        },
    ]
    manifest = {
        "schema": "docclean-manifest/1",
        "record_schema": "docclean/1",
        "run_id": "fixture",
        "started": "2026-01-01T00:00:00Z",
        "finished": "2026-01-01T00:00:01Z",
        "outputs": {"documents": "documents.jsonl", "rejected": "rejected.jsonl"},
        "summary": {"documents": len(docs), "rejected": len(rejected)},
        "config": {"dedup": {"mode": "drop", "threshold": 0.8}},
        "inputs": [{"path": d["source"], "skipped": False} for d in docs],
    }
    with (HERE / "documents.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with (HERE / "rejected.jsonl").open("w", encoding="utf-8") as fh:
        for r in rejected:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    # the repaired texts, for the reconstruction test
    (HERE.parent / "repaired.json").write_text(
        json.dumps(
            {d["id"]: t for d, t in zip(docs, [DOC1, DOC2, DOC3], strict=True)}, ensure_ascii=False, indent=1
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
