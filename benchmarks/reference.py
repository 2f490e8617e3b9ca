"""The "competent hand-rolled script" that docclean's throughput is measured against.

What issue 5 describes, with the same libraries docclean uses, in one process:
for each document, in input order,

1. ``ftfy.fix_text`` on the whole text,
2. seeded langdetect on the whole text (its own ``DetectorFactory``, seed 0),
3. a simple regex sentence split,
4. a ``datasketch.MinHashLSH`` over sentences (``num_perm=128``, ``threshold=0.8``,
   word 3-shingles): a sentence whose MinHash hits the index is dropped as
   already seen, otherwise it is kept and inserted,
5. one ``json.dumps`` line per document.

It is deliberately plain (no batching, no sampling, no worker processes) but
not careless: profiles are loaded once, MinHash permutations are shared, the
output file is buffered. Needs ``datasketch`` (the ``bench`` extra).

>>> split_sentences("One. Two!  Three?\\nFour")
['One.', 'Two!', 'Three?', 'Four']
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterable
from pathlib import Path

import ftfy
from datasketch import MinHash, MinHashLSH
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from benchmarks.corpus import iter_inputs

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE = 3

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_WORDS = re.compile(r"\w+")


def split_sentences(text: str) -> list[str]:
    """Split on whitespace after ``.!?`` and on blank lines; strip; drop empties."""
    return [s.strip() for s in _SENTENCES.split(text) if s.strip()]


def shingles(sentence: str) -> set[bytes]:
    """Lower-cased word 3-grams (the whole sentence when it has fewer words)."""
    words = _WORDS.findall(sentence.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


class Reference:
    """The reference cleaner; state (the LSH index) lives across documents."""

    def __init__(self, seed: int = 0) -> None:
        self.factory = DetectorFactory()
        self.factory.load_profile(PROFILES_DIRECTORY)
        self.factory.set_seed(seed)
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._template = MinHash(num_perm=NUM_PERM)
        # datasketch >= 2 wants the scheme named when permutations are reused; 1.x has none.
        scheme = getattr(self._template, "scheme", None)
        self._scheme: dict[str, str] = {"scheme": scheme} if scheme else {}
        self.sentences_seen = 0
        self.sentences_dropped = 0

    def detect(self, text: str) -> str:
        """Seeded langdetect on the whole text; ``und`` when it finds no features."""
        detector = self.factory.create()
        detector.append(text)
        try:
            return str(detector.detect())
        except LangDetectException:
            return "und"

    def minhash(self, sentence: str) -> MinHash:
        """A MinHash of the sentence's shingles (permutations shared with the template)."""
        m = MinHash(num_perm=NUM_PERM, permutations=self._template.permutations, **self._scheme)
        m.update_batch(list(shingles(sentence)))
        return m

    def clean(self, doc_id: str, raw: str) -> dict[str, object]:
        """Clean one document; returns the output record."""
        text = ftfy.fix_text(raw)
        language = self.detect(text)
        kept: list[str] = []
        for i, sentence in enumerate(split_sentences(text)):
            self.sentences_seen += 1
            m = self.minhash(sentence)
            if self.lsh.query(m):
                self.sentences_dropped += 1
                continue
            self.lsh.insert(f"{doc_id}:{i}", m)
            kept.append(sentence)
        return {"id": doc_id, "language": language, "text": " ".join(kept)}


def run(inputs: Iterable[tuple[str, str]], output: Path, seed: int = 0) -> dict[str, int]:
    """Clean every input into ``output`` (JSONL); returns counts."""
    ref = Reference(seed)
    docs = 0
    with output.open("w", encoding="utf-8") as out:
        for doc_id, raw in inputs:
            out.write(json.dumps(ref.clean(doc_id, raw), ensure_ascii=False) + "\n")
            docs += 1
    return {"docs": docs, "sentences": ref.sentences_seen, "sentences_dropped": ref.sentences_dropped}


__all__ = ["Reference", "iter_inputs", "run", "shingles", "split_sentences"]


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks.reference INPUT OUTPUT.jsonl``."""
    parser = argparse.ArgumentParser(description="Hand-rolled reference cleaner (issue 5).")
    parser.add_argument("input", type=Path, help="folder of .txt files, or a JSONL file with id/text")
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = run(iter_inputs(args.input), args.output)
    elapsed = time.perf_counter() - start
    print(
        json.dumps({**counts, "seconds": round(elapsed, 3), "docs_per_s": round(counts["docs"] / elapsed, 1)})
    )


if __name__ == "__main__":
    main()
