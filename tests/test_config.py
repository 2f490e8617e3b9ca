"""Config: defaults in one place, TOML + overrides, every bad key or value a ConfigError."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Config, DedupConfig, ReadConfig, RunConfig
from pipeline.errors import ConfigError
from pipeline.run import run


def test_defaults_are_the_documented_ones() -> None:
    cfg = Config()
    assert cfg.dedup.mode == "drop"
    assert cfg.extract.include_comments is False
    assert cfg.run.workers == 0 and cfg.run.incremental is False


def test_toml_then_overrides(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[dedup]\nmode = "annotate"\nthreshold = 0.9\n[run]\nworkers = 3\n', encoding="utf-8")
    cfg = Config.load(path, {"run.workers": 1, "dedup.min_words": None})
    assert cfg.dedup.mode == "annotate" and cfg.dedup.threshold == 0.9
    assert cfg.run.workers == 1  # the command line wins over the file
    assert cfg.dedup.min_words == Config().dedup.min_words  # None means "not given"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"dedupe": {}}, "unknown config key dedupe"),
        ({"dedup": {"mode": "sometimes"}}, "dedup.mode must be one of"),
        ({"dedup": {"threshold": "high"}}, "dedup.threshold must be a number"),
        ({"run": {"workers": -1}}, "must not be negative"),
        ({"run": {"workers": True}}, "must be an integer"),
        ({"boilerplate": {"enabled": "yes"}}, "must be true or false"),
        ({"dedup": 3}, "must be a table"),
        # a float that is not a finite, non-negative number: before, timeout_s = nan or inf was
        # taken, and every HTML document was then rejected as "trafilatura failed"
        ({"extract": {"timeout_s": float("nan")}}, "extract.timeout_s must be a finite number"),
        ({"extract": {"timeout_s": float("inf")}}, "extract.timeout_s must be a finite number"),
        ({"dedup": {"threshold": -0.5}}, "dedup.threshold must not be negative"),
    ],
)
def test_bad_config_says_what_to_fix(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config.from_mapping(data)


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        Config.load(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[dedup\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.load(bad)


def test_config_file_that_is_a_folder_or_not_utf8(tmp_path: Path) -> None:
    # before: a folder stopped the run as an OS error (exit 1), bytes that are not UTF-8 with a
    # UnicodeDecodeError traceback; both are a wrong --config argument (exit 2)
    with pytest.raises(ConfigError, match="is a folder"):
        Config.load(tmp_path)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'# caf\xe9\n[dedup]\nmode = "off"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        Config.load(latin)


def test_rule_packs_of_a_config_file_are_found_beside_it_and_rules_flags_add_to_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # before: a pack named in the config file resolved against the working directory ("does not
    # exist"), and --rules replaced the file's packs instead of adding to them
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "site.toml").write_text("", encoding="utf-8")
    (conf / "c.toml").write_text('[boilerplate]\nrules = ["site.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cfg = Config.load(conf / "c.toml", {"boilerplate.rules": ["extra.toml"]})
    assert cfg.boilerplate.rules == (str(conf / "site.toml"), "extra.toml")
    (conf / "c.toml").write_text('[boilerplate]\nrules = ["cwd.toml"]\n', encoding="utf-8")
    assert Config.load(conf / "c.toml").boilerplate.rules == ("cwd.toml",)  # not beside it: as given


@pytest.mark.parametrize(
    "key",
    ["dedup.threshold", "dedup.document_threshold", "language.min_confidence", "boilerplate.threshold"],
)
def test_shares_and_scores_above_one_are_config_errors(key: str) -> None:
    # before: dedup.threshold = 7 ran and removed nothing; min_confidence = 3 made every document und
    section, name = key.split(".")
    with pytest.raises(ConfigError, match="from 0 to 1"):
        Config.from_mapping({section: {name: 7}})
    assert Config.from_mapping({section: {name: 1}}) is not None  # 1 itself is allowed


def test_a_rule_pack_given_as_a_string_in_a_config_file_is_one_pack(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text("", encoding="utf-8")
    (tmp_path / "c.toml").write_text('[boilerplate]\nrules = "site.toml"\n', encoding="utf-8")
    cfg = Config.load(tmp_path / "c.toml", {"boilerplate.rules": ["extra.toml"]})
    assert cfg.boilerplate.rules == (str(tmp_path / "site.toml"), "extra.toml")


@pytest.mark.parametrize("key", ["boilerplate.threshold", "dedup.threshold", "dedup.document_threshold"])
def test_thresholds_of_zero_that_would_remove_everything_are_config_errors(key: str) -> None:
    section, name = key.split(".")
    with pytest.raises(ConfigError, match="must be above 0"):
        Config.from_mapping({section: {name: 0}})


@pytest.mark.parametrize(
    ("key", "least"),
    [("read.max_bytes", 1), ("language.sample_chars", 3), ("boilerplate.template_min_docs", 2)],
)
def test_counts_below_their_least_sensible_value_are_config_errors(key: str, least: int) -> None:
    # before: read.max_bytes = 0 rejected every input as too_large, language.sample_chars = 0 made
    # every document und, template_min_docs = 1 made a one-document site's text all template
    # (every run exit 0)
    section, name = key.split(".")
    for value in {0, least - 1}:
        with pytest.raises(ConfigError, match=rf"^{key} must be at least {least} \(got {value}\): "):
            Config.from_mapping({section: {name: value}})
    assert getattr(getattr(Config.from_mapping({section: {name: least}}), section), name) == least


@pytest.mark.parametrize(
    "key", ["run.workers", "run.shard_size", "read.min_chars", "language.min_chars", "dedup.min_words",
            "language.seed", "extract.timeout_s", "language.min_confidence", "language.fallback_margin",
            "boilerplate.template_min_share"],
)  # fmt: skip
def test_zero_stays_allowed_where_it_means_something(key: str) -> None:
    # auto (workers, shard size), no limit (timeout), no minimum: 0 switches no stage off
    section, name = key.split(".")
    assert getattr(getattr(Config.from_mapping({section: {name: 0}}), section), name) == 0


def test_the_digest_of_a_run_covers_the_rules_it_loaded_not_how_their_path_is_spelt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import run as runner

    pack = tmp_path / "pack.toml"
    pack.write_text('disable = ["byline/en/by"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    digests = set()
    for name in ("pack.toml", str(pack), "./pack.toml"):
        cfg = Config.from_mapping({"boilerplate": {"rules": [name]}})
        digests.add(cfg.digest(runner._rule_pack(cfg).fingerprint()))
    assert len(digests) == 1
    time.sleep(0.01)
    pack.write_text('disable = ["byline/en/by", "comment_form/en/leave-a-reply"]\n', encoding="utf-8")
    cfg = Config.from_mapping({"boilerplate": {"rules": ["pack.toml"]}})
    edited = runner._rule_pack(cfg)  # reloaded: the cache knows the file changed
    assert "comment_form/en/leave-a-reply" in edited.disabled
    assert cfg.digest(edited.fingerprint()) not in digests


def test_digest_follows_what_a_rule_pack_holds_not_only_its_path(tmp_path: Path) -> None:
    # before: the same --rules path with other rules in it gave the same digest
    pack = tmp_path / "pack.toml"
    pack.write_text('disable = ["byline/en/by"]\n', encoding="utf-8")
    cfg = Config.from_mapping({"boilerplate": {"rules": [str(pack)]}})
    first = cfg.digest()
    assert cfg.digest() == first  # stable
    pack.write_text('disable = ["byline/en/by", "comment_form/en/leave-a-reply"]\n', encoding="utf-8")
    assert cfg.digest() != first


def test_digest_ignores_run_only_knobs_but_not_output_shaping_ones() -> None:
    base = Config().digest()
    assert Config.from_mapping({"run": {"workers": 7, "shard_size": 3}}).digest() == base
    assert Config.from_mapping({"dedup": {"mode": "off"}}).digest() != base


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        Config().dedup.mode = "off"  # type: ignore[misc]


def test_every_setting_is_documented() -> None:
    import dataclasses

    doc = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    cfg = Config()
    for section in dataclasses.fields(cfg):
        assert f"[{section.name}]" in doc
        body = doc.split(f"[{section.name}]")[1].split("\n[")[0]
        for key in dataclasses.fields(getattr(cfg, section.name)):
            assert f"{key.name} = " in doc or f"# {key.name} = (unset)" in doc, f"{section.name}.{key.name}"
            value = getattr(getattr(cfg, section.name), key.name)
            if value is None:
                continue
            if isinstance(value, bool):
                shown = "true" if value else "false"
            elif isinstance(value, str):
                shown = f'"{value}"'
            elif isinstance(value, tuple):
                shown = "[" + ", ".join(f'"{v}"' for v in value) + "]"
            else:
                shown = repr(value)
            assert f"\n{key.name} = {shown}\n" in body, f"{section.name}.{key.name}: other default"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (Config(dedup=DedupConfig(threshold=0)), "dedup.threshold must be above 0"),
        (Config(dedup=DedupConfig(mode="sometimes")), "dedup.mode must be one of"),  # type: ignore[arg-type]
        (Config(read=ReadConfig(max_bytes=-1)), "read.max_bytes must not be negative"),
        (Config(run=RunConfig(workers="2")), "run.workers must be an integer"),  # type: ignore[arg-type]
        ({"dedup": {"threshold": 2}}, "dedup.threshold is a share or a score from 0 to 1"),
        ("dedup.mode=drop", "config must be a Config or a dict of its sections"),
    ],
)
def test_a_config_built_in_code_is_checked_as_a_files_is(config: Any, message: str, tmp_path: Path) -> None:
    # before, a run took Config(dedup=DedupConfig(threshold=0)) as it came (23 passages of the
    # seeds removed instead of 3) and wrote mode "sometimes" into its manifest
    with pytest.raises(ConfigError, match=message):
        run(tmp_path / "in", tmp_path / "out", config)
    assert not (tmp_path / "out").exists()  # stopped before the output folder was made


def test_a_dict_of_sections_is_a_config() -> None:
    assert Config.checked({"dedup": {"mode": "annotate"}}) == Config(dedup=DedupConfig(mode="annotate"))
    assert Config.checked(None) == Config()
