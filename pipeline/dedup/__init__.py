"""Near-duplicate passages across documents and runs (the corpus stage).

Public API:

- :func:`compute_signature` (map side): ``Document`` -> compact :class:`DocSignature`;
  :func:`with_anchors` adds the anchors of many signatures at once.
- :class:`DedupIndex`: the in-memory index, serialisable with ``to_blobs``/``from_blobs``
  (stored by :class:`pipeline.state.State`).
- :func:`decide` (reduce side): signatures in canonical order -> ``{doc_id: DedupResult}``.

See docs/dedup.md for the method, thresholds and measurements.

>>> from pipeline.config import DedupConfig
>>> from pipeline.document import Document
>>> cfg = DedupConfig()
>>> t = "Azerbaijan is an important country for us and always has been, he said."
>>> docs = [Document(id=i, source=i, format="text", text=t) for i in ("a", "b")]
>>> res = decide([compute_signature(d, cfg) for d in docs], DedupIndex(), cfg)
>>> res["b"].duplicate_of, res["b"].duplicates[0].similarity
('a', 1.0)
"""

from pipeline.dedup.core import (
    DedupParams,
    DedupResult,
    DocSignature,
    compute_signature,
    decide,
    with_anchors,
)
from pipeline.dedup.index import DedupIndex

__all__ = [
    "DedupIndex",
    "DedupParams",
    "DedupResult",
    "DocSignature",
    "compute_signature",
    "decide",
    "with_anchors",
]
