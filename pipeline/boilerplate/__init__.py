"""The text-level boilerplate stage: rule packs (data), block features, a score-then-decide classifier.

Public API:

- :func:`load_rules` (shipped packs for en, de, fr, es and language-independent
  rules, plus user packs in TOML or YAML that add or disable rules, globally or
  per site; see ``docs/rules.md``) returning a :class:`RulePack`;
- :func:`detect` ``(doc, cfg, pack) -> Document`` adding ``removed`` spans
  (whole blocks, each with a :class:`~pipeline.document.Category`, a rule id and
  a score) and filling ``title``/``author`` from the plain text when unset;
- :func:`org_name` ``(name)``: whether a name is a desk's, an agency's, a paper's or an
  institution's rather than a person's (also used for the authors of HTML pages);
- :func:`warm_up` ``(pack)`` building a pack's rule index ahead of the first
  document (worth it before forking workers, which then share it; patterns are compiled on first
  use, in each worker).

>>> pack = load_rules()
>>> len(pack.rules) > 50
True
"""

from __future__ import annotations

from pipeline.boilerplate.classify import detect
from pipeline.boilerplate.features import BlockFeatures, block_features, guess_language
from pipeline.boilerplate.plan import warm_up
from pipeline.boilerplate.rules_model import Rule, RulePack, load_rules, shipped_languages
from pipeline.boilerplate.title import org_name

__all__ = [
    "BlockFeatures",
    "Rule",
    "RulePack",
    "block_features",
    "detect",
    "guess_language",
    "load_rules",
    "org_name",
    "shipped_languages",
    "warm_up",
]
