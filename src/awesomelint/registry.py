"""Finding the rules: every module in `awesomelint.rules`, then the `awesomelint.rules` entry points."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib import metadata
from types import ModuleType

from awesomelint.errors import FatalError
from awesomelint.rule import Rule, registered

ENTRY_POINT_GROUP = "awesomelint.rules"


def _import_builtin_rules() -> None:
    package = importlib.import_module("awesomelint.rules")
    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"awesomelint.rules.{module.name}")


def _load_entry_point(entry_point: metadata.EntryPoint) -> None:
    where = f"entry point {entry_point.name!r} ({entry_point.value})"
    try:
        loaded = entry_point.load()
    except Exception as error:  # a broken plugin must not crash the run with a traceback
        raise FatalError(f"rule plugin {where} failed to load: {type(error).__name__}: {error}") from None
    if isinstance(loaded, (Rule, ModuleType)):
        return  # importing it registered its rules through @rule
    raise FatalError(f"rule plugin {where} is neither a rule nor a module of rules")


@cache
def all_rules() -> dict[str, Rule]:
    """Every known rule by name, sorted by name so runs are deterministic."""
    _import_builtin_rules()
    for entry_point in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        _load_entry_point(entry_point)
    return dict(sorted(registered().items()))
