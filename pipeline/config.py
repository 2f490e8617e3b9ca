"""Frozen, typed configuration. Every default lives here, in one place.

Load order: defaults, then a TOML file (``--config``), then CLI overrides.
Unknown keys are errors, so a typo never silently falls back to a default.

>>> cfg = Config()
>>> cfg.dedup.mode
'drop'
>>> cfg2 = Config.from_mapping({"dedup": {"mode": "annotate"}})
>>> cfg2.dedup.mode, cfg2.dedup.threshold == cfg.dedup.threshold
('annotate', True)
>>> Config.from_mapping({"dedup": {"mode": "sometimes"}})
Traceback (most recent call last):
...
pipeline.errors.ConfigError: dedup.mode must be one of drop, annotate, off (got 'sometimes')
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from pipeline.errors import ConfigError

DedupMode = Literal["drop", "annotate", "off"]


@dataclass(frozen=True)
class ReadConfig:
    max_bytes: int = 20_000_000
    """Inputs (or JSONL/WARC records) larger than this are rejected as ``too_large``."""
    min_chars: int = 1
    """Documents with fewer non-space characters are rejected as ``empty``."""


@dataclass(frozen=True)
class ExtractConfig:
    timeout_s: float = 30.0
    """Per-document wall-clock limit for HTML extraction; beyond it, ``extraction_timeout`` (0: no limit)."""
    include_comments: bool = False
    include_tables: bool = True
    favor: Literal["balanced", "precision", "recall"] = "balanced"
    split_body: bool = True
    """Put back what trafilatura left out of the article body: the later parts of a body the page
    splits into containers of one class (an ad row between them), and the tweets it quotes."""


@dataclass(frozen=True)
class RepairConfig:
    ftfy: bool = True
    local: bool = True
    """Doubled punctuation, glued repeats, glued credits, odd spaces (pipeline/repair.py)."""


@dataclass(frozen=True)
class BoilerplateConfig:
    enabled: bool = True
    threshold: float = 0.5
    """A block whose boilerplate score reaches this is removed (score-then-decide)."""
    rules: tuple[str, ...] = ()
    """Extra rule packs (TOML or YAML files), see docs/rules.md."""
    site_templates: bool = True
    template_min_docs: int = 3
    """A line must recur in at least this many documents of one site to be a template."""
    template_min_share: float = 0.3
    """...and in at least this share of that site's documents."""

    @property
    def templates_on(self) -> bool:
        """Whether runs count lines for site templates and remove them (both switches on).

        >>> BoilerplateConfig(site_templates=True, enabled=False).templates_on
        False
        """
        return self.enabled and self.site_templates


@dataclass(frozen=True)
class LanguageConfig:
    method: Literal["profile", "langdetect"] = "profile"
    """``profile``: exact naive Bayes over langdetect's profiles (deterministic, fast);
    ``langdetect``: langdetect's own seeded random-sampling detector. See pipeline/language.py."""
    seed: int = 0
    min_chars: int = 20
    """Shorter texts get ``und``."""
    min_confidence: float = 0.5
    """A top language probability below this (no language has a majority) gives ``und``."""
    sample_chars: int = 1000
    """Detect on at most this many characters, sampled evenly across the text (start, middle, end)."""
    fallback_margin: float = 0.05
    """``profile`` method: when the two best languages are closer than this (mean log-likelihood
    per n-gram), ask seeded langdetect instead (thin evidence, e.g. tables of figures)."""


@dataclass(frozen=True)
class DedupConfig:
    mode: DedupMode = "drop"
    threshold: float = 0.75
    """Verified similarity at or above which a passage is a near-duplicate."""
    min_words: int = 6
    """Passages with fewer words are not removed on their own (4-5 words: only inside a copied run)."""
    document_threshold: float = 0.9
    """Share of a document's words in duplicate passages above which the whole document is a duplicate."""


@dataclass(frozen=True)
class RunConfig:
    workers: int = 0
    """Worker processes for the per-document stages; 0 means all cores."""
    shard_size: int = 0
    """Documents per shard (the unit of parallel work and of Prefect tasks); 0 means auto:
    up to 200, fewer (not below 20) so that each worker gets about 4 shards; with workers, the
    last shards of whole files (not JSONL pieces) are split in 4 (less idle time at the end of
    the map)."""
    state_dir: str | None = None
    """Where the state store lives; None means ``<output>/.docclean-state``."""
    gzip: bool = False
    """Write ``documents.jsonl.gz`` instead of ``documents.jsonl``."""
    incremental: bool = False
    """Skip inputs already processed by an earlier run with the same state (by path, size and
    hash), and write this run's records to ``documents-<run id>.jsonl`` beside earlier runs'
    files instead of replacing ``documents.jsonl``. Scheduled deployments turn it on."""


@dataclass(frozen=True)
class Config:
    read: ReadConfig = field(default_factory=ReadConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    repair: RepairConfig = field(default_factory=RepairConfig)
    boilerplate: BoilerplateConfig = field(default_factory=BoilerplateConfig)
    language: LanguageConfig = field(default_factory=LanguageConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    run: RunConfig = field(default_factory=RunConfig)

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Config:
        """Build a config from nested dicts (as parsed from TOML), validating every key."""
        config: Config = _build(cls, data, "")
        return config

    @classmethod
    def load(
        cls, path: str | os.PathLike[str] | None = None, overrides: dict[str, Any] | None = None
    ) -> Config:
        """Defaults, then the TOML file at ``path``, then ``overrides`` (dotted keys allowed).

        A rule pack the file names by a relative path is looked for beside the file first, then
        in the working directory. ``boilerplate.rules`` in ``overrides`` (``--rules``) adds to
        the file's packs, after them.
        """
        data: dict[str, Any] = {}
        if path is not None:
            p = Path(path)
            try:
                data = tomllib.loads(read_user_file(p, "config file"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"config file {p} is not valid TOML: {exc}") from None
            section = data.get("boilerplate")
            if isinstance(section, dict) and isinstance(section.get("rules"), str | list):
                packs = section["rules"]
                packs = [packs] if isinstance(packs, str) else packs  # one pack as a string
                section["rules"] = [_beside(p, x) if isinstance(x, str) else x for x in packs]
        for key, value in (overrides or {}).items():
            if value is None:
                continue
            node = data
            *parents, leaf = key.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            if key == "boilerplate.rules" and isinstance(node.get(leaf), list) and isinstance(value, list):
                value = [*node[leaf], *value]
            node[leaf] = value
        return cls.from_mapping(data)

    @classmethod
    def checked(cls, config: Config | dict[str, Any] | None) -> Config:
        """``config`` validated as a config file's values are (a :class:`ConfigError` naming the key),
        when a caller built it in code; a dict of sections is read as a file's; None is the defaults.

        >>> Config.checked(Config(dedup=DedupConfig(mode="sometimes")))  # type: ignore[arg-type]
        Traceback (most recent call last):
        ...
        pipeline.errors.ConfigError: dedup.mode must be one of drop, annotate, off (got 'sometimes')
        >>> Config.checked({"dedup": {"mode": "annotate"}}).dedup.mode
        'annotate'
        """
        if config is None:
            return cls()
        if isinstance(config, dict):
            return cls.from_mapping(config)
        if not isinstance(config, Config):
            given = type(config).__name__
            raise ConfigError(f"config must be a Config or a dict of its sections (got {given})")
        cls.from_mapping(config.to_dict())
        return config

    # -- identity ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def digest(self, rules: str | None = None) -> str:
        """A stable hash of the settings that shape the output (for the manifest).

        Run-only knobs (workers, shard size, state location) are left out: they
        never change the output bytes. The rule packs count by their content, not by their
        paths: ``rules``, the loaded packs' :meth:`RulePack.fingerprint` (a run passes the one of
        the packs it loaded); else each pack file's bytes, read now.
        """
        data = self.to_dict()
        data["run"] = {"gzip": self.run.gzip}
        if rules is None:
            packs = []
            for name in self.boilerplate.rules:
                try:
                    packs.append(hashlib.blake2b(Path(name).read_bytes(), digest_size=16).hexdigest())
                except OSError:
                    packs.append("unreadable")  # the run itself says what is wrong with it
            data["boilerplate"]["rules"] = packs
        else:
            data["boilerplate"]["rules"] = rules
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.blake2b(blob, digest_size=8).hexdigest()


def _beside(config_file: Path, name: str) -> str:
    """``name`` as a config file means it: beside the file when it is there, else as given."""
    p = Path(name)
    if p.is_absolute():
        return name
    near = config_file.parent / p
    return str(near) if near.exists() else name


def read_user_file(path: Path, what: str) -> str:
    """The text of a settings file the user named (``what``: "config file", "rule pack"), or a
    :class:`ConfigError` saying what is wrong with it (missing, a folder, not UTF-8, unreadable).

    >>> read_user_file(Path("/"), "config file")
    Traceback (most recent call last):
    ...
    pipeline.errors.ConfigError: config file / is a folder; name a file
    """
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{what} {path} does not exist") from None
    except IsADirectoryError:
        raise ConfigError(f"{what} {path} is a folder; name a file") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{what} {path} is not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{what} {path} cannot be read: {exc.strerror or exc}") from None


_SHARES = frozenset(
    {
        "boilerplate.threshold",
        "boilerplate.template_min_share",
        "language.min_confidence",
        "dedup.threshold",
        "dedup.document_threshold",
    }
)
"""Settings that are shares, probabilities or similarities: above 1 they would switch their stage
off in silence (``dedup.threshold = 7`` removes nothing, ``language.min_confidence = 3`` makes
every document ``und``)."""


_ABOVE_ZERO = frozenset({"boilerplate.threshold", "dedup.threshold", "dedup.document_threshold"})
"""Thresholds at which 0 would remove everything (every block boilerplate, every passage or
document a duplicate)."""


_AT_LEAST: dict[str, tuple[int, str]] = {
    "read.max_bytes": (1, "at 0 every input would be rejected as too_large"),
    "language.sample_chars": (
        3,
        "the sample takes a third of it each from the start, middle and end of a text: below 3 "
        "it is empty and every document would be und",
    ),
    "boilerplate.template_min_docs": (
        2,
        "below 2 every line of a site's only document would be a template, and that document would "
        "lose all its text (to turn templates off: boilerplate.site_templates = false)",
    ),
}
"""Whole-number settings whose low values switch their stage off in silence (the smallest value
that makes sense, and what a smaller one would do). Other counts have a meaning at 0:
``run.workers`` and ``run.shard_size`` (auto), ``read.min_chars`` (1), ``language.min_chars``
(no minimum), ``dedup.min_words`` (3, the least dedup uses)."""


def _build(cls: type[Any], data: dict[str, Any], prefix: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{prefix.rstrip('.') or 'config'} must be a table, got {type(data).__name__}")
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"unknown config key {prefix}{unknown[0]} (known: {', '.join(sorted(names))})")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        kwargs[name] = _coerce(hints[name], value, prefix + name)
    return cls(**kwargs)


def _coerce(hint: Any, value: Any, key: str) -> Any:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value, key + ".")
    origin = get_origin(hint)
    if origin is Literal:
        choices = get_args(hint)
        if value not in choices:
            raise ConfigError(f"{key} must be one of {', '.join(map(str, choices))} (got {value!r})")
        return value
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _coerce(args[0], value, key)
    if origin is tuple:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{key} must be a list (got {value!r})")
        return tuple(str(v) for v in value)
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key} must be true or false (got {value!r})")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{key} must be an integer (got {value!r})")
        if value < 0:
            raise ConfigError(f"{key} must not be negative (got {value})")
        if key in _AT_LEAST and value < _AT_LEAST[key][0]:
            least, why = _AT_LEAST[key]
            raise ConfigError(f"{key} must be at least {least} (got {value}): {why}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{key} must be a number (got {value!r})")
        try:
            number = float(value)
        except OverflowError:  # an integer too large for a float
            number = math.inf
        if not math.isfinite(number):
            raise ConfigError(f"{key} must be a finite number (got {value})")
        if number < 0:
            raise ConfigError(f"{key} must not be negative (got {value})")
        if key in _SHARES and number > 1:
            raise ConfigError(f"{key} is a share or a score from 0 to 1 (got {value})")
        if key in _ABOVE_ZERO and number == 0:
            raise ConfigError(f"{key} must be above 0 (got {value}): at 0 every block or passage would match")
        return number
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key} must be a string (got {value!r})")
        return value
    return value
