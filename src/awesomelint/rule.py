"""What a rule is, and the decorator that declares and registers one.

A rule is a pure function of a parsed document and its settings that yields findings::

    @rule(name="missing-scheme", summary="Link target has no scheme", fixable=True)
    def check(document: Document, context: RuleContext) -> Iterator[Finding]:
        ...
        yield context.finding(link.span, "...", fix=...)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from awesomelint.document import Document, Span
from awesomelint.finding import Finding, Fix, Severity

if TYPE_CHECKING:
    from awesomelint.linkcheck.service import NetworkServices

OptionValue = bool | int | float | str | tuple[str, ...]


@dataclass(frozen=True)
class Option:
    """A rule setting; its type is the type of its default."""

    name: str
    default: OptionValue
    help: str
    choices: tuple[str, ...] = ()

    def convert(self, value: object) -> OptionValue:
        """Check a configured value against the option's type; ValueError names what is wrong."""
        default = self.default
        if isinstance(default, bool):
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in ("true", "false"):
                return value.lower() == "true"
            raise ValueError("expected true or false")
        if isinstance(default, int) and not isinstance(default, bool):
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                return int(value)
            raise ValueError("expected a whole number")
        if isinstance(default, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            if isinstance(value, str):
                try:
                    return float(value)
                except ValueError:
                    pass
            raise ValueError("expected a number")
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(part.strip() for part in value.split(",") if part.strip())
            if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
                return tuple(value)
            raise ValueError("expected a list of strings")
        if not isinstance(value, str):
            raise ValueError("expected a string")
        if self.choices and value not in self.choices:
            raise ValueError(f"expected one of {', '.join(self.choices)}")
        return value


@dataclass(frozen=True)
class RuleContext:
    """What a rule knows besides the document: its effective severity, options, and today."""

    rule: str
    severity: Severity
    options: Mapping[str, OptionValue]
    path: str
    today: date = field(default_factory=date.today)
    network: NetworkServices | None = None  # for network rules: the run's shared link checker
    changed: frozenset[int] | None = None  # with --diff-base, the lines the change added or edited

    def is_changed(self, span: Span) -> bool:
        """Whether a change touched the span; without --diff-base every line counts as changed."""
        return self.changed is None or any(line in self.changed for line in range(span.line, span.end_line + 1))

    def duplicate_at(self, later: Span, earlier: Span) -> tuple[Span, Span]:
        """Where to report a repeat, and the place to name: the later copy, unless only the earlier one is new.

        A contributor who adds an entry above the one it repeats must see the finding on the
        line they wrote, or --diff-base would hide it.
        """
        if self.changed is not None and self.is_changed(earlier) and not self.is_changed(later):
            return earlier, later
        return later, earlier

    def finding(self, span: Span, message: str, fix: Fix | None = None, *, severity: Severity | None = None) -> Finding:
        """A finding of this rule at its configured severity (or, for a milder case, the one given)."""
        return Finding(
            rule=self.rule,
            severity=severity or self.severity,
            path=self.path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            message=message,
            fix=fix,
        )


# Offline rules return findings; network rules are coroutines that the runner awaits.
Check = Callable[[Document, RuleContext], Iterable[Finding] | Awaitable[Iterable[Finding]]]


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    check: Check
    severity: Severity = Severity.ERROR
    options: tuple[Option, ...] = ()
    fixable: bool = False
    network: bool = False
    documentation: str | None = None  # the rule's Markdown doc, for rules outside awesomelint

    def option(self, name: str) -> Option | None:
        return next((option for option in self.options if option.name == name), None)

    def defaults(self) -> dict[str, OptionValue]:
        return {option.name: option.default for option in self.options}


_registered: dict[str, Rule] = {}


def rule(
    *,
    name: str,
    summary: str,
    severity: Severity = Severity.ERROR,
    options: Iterable[Option] = (),
    fixable: bool = False,
    network: bool = False,
    documentation: str | None = None,
) -> Callable[[Check], Rule]:
    """Declare a rule and register it under its name."""

    def register(check: Check) -> Rule:
        declared = Rule(
            name=name,
            summary=summary,
            check=check,
            severity=severity,
            options=tuple(options),
            fixable=fixable,
            network=network,
            documentation=documentation,
        )
        existing = _registered.get(name)
        if existing is not None and existing.check is not check:
            raise ValueError(f"two rules are named {name!r}")
        _registered[name] = declared
        return declared

    return register


def registered() -> dict[str, Rule]:
    return dict(_registered)
