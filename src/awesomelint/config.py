"""Settings: `[tool.awesomelint]` in pyproject.toml or `.awesomelint.toml`, then the command line.

A configuration file looks like::

    select = ["duplicate-arxiv-id", "missing-scheme"]   # default: every rule
    ignore = ["duplicate-url"]

    [rules.duplicate-url]
    severity = "error"
    allow = ["https://github.com/sindresorhus/awesome"]

Everything is checked once, up front; a bad key or value is a FatalError naming it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from awesomelint.errors import FatalError
from awesomelint.finding import Severity
from awesomelint.rule import OptionValue, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = ".awesomelint.toml"
_TOP_LEVEL_KEYS = frozenset({"select", "ignore", "rules", "allow-private", "links"})
DEFAULT_GITHUB_API = "https://api.github.com/graphql"
DEFAULT_ARXIV_API = "https://export.arxiv.org/api/query"


@dataclass(frozen=True)
class LinkSettings:
    """How network rules check links; the `[links]` table and the link options of the command line."""

    timeout: float = 10.0
    # 64 requests in flight and 8 per host: bench/linkcheck.py measured no gain past 64 on
    # 2 cores, and 8 per host keeps one host from being hammered while 8+ hosts fill the pool.
    max_concurrency: int = 64
    max_per_host: int = 8
    retries: int = 2
    deadline: float | None = None
    accept: frozenset[int] = frozenset()
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    user_agent: str | None = None
    cache: str | None = None  # a path; None means the user cache directory
    no_cache: bool = False
    github_api: str = DEFAULT_GITHUB_API
    arxiv_api: str = DEFAULT_ARXIV_API


def _link_value(key: str, value: object, where: str) -> object:
    """Check one `[links]` value against the type of its default."""
    if key == "accept":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            raise FatalError(f'{where}: accept must list status codes or ranges like "200-299"')
        codes: set[int] = set()
        for item in items:
            text = str(item).strip()
            low, _, high = text.partition("-")
            if not low.isdigit() or (high and not high.isdigit()):
                raise FatalError(f"{where}: accept: {text!r} is not a status code or a range like 200-299")
            codes.update(range(int(low), int(high or low) + 1))
        return frozenset(codes)
    if key in ("exclude", "include"):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
            raise FatalError(f"{where}: {key} must be a list of regular expressions")
        for pattern in items:
            try:
                re.compile(pattern)
            except re.error as error:
                raise FatalError(f"{where}: {key}: {pattern!r} is not a valid regular expression ({error})") from None
        return tuple(items)
    default = getattr(LinkSettings(), key.replace("-", "_"))
    if key == "deadline" or isinstance(default, float):
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise FatalError(f"{where}: {key} must be a number of seconds, not {value!r}") from None
        if number <= 0:
            raise FatalError(f"{where}: {key} must be more than 0")
        return number
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise FatalError(f"{where}: {key} must be true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not str(value).isdigit() or int(str(value)) < (0 if key == "retries" else 1):
            raise FatalError(f"{where}: {key} must be a whole number{' of 1 or more' if key != 'retries' else ''}")
        return int(str(value))
    if not isinstance(value, str):
        raise FatalError(f"{where}: {key} must be a string")
    return value


def parse_links(table: Mapping[str, object], where: str) -> dict[str, object]:
    known = {name.replace("_", "-") for name in LinkSettings.__dataclass_fields__}
    parsed: dict[str, object] = {}
    for key, value in table.items():
        if key not in known:
            raise FatalError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(known))})")
        parsed[key] = _link_value(key, value, where)
    return parsed


@dataclass(frozen=True)
class RawConfig:
    """What one source of settings says, before it is checked against the rules."""

    origin: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    allow_private: bool | None = None
    links: Mapping[str, object] = field(default_factory=dict)  # checked by parse_links


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Mapping[str, OptionValue]


@dataclass(frozen=True)
class Settings:
    rules: tuple[ActiveRule, ...]
    allow_private: bool = False
    links: LinkSettings = field(default_factory=LinkSettings)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(active.rule.name for active in self.rules)


def _names(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FatalError(f"{where}: expected a list of rule names")
    return tuple(value)


def parse_config(data: Mapping[str, Any], origin: str) -> RawConfig:
    """Check the shape of a configuration table (rule names are checked later, against the rules)."""
    unknown = sorted(set(data) - _TOP_LEVEL_KEYS)
    if unknown:
        raise FatalError(f"{origin}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_TOP_LEVEL_KEYS))})")
    select = _names(data["select"], f"{origin}: 'select'") if "select" in data else None
    ignore = _names(data.get("ignore", []), f"{origin}: 'ignore'")
    rules = data.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(table, dict) for table in rules.values()):
        raise FatalError(f"{origin}: 'rules' must hold one table per rule, like [rules.duplicate-url]")
    allow_private = data.get("allow-private")
    if allow_private is not None and not isinstance(allow_private, bool):
        raise FatalError(f"{origin}: 'allow-private' must be true or false")
    links = data.get("links", {})
    if not isinstance(links, dict):
        raise FatalError(f"{origin}: 'links' must be a table, like [links]")
    return RawConfig(
        origin=origin,
        select=select,
        ignore=ignore,
        rules=rules,
        allow_private=allow_private,
        links=parse_links(links, f"{origin}: [links]"),
    )


def read_config_file(path: Path) -> RawConfig:
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except OSError as error:
        raise FatalError(f"{path}: cannot read configuration: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise FatalError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError:
        raise FatalError(f"{path}: invalid TOML: the file is not UTF-8") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("awesomelint", {})
        if not isinstance(table, dict):
            raise FatalError(f"{path}: [tool.awesomelint] must be a table")
        return parse_config(table, f"{path} [tool.awesomelint]")
    return parse_config(data, str(path))


def _has_section(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as stream:
            return "awesomelint" in tomllib.load(stream).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


def find_config_file(start: Path) -> Path | None:
    """The nearest `.awesomelint.toml`, or pyproject.toml with [tool.awesomelint], from `start` upwards."""
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_section(pyproject):
            return pyproject
    return None


def _check_names(names: Sequence[str], known: Mapping[str, Rule], where: str) -> None:
    for name in names:
        if name not in known:
            raise FatalError(f"{where}: unknown rule {name!r} (see --list-rules)")


def resolve(layers: Sequence[RawConfig], known: Mapping[str, Rule]) -> Settings:
    """Merge settings sources, later ones winning, into the rules to run with their settings.

    A later `select` replaces an earlier one; `ignore` lists add up; per-rule tables merge key by key.
    """
    select: tuple[str, ...] | None = None
    ignore: set[str] = set()
    severities: dict[str, Severity] = {}
    options: dict[str, dict[str, OptionValue]] = {}
    allow_private = False
    links: dict[str, object] = {}
    for layer in layers:
        links.update({key.replace("-", "_"): value for key, value in layer.links.items()})
        if layer.select is not None:
            _check_names(layer.select, known, f"{layer.origin}: 'select'")
            select = layer.select
        _check_names(layer.ignore, known, f"{layer.origin}: 'ignore'")
        ignore.update(layer.ignore)
        if layer.allow_private is not None:
            allow_private = layer.allow_private
        for name, table in layer.rules.items():
            where = f"{layer.origin}: [rules.{name}]"
            rule = known.get(name)
            if rule is None:
                raise FatalError(f"{where}: unknown rule {name!r} (see --list-rules)")
            for key, value in table.items():
                if key == "severity":
                    try:
                        severities[name] = Severity(value)
                    except ValueError:
                        raise FatalError(f"{where}: severity must be 'error' or 'warning', not {value!r}") from None
                    continue
                option = rule.option(key)
                if option is None:
                    known_keys = ", ".join(["severity", *(o.name for o in rule.options)])
                    raise FatalError(f"{where}: unknown option {key!r} (known: {known_keys})")
                try:
                    options.setdefault(name, {})[key] = option.convert(value)
                except ValueError as error:
                    raise FatalError(f"{where}: {key} = {value!r}: {error}") from None
    chosen = [rule for name, rule in known.items() if (select is None or name in select) and name not in ignore]
    return Settings(
        rules=tuple(
            ActiveRule(
                rule=rule,
                severity=severities.get(rule.name, rule.severity),
                options=MappingProxyType({**rule.defaults(), **options.get(rule.name, {})}),
            )
            for rule in chosen
        ),
        allow_private=allow_private,
        links=LinkSettings(**links),  # type: ignore[arg-type]
    )
