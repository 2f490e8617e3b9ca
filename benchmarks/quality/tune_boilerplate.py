"""Tune and measure the text-level boilerplate stage (pipeline/boilerplate).

Renders the article-extraction-benchmark HTML pages into two plain-text
versions that still carry boilerplate, runs ``boilerplate.detect`` on each and
scores the kept text against ``ground-truth.json`` (articleBody) with
lower-cased word 4-gram shingle precision/recall/F1 per document,
macro-averaged. Also checks "do no harm" on the already clean BBC articles.

Renderings (cached under ``--cache``, default ``/tmp/docclean-bp-cache``):

- ``recall``: ``trafilatura.extract(html, favor_recall=True, include_comments=True, include_tables=True)``
- ``full``: every text node of ``<body>`` minus script/style, one line per block element.
- ``html``: trafilatura's default extraction (no comments), i.e. what ``docclean`` does with HTML input.

Usage::

    .venv/bin/python benchmarks/quality/tune_boilerplate.py [--show ID] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tarfile
from collections.abc import Iterable
from pathlib import Path

DATA = Path("/work/shared/data")
AEB = DATA / "article-extraction-benchmark"
BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "option",
    "button",
    "label",
    "select",
    "textarea",
    "caption",
    "title",
}
WORD = re.compile(r"\w+", re.UNICODE)


def full_text(html: str) -> str:
    """All visible text of <body>, one line per block element."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:
        return ""
    body = root.find("body")
    if body is None:
        body = root
    for bad in body.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    out: list[str] = []

    def walk(el: object) -> None:
        import lxml.etree

        assert isinstance(el, lxml.etree._Element)
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in BLOCK_TAGS
        if block:
            out.append("\n")
        if el.text and isinstance(el.tag, str):
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if block:
            out.append("\n")

    walk(body)
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    return "\n".join(line for line in lines if line)


def render(cache: Path) -> dict[str, dict[str, str]]:
    """{"recall"|"full": {id: text}}, cached."""
    path = cache / "renderings-v3.json"
    if path.exists():
        return json.loads(path.read_text())  # type: ignore[no-any-return]
    import trafilatura

    out: dict[str, dict[str, str]] = {"recall": {}, "full": {}, "html": {}, "page": {}}
    for f in sorted((AEB / "html").glob("*.html.gz")):
        doc_id = f.name.split(".")[0]
        html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        out["recall"][doc_id] = (
            trafilatura.extract(html, favor_recall=True, include_comments=True, include_tables=True) or ""
        )
        out["full"][doc_id] = full_text(html)
        out["html"][doc_id] = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        out["page"][doc_id] = html
        print(".", end="", file=sys.stderr, flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out))
    return out


def render_traf(cache: Path, limit: int) -> list[dict[str, object]]:
    """trafilatura-eval pages (first ``limit`` annotated, by file name): renderings + snippets, cached."""
    path = cache / f"traf-v2-{limit}.json"
    if path.exists():
        return json.loads(path.read_text())  # type: ignore[no-any-return]
    import trafilatura

    ev = json.loads((DATA / "trafilatura-eval" / "evaldata.json").read_text())
    by_file = {v["file"]: (url, v) for url, v in ev.items()}
    out: list[dict[str, object]] = []
    with tarfile.open(DATA / "trafilatura-eval" / "html.tar.gz") as tar:
        members = sorted((m for m in tar if m.isfile()), key=lambda m: m.name)
        for m in members:
            name = m.name.rsplit("/", 1)[-1]
            if name not in by_file:
                continue
            url, v = by_file[name]
            f = tar.extractfile(m)
            assert f is not None
            raw = f.read()
            try:
                html = raw.decode("utf-8")
            except UnicodeDecodeError:
                html = raw.decode("cp1252", "replace")
            rec = (
                trafilatura.extract(html, favor_recall=True, include_comments=True, include_tables=True) or ""
            )
            out.append(
                {
                    "url": url,
                    "with": v.get("with", []),
                    "without": v.get("without", []),
                    "recall": rec,
                    "full": full_text(html),
                    "html": trafilatura.extract(html, include_comments=False, include_tables=True) or "",
                    "page": html,
                }
            )
            if len(out) >= limit:
                break
    path.write_text(json.dumps(out))
    return out


def lost_snippets(cache: Path, limit: int, mode: str) -> None:
    """Print "with" snippets the stage removed (and the rule), and "without" snippets it kept."""
    for p in render_traf(cache, limit):
        text = str(p[mode])
        src = str(p["page"]) if mode == "html" else text
        kept, removed = kept_text(src, str(p["url"]), mode == "html")
        folded_in, folded_out = " ".join(text.split()), " ".join(kept.split())
        for snip in p["without"]:  # type: ignore[attr-defined]
            sn = " ".join(snip.split())
            if sn in folded_out:
                print(f"KEPT-BAD {str(p['url'])[:60]} {sn[:100]!r}")
        for snip in p["with"]:  # type: ignore[attr-defined]
            sn = " ".join(snip.split())
            if sn in folded_in and sn not in folded_out:
                why = [
                    f"{c} {r}" for c, r, t in removed if (t.strip() and t.strip()[:30] in sn) or sn[:30] in t
                ]
                print(f"LOST {str(p['url'])[:60]} {sn[:80]!r} {why[:2]}")


def snippet_scores(cache: Path, limit: int, half: str = "all") -> None:
    """trafilatura's own scoring: "with" snippets found = TP, "without" snippets found = FP.

    ``input`` is the rendering unchanged (for ``html``: trafilatura alone), ``detect`` docclean's stages.
    """
    pages = render_traf(cache, limit)
    if half != "all":
        pages = pages[(0 if half == "even" else 1) :: 2]
    for mode in ("html", "recall", "full"):
        for label, use in (("input", False), ("detect", True)):
            tp = fn = fp = tn = 0
            for p in pages:
                text = str(p[mode])
                if use:
                    src = str(p["page"]) if mode == "html" else text
                    text, _ = kept_text(src, str(p["url"]), mode == "html")
                folded = " ".join(text.split())
                for snip in p["with"]:  # type: ignore[attr-defined]
                    if " ".join(snip.split()) in folded:
                        tp += 1
                    else:
                        fn += 1
                for snip in p["without"]:  # type: ignore[attr-defined]
                    if " ".join(snip.split()) in folded:
                        fp += 1
                    else:
                        tn += 1
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            print(
                f"traf-eval {mode:6} {label:6} P {prec:.3f} R {rec:.3f} F1 {f1:.3f} (bad kept {fp}/{fp + tn})"
            )


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p_sh, g_sh = shingles(pred), shingles(gold)
    if not p_sh and not g_sh:
        return 1.0, 1.0, 1.0
    if not p_sh or not g_sh:
        return 0.0, 0.0, 0.0
    tp = len(p_sh & g_sh)
    p, r = tp / len(p_sh), tp / len(g_sh)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def kept_text(text: str, doc_id: str = "x", html: bool = False) -> tuple[str, list[tuple[str, str, str]]]:
    """Run the pipeline's per-document stages up to the boilerplate stage; return kept text and removals.

    Text runs through repair, segment and detect, as ``docclean run`` does. With ``html=True``
    ``text`` is the page's HTML and runs through extract first (as HTML input does).
    """
    from pipeline.boilerplate import detect, load_rules
    from pipeline.config import Config
    from pipeline.document import Document
    from pipeline.extract import extract
    from pipeline.repair import repair
    from pipeline.segment import segment

    global _PACK
    if _PACK is None:
        _PACK = load_rules()
    cfg = Config()
    if html:
        doc = Document(id=doc_id, source=doc_id, format="html", raw=text, is_html=True)
        try:
            doc = extract(doc, cfg.extract)
        except Exception:
            return "", []
    else:
        doc = Document(id=doc_id, source=doc_id, format="text", text=text)
    doc = segment(repair(doc, cfg.repair))
    out = detect(doc, cfg.boilerplate, _PACK)
    text = out.text
    cut = sorted(out.removed)
    parts, last = [], 0
    for s in cut:
        parts.append(text[last : s.start])
        last = max(last, s.end)
    parts.append(text[last:])
    removed = [(s.category.value, s.rule, text[s.start : s.end]) for s in cut]
    return "".join(parts), removed


_PACK = None


def macro(rows: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    rows = list(rows)
    n = len(rows) or 1
    return tuple(sum(r[i] for r in rows) / n for i in range(3))  # type: ignore[return-value]


def bbc_texts(limit: int) -> list[tuple[str, str]]:
    out = []
    with tarfile.open(DATA / "bbc-news" / "bbc.tar.gz") as tar:
        for m in tar:
            if m.isfile() and m.name.endswith(".txt") and "README" not in m.name:
                f = tar.extractfile(m)
                assert f is not None
                out.append((m.name, f.read().decode("utf-8", "replace")))
    out.sort()
    return out[:: max(1, len(out) // limit)][:limit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/docclean-bp-cache")
    ap.add_argument("--show", default=None, help="print removals for one id prefix")
    ap.add_argument("--mode", default="recall")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--bbc", type=int, default=300)
    ap.add_argument("--lost", action="store_true", help="with --traf: list lost 'with' snippets")
    ap.add_argument("--traf", type=int, default=0, help="also score N trafilatura-eval pages by snippets")
    ap.add_argument("--dump", default=None, help="write per-document F1 to this JSON file")
    ap.add_argument("--compare", default=None, help="print documents whose F1 changed against a --dump file")
    ap.add_argument(
        "--half",
        choices=("all", "even", "odd"),
        default="all",
        help="only the pages at even/odd positions of the sorted ids (tune on one half, check the other)",
    )
    args = ap.parse_args()
    gold = json.loads((AEB / "ground-truth.json").read_text())
    rend = render(Path(args.cache))
    if args.show:
        for doc_id, text in rend[args.mode].items():
            if doc_id.startswith(args.show):
                src = rend["page"][doc_id] if args.mode == "html" else text
                kept, removed = kept_text(src, doc_id, args.mode == "html")
                for cat, rule, t in removed:
                    print(f"- [{cat} {rule}] {t[:150]!r}")
                print("=== KEPT\n" + kept)
                print("=== GOLD\n" + gold[doc_id]["articleBody"])
                print(prf(kept, gold[doc_id]["articleBody"]), prf(text, gold[doc_id]["articleBody"]))
        return
    print(f"{'rendering':10} {'baseline P/R/F1':>24} {'detect P/R/F1':>24}")
    dump: dict[str, float] = {}
    before = json.loads(Path(args.compare).read_text()) if args.compare else {}
    for mode in ("recall", "full", "html"):
        base, ours, per = [], [], []
        for pos, (doc_id, text) in enumerate(sorted(rend[mode].items())):
            if args.half != "all" and pos % 2 != (0 if args.half == "even" else 1):
                continue
            g = gold[doc_id]["articleBody"]
            b = prf(text, g)
            # html: the baseline is trafilatura alone; docclean extracts from the page itself
            kept, _ = kept_text(rend["page"][doc_id] if mode == "html" else text, doc_id, mode == "html")
            o = prf(kept, g)
            base.append(b)
            ours.append(o)
            per.append((o[2] - b[2], o[2], doc_id))
            dump[f"{mode}/{doc_id}"] = o[2]
            old = before.get(f"{mode}/{doc_id}")
            if old is not None and abs(old - o[2]) > 0.001:
                print(f"   changed {mode}/{doc_id[:12]}: {old:.3f} -> {o[2]:.3f}")
        bm, om = macro(base), macro(ours)
        print(f"{mode:10} {bm[0]:.3f}/{bm[1]:.3f}/{bm[2]:.3f}       {om[0]:.3f}/{om[1]:.3f}/{om[2]:.3f}")
        if args.worst:
            for d, f, i in sorted(per)[: args.worst]:
                print(f"   delta {d:+.3f} f1 {f:.3f} {i[:12]}")
            for d, f, i in sorted(per, key=lambda x: x[1])[: args.worst]:
                print(f"   low f1 {f:.3f} delta {d:+.3f} {i[:12]}")
    if args.traf and args.lost:
        lost_snippets(Path(args.cache), args.traf, args.mode)
        return
    if args.traf:
        snippet_scores(Path(args.cache), args.traf, args.half)
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=0, sort_keys=True))
    if args.bbc:
        rows, nrem, chars = [], 0, 0
        for _name, text in bbc_texts(args.bbc):
            kept, removed = kept_text(text)
            # the BBC files start with a headline: title removal is expected, score the body only
            body = text.split("\n", 1)[1] if "\n" in text else text
            rows.append(prf(kept, body))
            nrem += sum(1 for c, _, _ in removed if c != "title")
            chars += sum(len(t) for c, _, t in removed if c != "title")
        m = macro(rows)
        print(f"bbc ({args.bbc} docs): F1 vs body {m[2]:.4f}, non-title removals {nrem}, chars {chars}")


if __name__ == "__main__":
    main()
