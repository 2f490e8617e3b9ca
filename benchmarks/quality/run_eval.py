"""Run the full quality evaluation (same as ``docclean eval``) from a checkout.

    python benchmarks/quality/run_eval.py --json benchmarks/quality/results.json
    python benchmarks/quality/run_eval.py --dataset aeb --systems nothing,trafilatura,c4

All arguments are those of ``docclean eval`` (see docs/evaluation.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.evaluation.harness import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
