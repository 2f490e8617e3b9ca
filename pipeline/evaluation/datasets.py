"""Loaders for the gold data sets in ``../shared/data`` (and any folder in the same shapes).

Three formats:

* ``aeb``: scrapinghub article-extraction-benchmark: ``html/<id>.html.gz`` + ``ground-truth.json``
  (``{id: {"articleBody": ..., "url": ...}}``); scored with word-4-gram shingles.
* ``trafilatura``: trafilatura's evaluation set: ``html.tar.gz`` (read in place with :mod:`tarfile`,
  members ``./cache/<file>`` or ``./eval/<file>``) + ``evaldata.json``
  (``{url: {"file": ..., "with": [...], "without": [...]}}``); scored with snippets.
* ``folder:PATH``: a generic folder: ``gold/<id>.txt`` (gold text, UTF-8) and the input as
  ``html/<id>.html`` / ``html/<id>.html.gz`` and/or ``text/<id>.txt``; scored with shingles.

``limit`` keeps ``N`` pages evenly spaced over the id-sorted list (so a subset still spans all
sites) and is deterministic.

>>> spread(list(range(10)), 3)
[0, 3, 6]
>>> safe_id("zeit.de.Wörter und Zahlen.html")
'zeit.de.W_rter_und_Zahlen'
>>> site_of("https://web.archive.org/web/2019/https://www.example.org/a")
'www.example.org'
"""

from __future__ import annotations

import gzip
import json
import re
import tarfile
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from pipeline.errors import ConfigError
from pipeline.readers import decode_bytes

Scoring = Literal["shingle", "snippet"]
T = TypeVar("T")

_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")
_WAYBACK_RE = re.compile(r"^/web/[^/]+/(https?://.*)$")


@dataclass(frozen=True)
class Page:
    """One gold page: its input (HTML bytes and/or text) and its gold (text or snippets)."""

    id: str
    """Safe id (``[A-Za-z0-9._-]``), unique in the data set; also the file stem given to docclean."""
    site: str
    """Host of the page's URL (or ``_`` when unknown): docclean input is grouped by site."""
    url: str | None = None
    html: bytes | None = None
    text: str | None = None
    """A given text input (generic folders only); renderings of ``html`` are derived elsewhere."""
    gold: str | None = None
    """Gold text (shingle scoring)."""
    with_: tuple[str, ...] = ()
    """Snippets that must appear (snippet scoring)."""
    without: tuple[str, ...] = ()
    """Snippets that must not appear (snippet scoring)."""


@dataclass(frozen=True)
class Dataset:
    """A named set of pages and how to score them."""

    name: str
    scoring: Scoring
    pages: tuple[Page, ...]


def spread(items: Sequence[T], limit: int | None) -> list[T]:
    """``limit`` items evenly spaced over ``items`` (all of them when ``limit`` is None or large).

    >>> spread("abcdef", 2)
    ['a', 'd']
    >>> spread("ab", None)
    ['a', 'b']
    """
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    return [items[(i * len(items)) // limit] for i in range(limit)]


def safe_id(name: str) -> str:
    """A file-name-safe id from a file name (``.html``/``.htm``/``.gz`` suffixes dropped).

    >>> safe_id("abc.html.gz"), safe_id("x y.htm"), safe_id("no-suffix")
    ('abc', 'x_y', 'no-suffix')
    """
    for suffix in (".gz", ".html", ".htm"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return _UNSAFE_RE.sub("_", name).strip("_") or "_"


def site_of(url: str | None) -> str:
    """The host of ``url`` (the archived URL's host for Wayback links), ``_`` when there is none.

    >>> site_of("http://Example.com:8080/x"), site_of(None), site_of("not a url")
    ('example.com', '_', '_')
    """
    if not url:
        return "_"
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower()
    if host == "web.archive.org":
        m = _WAYBACK_RE.match(parts.path)
        if m:
            return site_of(m.group(1))
    return _UNSAFE_RE.sub("_", host) or "_"


def decode_html(data: bytes) -> str:
    """Decode HTML bytes exactly as docclean's readers do (:func:`pipeline.readers.decode_bytes`).

    >>> decode_html("Grüße".encode("utf-8"))
    'Grüße'
    >>> decode_html(b'<meta charset="windows-1250">\\x9ale')
    '<meta charset="windows-1250">šle'
    """
    return decode_bytes(data, html=True).text


def _require(path: Path, what: str) -> None:
    if not path.exists():
        raise ConfigError(f"{what} not found: {path} (pass --data DIR pointing at the shared data folder)")


def load_aeb(root: Path, limit: int | None = None) -> Dataset:
    """article-extraction-benchmark: ``root/ground-truth.json`` + ``root/html/<id>.html.gz``."""
    gt_path = root / "ground-truth.json"
    _require(gt_path, "article-extraction-benchmark ground truth")
    truth: dict[str, dict[str, str]] = json.loads(gt_path.read_text(encoding="utf-8"))
    pages = []
    for key in spread(sorted(truth), limit):
        item = truth[key]
        html_path = root / "html" / f"{key}.html.gz"
        _require(html_path, "article-extraction-benchmark page")
        url = item.get("url")
        pages.append(
            Page(
                id=safe_id(key),
                site=site_of(url),
                url=url,
                html=gzip.decompress(html_path.read_bytes()),
                gold=item.get("articleBody") or "",
            )
        )
    return Dataset("aeb", "shingle", tuple(pages))


def load_trafilatura(root: Path, limit: int | None = None) -> Dataset:
    """trafilatura-eval: ``root/evaldata.json`` + ``root/html.tar.gz`` (read without unpacking).

    Pages are ordered by safe id; ids made from file names are unique (a clash gets ``-2``...).
    """
    eval_path, tar_path = root / "evaldata.json", root / "html.tar.gz"
    _require(eval_path, "trafilatura evaldata.json")
    _require(tar_path, "trafilatura html.tar.gz")
    evaldata: dict[str, dict[str, object]] = json.loads(eval_path.read_text(encoding="utf-8"))
    by_id: dict[str, tuple[str, dict[str, object]]] = {}
    for url, item in evaldata.items():
        sid = base = safe_id(str(item["file"]))
        k = 2
        while sid in by_id:
            sid, k = f"{base}-{k}", k + 1
        by_id[sid] = (url, item)
    chosen = spread(sorted(by_id), limit)
    wanted: dict[str, str] = {}
    for sid in chosen:
        name = str(by_id[sid][1]["file"])
        wanted[f"./cache/{name}"] = sid
        wanted[f"./eval/{name}"] = sid
    blobs: dict[str, bytes] = {}
    with tarfile.open(tar_path, "r:gz") as tar:
        for member in tar:
            sid_or_none = wanted.get(member.name if member.name.startswith("./") else f"./{member.name}")
            if sid_or_none is None or not member.isfile():
                continue
            fh = tar.extractfile(member)
            if fh is not None:
                blobs[sid_or_none] = fh.read()
    pages = []
    for sid in chosen:
        url, item = by_id[sid]
        if sid not in blobs:
            raise ConfigError(f"{tar_path}: no member ./cache/{item['file']} or ./eval/{item['file']}")
        with_ = item.get("with") or []
        without = item.get("without") or []
        assert isinstance(with_, list) and isinstance(without, list)
        pages.append(
            Page(
                id=sid,
                site=site_of(url),
                url=url if url.startswith("http") else None,
                html=blobs[sid],
                with_=tuple(str(s) for s in with_),
                without=tuple(str(s) for s in without),
            )
        )
    return Dataset("trafilatura", "snippet", tuple(pages))


def load_folder(root: Path, limit: int | None = None) -> Dataset:
    """A generic folder: ``gold/<id>.txt`` plus ``html/<id>.html[.gz]`` and/or ``text/<id>.txt``."""
    gold_dir = root / "gold"
    _require(gold_dir, "gold folder (gold/<id>.txt)")
    ids = sorted(p.name[: -len(".txt")] for p in gold_dir.glob("*.txt"))
    pages = []
    for key in spread(ids, limit):
        html: bytes | None = None
        for candidate in (root / "html" / f"{key}.html", root / "html" / f"{key}.html.gz"):
            if candidate.exists():
                data = candidate.read_bytes()
                html = gzip.decompress(data) if candidate.suffix == ".gz" else data
        text_path = root / "text" / f"{key}.txt"
        text = text_path.read_text(encoding="utf-8") if text_path.exists() else None
        if html is None and text is None:
            raise ConfigError(f"{root}: gold/{key}.txt has no html/{key}.html[.gz] or text/{key}.txt input")
        pages.append(
            Page(
                id=safe_id(key),
                site="_",
                html=html,
                text=text,
                gold=(gold_dir / f"{key}.txt").read_text(encoding="utf-8"),
            )
        )
    return Dataset(f"folder:{root.name}", "shingle", tuple(pages))


def load(spec: str, data_dir: Path | None, limit: int | None = None) -> Dataset:
    """Load a data set by spec: ``aeb``, ``trafilatura`` (under ``data_dir``) or ``folder:PATH``.

    >>> load("nope", None)
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: unknown dataset 'nope': use aeb, trafilatura or folder:PATH
    """
    if spec.startswith("folder:"):
        return load_folder(Path(spec[len("folder:") :]), limit)
    if spec not in ("aeb", "trafilatura"):
        raise ConfigError(f"unknown dataset {spec!r}: use aeb, trafilatura or folder:PATH")
    if data_dir is None:
        raise ConfigError("no data directory: pass --data DIR (the folder holding the shared data sets)")
    if spec == "aeb":
        return load_aeb(data_dir / "article-extraction-benchmark", limit)
    return load_trafilatura(data_dir / "trafilatura-eval", limit)
