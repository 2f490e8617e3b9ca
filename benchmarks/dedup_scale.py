"""Scale benchmark for dedup: time and memory as the corpus grows to N documents.

The base corpus is every article of BBC News (2,225), Reuters-21578 bodies
(~19,000) and the 10kGNAD test split (1,028). Beyond the base, documents are
**synthetic variants** (ids ``syn-<n>``, labelled as such), made with a fixed
seed from 2-3 base articles: sentences recombined and shuffled; each sentence
kept verbatim (40 %), lightly edited (20 %: one word replaced, punctuation
changed) or rewritten into new text (40 %: most words replaced by words drawn
from the vocabulary), so the index keeps growing with new passages while
finding copies.

Every N runs in a fresh process (peak RSS is per process). Reported per N:
documents, passages (sentences) indexed, map time (segment + signature),
reduce time (decide), index bytes and bytes per indexed sentence, peak RSS,
and the share of sentences found as duplicates.

    .venv/bin/python benchmarks/dedup_scale.py --n 10000 100000 [1000000]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import io
import json
import random
import re
import resource
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.config import DedupConfig
from pipeline.dedup import DedupIndex, compute_signature, decide
from pipeline.document import Document
from pipeline.segment import segment

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BATCH = 1000
PROGRESS = 50_000  # documents between progress lines on stderr


def base_corpus(data: Path) -> list[str]:
    """The texts of the base corpora, in a fixed order."""
    texts: list[str] = []
    with tarfile.open(data / "bbc-news" / "bbc.tar.gz") as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            if m.isfile() and m.name.endswith(".txt") and "README" not in m.name:
                f = tar.extractfile(m)
                if f is not None:
                    texts.append(f.read().decode("utf-8", "replace"))
    for p in sorted((data / "reuters-21578").glob("reut2-*.sgm.gz")):
        raw = gzip.decompress(p.read_bytes()).decode("latin-1")
        for body in re.findall(r"<BODY>(.*?)</BODY>", raw, re.S):
            text = html.unescape(body).replace("\x03", "").strip()
            paras = [" ".join(x.split()) for x in re.split(r"\n\s+", text)]
            texts.append("\n\n".join(x for x in paras if x))
    gnad = data / "10kgnad-test" / "test.csv.gz"
    if gnad.exists():
        raw = gzip.decompress(gnad.read_bytes()).decode("utf-8")
        reader = csv.reader(io.StringIO(raw), delimiter=";", quotechar="'")
        texts.extend(row[1] for row in reader if len(row) >= 2)
    return [t for t in texts if t.strip()]


def documents(n: int, base: list[str], seed: int = 0) -> Iterator[Document]:
    """The first ``n`` documents: the base corpus, then labelled synthetic variants."""
    sentences = [
        [t[s.start : s.end] for s in segment(Document(id="b", source="b", format="text", text=t)).sentences]
        for t in base
    ]
    vocab = sorted({w for t in base[:3000] for w in t.split() if w.isalpha()})
    for i in range(n):
        if i < len(base):
            yield Document(id=f"base-{i}", source=f"base/{i}", format="text", text=base[i])
            continue
        rng = random.Random(seed * 1_000_003 + i)
        picked: list[str] = []
        for _ in range(rng.randint(2, 3)):
            src = sentences[rng.randrange(len(sentences))]
            if src:
                k = rng.randint(1, min(len(src), 8))
                start = rng.randrange(len(src) - k + 1)
                picked.extend(src[start : start + k])
        rng.shuffle(picked)
        out: list[str] = []
        for sent in picked:
            r = rng.random()
            ws = sent.split()
            if r < 0.4 or len(ws) < 4:
                out.append(sent)
            elif r < 0.6:
                ws[rng.randrange(len(ws))] = rng.choice(vocab)
                out.append(" ".join(ws).replace(",", ""))
            else:
                out.append(" ".join(w if rng.random() < 0.2 else rng.choice(vocab) for w in ws) + ".")
        yield Document(id=f"syn-{i}", source=f"synthetic/{i}", format="text", text="\n\n".join(out))


def measure(n: int, data: Path) -> dict[str, float]:
    """Run map + reduce over ``n`` documents in this process; return the figures."""
    t0 = time.perf_counter()
    base = base_corpus(data)
    load_s = time.perf_counter() - t0
    cfg = DedupConfig()
    index = DedupIndex()
    map_s = reduce_s = map_cpu = reduce_cpu = 0.0
    docs = sentences = dup_sentences = dup_docs = 0
    gen = documents(n, base)
    while True:
        t1, c1 = time.perf_counter(), time.process_time()
        batch = [compute_signature(segment(d), cfg) for d in _take(gen, BATCH)]
        t2, c2 = time.perf_counter(), time.process_time()
        if not batch:
            break
        res = decide(batch, index, cfg)
        t3, c3 = time.perf_counter(), time.process_time()
        map_s += t2 - t1
        reduce_s += t3 - t2
        map_cpu += c2 - c1
        reduce_cpu += c3 - c2
        docs += len(batch)
        sentences += sum(len(s) for s in batch)
        dup_sentences += sum(len(r.duplicates) for r in res.values())
        dup_docs += sum(r.duplicate_of is not None for r in res.values())
        if docs % PROGRESS == 0:
            print(
                json.dumps(
                    {
                        "progress_docs": docs,
                        "sentences": sentences,
                        "map_cpu_s": round(map_cpu, 1),
                        "reduce_cpu_s": round(reduce_cpu, 1),
                        "bytes_per_indexed_sentence": round(index.memory_bytes() / max(len(index), 1), 1),
                        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                        "wall": time.strftime("%H:%M:%S", time.gmtime()),
                    }
                ),
                file=sys.stderr,
                flush=True,
            )
    mem = index.memory_bytes()
    return {
        "n": docs,
        "sentences": sentences,
        "indexed_sentences": len(index),
        "anchors": index.anchors,
        "load_s": round(load_s, 1),
        "map_s": round(map_s, 1),
        "reduce_s": round(reduce_s, 1),
        "map_cpu_s": round(map_cpu, 1),
        "reduce_cpu_s": round(reduce_cpu, 1),
        "reduce_cpu_us_per_sentence": round(reduce_cpu / max(sentences, 1) * 1e6, 1),
        "index_bytes": mem,
        "bytes_per_indexed_sentence": round(mem / max(len(index), 1), 1),
        "bytes_per_sentence": round(mem / max(sentences, 1), 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "dup_sentence_share": round(dup_sentences / max(sentences, 1), 3),
        "dup_documents": dup_docs,
    }


def _take(gen: Iterator[Document], k: int) -> list[Document]:
    out: list[Document] = []
    for d in gen:
        out.append(d)
        if len(out) == k:
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--single", action="store_true", help="measure one N in this process (used internally)")
    args = ap.parse_args()
    if args.single:
        print(json.dumps(measure(args.n[0], args.data)))
        return
    print(
        f"{'N':>9} {'sentences':>10} {'indexed':>10} {'map cpu s':>10} {'reduce cpu s':>13} {'us/sent':>8}"
        f" {'index MiB':>10} {'B/sent':>7} {'peak MiB':>9} {'dup share':>9}"
    )
    for n in args.n:
        out = subprocess.run(
            [sys.executable, __file__, "--single", "--n", str(n), "--data", str(args.data)],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['n']:>9} {r['sentences']:>10} {r['indexed_sentences']:>10} {r['map_cpu_s']:>10}"
            f" {r['reduce_cpu_s']:>13} {r['reduce_cpu_us_per_sentence']:>8} {r['index_bytes'] / 2**20:>10.1f}"
            f" {r['bytes_per_indexed_sentence']:>7} {r['peak_rss_mib']:>9} {r['dup_sentence_share']:>9}",
            flush=True,
        )


if __name__ == "__main__":
    main()
