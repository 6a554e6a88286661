"""The two kinds of expected failure, each reported as one line and exit status 2."""

from __future__ import annotations


class FatalError(Exception):
    """A usage or configuration problem that stops the run."""


class InputError(Exception):
    """A file that cannot be linted; the run goes on with the other files."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
